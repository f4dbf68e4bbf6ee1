import { z } from "zod";
import { REVIEW_LIMITS } from "./limits.ts";
import { isoDateTime } from "./review/schema.ts";
import { idSchema } from "./schema.ts";

/**
 * Unread markers of a signed-in person, kept by the server so that they follow the person to
 * every device (`GET` / `PUT /api/models/:id/read-state`). Per thread, the newest message time the
 * person has seen: the writers' clocks, never the reader's, so a clock running behind on one
 * device cannot hide a message written after the thread was read. People without an account keep
 * the same marks in their browser.
 */

/** Threads one person may have marks on in one model: every thread the review document holds. */
export const READ_MARKS_MAX = REVIEW_LIMITS.threads;

/** Thread id → the newest message time (ISO) the person has seen in it. */
export type ReadMarks = Record<string, string>;

/** The body of both routes: `GET` answers every mark, `PUT` sends those to merge in. */
export const readStateSchema = z.strictObject({
  threads: z
    .record(idSchema, isoDateTime)
    .refine((marks) => Object.keys(marks).length <= READ_MARKS_MAX, {
      message: `must name at most ${READ_MARKS_MAX} threads`,
    }),
});
export type ReadState = z.infer<typeof readStateSchema>;

/** Where a model's read state lives in the API. */
export function readStatePath(modelId: string): string {
  return `/api/models/${encodeURIComponent(modelId)}/read-state`;
}

/**
 * Two sets of marks as one: each thread keeps the later time, so marks from two devices merge
 * whichever arrives first. Times compare as the strings the review document holds.
 */
export function mergeReadMarks(a: ReadMarks, b: ReadMarks): ReadMarks {
  // A Map, then own properties: a thread id such as "__proto__" stays an ordinary key.
  const merged = new Map(Object.entries(a));
  for (const [thread, at] of Object.entries(b)) {
    const known = merged.get(thread);
    if (known === undefined || at > known) merged.set(thread, at);
  }
  return Object.fromEntries(merged);
}
