import { z } from "zod";

/**
 * What the cascade's requests and streams carry besides bodies (cascade-api.ts has the paths and
 * answers): the progress route's page query and the data of a live `cascade` event.
 */

/** Rows per page at most; a page past the end is empty, never an error. */
export const PROGRESS_PAGE_MAX = 5_000;

/**
 * The progress route's query: a page of the rows in their one order. The cursor is an offset in
 * that order, so a page read after a change may repeat or skip a row: a live page reloads from
 * the start on the change event rather than carrying on.
 */
export const progressQuerySchema = z.strictObject({
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
export type ProgressQuery = z.infer<typeof progressQuerySchema>;

/** The data of one `cascade` server-sent event. */
export const cascadeEventSchema = z.object({
  /** The models whose goals changed (the page refetches what shows them). */
  modelIds: z.array(z.string()),
  at: z.string(),
});
export type CascadeEvent = z.infer<typeof cascadeEventSchema>;
