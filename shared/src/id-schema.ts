import { z } from "zod";

/** Card, link and thread ids: in its own module so that schema.ts and alignment.ts share it. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const idSchema = z.string().regex(ID_PATTERN, "must be 1 to 64 letters, digits, '-' or '_'");
