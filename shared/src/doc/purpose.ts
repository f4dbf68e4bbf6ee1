import type * as Y from "yjs";
import { z } from "zod";
import { parseOrRefuse } from "../errors.ts";
import { type Purpose, purposeShape, tidyPurpose } from "../purpose.ts";
import { metaMap } from "./layout.ts";

/**
 * The school's mission, vision and values in the graph document: three optional plain fields of
 * `meta` (issue 17). Each is its own key, so one person's mission and another's vision both land;
 * the list of values is replaced whole. An empty text or list removes the key.
 */

const purposeSchema = z.strictObject(purposeShape);

export function readPurpose(doc: Y.Doc): Purpose {
  const meta = metaMap(doc);
  const parsed = purposeSchema.safeParse({
    mission: meta.get("mission"),
    vision: meta.get("vision"),
    values: meta.get("values"),
  });
  // The gate refuses bad values, so a failure means a document from before it: read none.
  return parsed.success ? tidyPurpose(parsed.data) : {};
}

/** Writes the fields given in `patch` (leaving the others alone), in the caller's transaction. */
export function writePurpose(doc: Y.Doc, patch: Purpose): void {
  const meta = metaMap(doc);
  const tidy = tidyPurpose(patch);
  for (const key of ["mission", "vision", "values"] as const) {
    if (!(key in patch)) continue;
    const value = tidy[key];
    if (value === undefined) {
      if (meta.has(key)) meta.delete(key);
    } else if (JSON.stringify(meta.get(key)) !== JSON.stringify(value)) {
      meta.set(key, Array.isArray(value) ? [...value] : value);
    }
  }
}

/** Sets the mission, vision or values named in `patch`; refuses, in words, what is too long. */
export function setPurpose(doc: Y.Doc, patch: Purpose, origin: unknown): void {
  parseOrRefuse(purposeSchema, tidyPurpose(patch), "mission, vision and values");
  doc.transact(() => writePurpose(doc, patch), origin);
}
