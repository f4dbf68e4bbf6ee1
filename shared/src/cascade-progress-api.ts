import { z } from "zod";
import { CASCADE_WARNING_CODES } from "./cascade-warnings.ts";
import { flagParam, goalPlace, measurementView, statusSchema } from "./cascade-wire.ts";
import { GOAL_KINDS } from "./kinds.ts";
import { GOAL_STATUSES } from "./progress.ts";
import { PROGRESS_PAGE_MAX, PROGRESS_SORTS, type ProgressSort } from "./progress-sorts.ts";
import { isoDateSchema } from "./schema.ts";
import { searchOf } from "./search-params.ts";

// The sorts and the page size live in a module without zod, for the progress page (light.ts).
export { PROGRESS_PAGE_MAX, PROGRESS_SORTS, type ProgressSort } from "./progress-sorts.ts";

/**
 * The workspace progress page's answer and query. The server sorts and filters every goal at or
 * below the workspace and sends a page of them, so the page never downloads a district's 10,000
 * rows to show 200; the CSV takes the same filters and gives every matching row.
 */

export const progressRowSchema = z.object({
  ...goalPlace,
  status: statusSchema,
  /** The status the latest measurement has today (see progress.ts `statusToday`). */
  statusToday: statusSchema,
  stale: z.boolean(),
  unit: z.string().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  targetDate: isoDateSchema.nullable(),
  latest: measurementView.nullable(),
  lastMeasured: isoDateSchema.nullable(),
  nextCheckIn: isoDateSchema.nullable(),
  /** How many goals above it aligns to, and how many of those are broken. */
  alignedUp: z.number().int(),
  brokenUp: z.number().int(),
  /**
   * The cascade's warnings about the goal as one aligned to a goal above (the 84 % trap among
   * them, cascade.ts `alignmentWarnings`); absent when there are none, and from older servers.
   */
  warnings: z
    .array(z.object({ code: z.enum(CASCADE_WARNING_CODES), message: z.string() }))
    .optional(),
});
export const workspaceProgressSchema = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  /** A page of the matching rows, in the asked order (stale mid-journey goals first by default). */
  rows: z.array(progressRowSchema),
  generatedAt: z.string(),
  /** Rows matching the filters (the page is `rows`); absent from answers of servers before paging. */
  total: z.number().int().optional(),
  /** Goals at or below the workspace before any filter. */
  unfiltered: z.number().int().optional(),
  /** The cursor of the next page; null on the last page. */
  nextCursor: z.string().nullable().optional(),
});
export type ProgressRow = z.infer<typeof progressRowSchema>;
export type WorkspaceProgressAnswer = z.infer<typeof workspaceProgressSchema>;

const SORT_KEYS = Object.keys(PROGRESS_SORTS) as [ProgressSort, ...ProgressSort[]];

/** Search text at most. */
export const PROGRESS_TEXT_MAX = 200;

/** The filters and the order: what the page shows and what the CSV gives. */
export const progressFilterSchema = z.strictObject({
  /** Words every row must hold, in its goal, model or workspace name. */
  q: z
    .string()
    .max(PROGRESS_TEXT_MAX, { error: `q must be at most ${PROGRESS_TEXT_MAX} characters` })
    .optional(),
  status: z
    .enum(GOAL_STATUSES, { error: `status must be one of ${GOAL_STATUSES.join(", ")}` })
    .optional(),
  kind: z.enum(GOAL_KINDS, { error: `kind must be one of ${GOAL_KINDS.join(", ")}` }).optional(),
  /** A school or team at or below the workspace: its goals and those of the teams under it. */
  place: z.string().max(64, { error: "place must be a workspace id" }).optional(),
  /** Only what needs attention (cascade-attention.ts, the map's definition). */
  attention: flagParam("attention").optional(),
  sort: z.enum(SORT_KEYS, { error: `sort must be one of ${SORT_KEYS.join(", ")}` }).optional(),
});
export type ProgressFilter = z.output<typeof progressFilterSchema>;

/**
 * The progress route's query: the filters, and a page of the rows in that order. The cursor is
 * an offset in that order, so a page read after a change may repeat or skip a row: a live page
 * reloads from the start on the change event rather than carrying on.
 */
export const progressQuerySchema = progressFilterSchema.extend({
  limit: z.coerce
    .number({ error: "limit must be a number of rows" })
    .int({ error: "limit must be a whole number of rows" })
    .min(1, { error: "limit must be at least 1" })
    .max(PROGRESS_PAGE_MAX, { error: `limit must be at most ${PROGRESS_PAGE_MAX} rows` })
    .optional(),
  cursor: z
    .string()
    .regex(/^\d{1,9}$/, { error: "cursor must be the nextCursor of an earlier answer" })
    .optional(),
});
export type ProgressQuery = z.output<typeof progressQuerySchema>;

export const progressSearch = (q: ProgressQuery = {}): string => searchOf({ ...q });
