import { z } from "zod";
import { REVISION_REASON_MAX } from "./limits.ts";
import { ROLES } from "./roles.ts";
import { idSchema } from "./schema.ts";

/**
 * The messages client and server exchange beside the Yjs documents: Hocuspocus "stateless"
 * payloads, each the JSON text of one object tagged by `type`. Both ends build and read them
 * here, so the wire is described once.
 *
 * Client → server, on the model's graph document:
 * - `revision-reason` `{ nodeId, reason }`: why the sender revised that card (a goal). The card
 *   must exist in the model; the reason may arrive just before its change and then waits for it,
 *   up to `PENDING_REASONS_MAX` per person per model. Only editors may send it.
 *
 * Server → client:
 * - `session` `{ role, person }` on every document, once authenticated: the connection's role
 *   and public person id (null without a person), from the only party that can vouch for them.
 * - `revision-reason-saved` `{ nodeId, entryId }`: the reason is in the revision log (`entryId`
 *   null while it waits for its change).
 * - `revision-reason-refused` `{ nodeId?, message }`: it was not saved, and why, in words for
 *   the person; `nodeId` is missing when the message was refused before it could be read.
 * - `versions-changed` `{}` on the graph document, to everyone: the saved versions changed, so
 *   open views refresh instead of polling.
 *
 * A payload that is not JSON or names no type of ours is ignored: it is not ours to answer. A
 * client message of a known type that does not fit its schema is refused with a reply saying
 * what is wrong (`decodeClientMessage` returns that refusal).
 */

export const REVISION_REASON = "revision-reason";
export const REVISION_REASON_SAVED = "revision-reason-saved";
export const REVISION_REASON_REFUSED = "revision-reason-refused";
export const SESSION = "session";
export const VERSIONS_CHANGED = "versions-changed";

const revisionReasonSchema = z.strictObject({
  type: z.literal(REVISION_REASON),
  nodeId: idSchema,
  reason: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(REVISION_REASON_MAX, `must be at most ${REVISION_REASON_MAX} characters`),
});

export const sessionInfoSchema = z.strictObject({
  type: z.literal(SESSION),
  role: z.enum(ROLES),
  person: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
});

const revisionReasonSavedSchema = z.strictObject({
  type: z.literal(REVISION_REASON_SAVED),
  nodeId: z.string(),
  entryId: z.string().nullable(),
});

const revisionReasonRefusedSchema = z.strictObject({
  type: z.literal(REVISION_REASON_REFUSED),
  nodeId: z.string().optional(),
  message: z.string(),
});

const versionsChangedSchema = z.strictObject({ type: z.literal(VERSIONS_CHANGED) });

const clientMessageSchema = z.discriminatedUnion("type", [revisionReasonSchema]);
type ClientMessage = z.input<typeof clientMessageSchema>;

const serverMessageSchema = z.discriminatedUnion("type", [
  sessionInfoSchema,
  revisionReasonSavedSchema,
  revisionReasonRefusedSchema,
  versionsChangedSchema,
]);
type ServerMessage = z.infer<typeof serverMessageSchema>;
export type RevisionReasonReply = Extract<
  ServerMessage,
  { type: typeof REVISION_REASON_SAVED | typeof REVISION_REASON_REFUSED }
>;

export function encodeClientMessage(message: ClientMessage): string {
  return JSON.stringify(message);
}

export function encodeServerMessage(message: ServerMessage): string {
  return JSON.stringify(message);
}

/**
 * What the server makes of a client payload: a message, a refusal to send back (in words), or
 * null when the payload is not one of ours and is ignored.
 */
type DecodedClientMessage =
  | { ok: true; message: z.output<typeof clientMessageSchema> }
  | { ok: false; refusal: string };

/** Longest reason payload worth parsing: a reason of the longest length, every character escaped. */
const REASON_PAYLOAD_MAX = 6 * REVISION_REASON_MAX + 200;

export function decodeClientMessage(payload: string): DecodedClientMessage | null {
  // The only client message today; a cheap look before parsing anything.
  if (!payload.includes(`"${REVISION_REASON}"`)) return null;
  if (payload.length > REASON_PAYLOAD_MAX)
    return {
      ok: false,
      refusal: `The reason was not saved: it is longer than ${REVISION_REASON_MAX} characters.`,
    };
  const data = parseJson(payload);
  if ((data as { type?: unknown } | undefined)?.type !== REVISION_REASON) return null;
  const parsed = clientMessageSchema.safeParse(data);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    refusal: `The reason was not saved: ${issue?.path.join(".") || "message"} ${issue?.message ?? "is invalid"}.`,
  };
}

/** A server message, or null for anything else (the client ignores it). */
export function decodeServerMessage(payload: string): ServerMessage | null {
  const parsed = serverMessageSchema.safeParse(parseJson(payload));
  return parsed.success ? parsed.data : null;
}

/** The type of a server message, or null when the payload is not one. */
export function noticeType(payload: string): ServerMessage["type"] | null {
  return decodeServerMessage(payload)?.type ?? null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
