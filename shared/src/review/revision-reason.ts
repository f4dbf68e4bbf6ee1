import { z } from "zod";
import { idSchema } from "../schema.ts";

/**
 * "Why revised": the stateless message an editor's browser sends on the graph document after
 * revising a goal, and the server's replies. The card must exist in the model when the reason
 * arrives; a reason may also arrive just before its change, and then waits for it, up to
 * `PENDING_REASONS_MAX` per person per model.
 */
export const REVISION_REASON = "revision-reason";
export const REVISION_REASON_SAVED = "revision-reason-saved";
export const REVISION_REASON_REFUSED = "revision-reason-refused";

export const REVISION_REASON_MAX = 1_000;
export const PENDING_REASONS_MAX = 20;

export const revisionReasonSchema = z.strictObject({
  type: z.literal(REVISION_REASON),
  nodeId: idSchema,
  reason: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(REVISION_REASON_MAX, `must be at most ${REVISION_REASON_MAX} characters`),
});

export type RevisionReasonReply =
  | { type: typeof REVISION_REASON_SAVED; nodeId: string; entryId: string | null }
  | { type: typeof REVISION_REASON_REFUSED; nodeId?: string; message: string };
