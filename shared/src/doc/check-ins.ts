import type * as Y from "yjs";
import { parseOrRefuse } from "../errors.ts";
import { MAX_CHECK_INS } from "../limits.ts";
import { isoDateSchema } from "../schema.ts";

/**
 * Check-in dates ("signposts"): when the team will revisit the model. A top-level
 * `checkIns: Y.Map date -> true` in the graph document, so two people adding dates at once
 * both keep theirs and a date is never listed twice.
 */
export function checkInsMap(doc: Y.Doc): Y.Map<true> {
  return doc.getMap("checkIns");
}

/** The valid dates, at most MAX_CHECK_INS (a document stored past the cap still reads). */
export function readCheckIns(doc: Y.Doc): string[] {
  const dates = [...checkInsMap(doc).keys()].filter((d) => isoDateSchema.safeParse(d).success);
  return dates.sort().slice(0, MAX_CHECK_INS);
}

export function addCheckIn(doc: Y.Doc, date: string, origin: unknown): void {
  const valid = parseOrRefuse(isoDateSchema, date, "This check-in date");
  doc.transact(() => checkInsMap(doc).set(valid, true), origin);
}

export function removeCheckIn(doc: Y.Doc, date: string, origin: unknown): void {
  doc.transact(() => checkInsMap(doc).delete(date), origin);
}

/** Makes the document's check-ins exactly `dates`, touching only what differs. */
export function replaceCheckIns(doc: Y.Doc, dates: readonly string[], origin: unknown): void {
  const wanted = new Set(dates);
  doc.transact(() => {
    const map = checkInsMap(doc);
    for (const date of [...map.keys()]) if (!wanted.has(date)) map.delete(date);
    for (const date of wanted) if (!map.has(date)) map.set(date, true);
  }, origin);
}
