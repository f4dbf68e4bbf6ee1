import { z } from "zod";

/**
 * The scalar schemas every other schema builds on (ids, dates), in a module of their own so that
 * feature schemas (`cycle-schema.ts`, `purpose.ts`, `action-plan.ts`) and `schema.ts` share them without a cycle.
 */

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const idSchema = z.string().regex(ID_PATTERN, "must be 1 to 64 letters, digits, '-' or '_'");

/** ISO calendar date; `z.iso.date` also rejects impossible dates such as 2025-02-30. */
export const isoDateSchema = z.iso.date("must be a date written YYYY-MM-DD");
