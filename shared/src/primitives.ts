import { z } from "zod";

/**
 * The smallest building blocks of the schema (ids, calendar dates), apart from `schema.ts` so that
 * the modules it is built from (action plans) can use them without an import cycle.
 */

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const idSchema = z.string().regex(ID_PATTERN, "must be 1 to 64 letters, digits, '-' or '_'");

/** ISO calendar date; `z.iso.date` also rejects impossible dates such as 2025-02-30. */
export const isoDateSchema = z.iso.date("must be a date written YYYY-MM-DD");
