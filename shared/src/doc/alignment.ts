import type * as Y from "yjs";
import { type Alignment, alignsToSchema, goalKey } from "../alignment.ts";
import { type GoalList, readGoalList, writeGoalList } from "./goal-lists.ts";

/**
 * Typed mutations of a goal's alignments up the cascade (`alignsTo`). The list is one plain
 * value, replaced whole: alignments change rarely and by one person, and a whole value is what
 * the gate can check against the one schema in one step.
 */

/** A fresh copy of the list, without undefined notes, so that Yjs stores exactly what reads. */
export function copyAlignments(list: readonly Alignment[]): Alignment[] {
  return list.map((a) =>
    a.note === undefined
      ? { modelId: a.modelId, cardId: a.cardId }
      : { modelId: a.modelId, cardId: a.cardId, note: a.note },
  );
}

const ALIGNS_TO: GoalList<Alignment> = {
  key: "alignsTo",
  schema: alignsToSchema,
  copy: copyAlignments,
  what: "alignment",
  notGoal: {
    code: "alignment-not-goal",
    message: "Only goals (small-win, mid-journey, long-term) align to goals above.",
  },
};

/** The card's alignments as stored (an empty list when it has none or they do not read). */
export function alignmentsOf(doc: Y.Doc, cardId: string): Alignment[] {
  return readGoalList(doc, cardId, ALIGNS_TO);
}

/** Replaces the card's alignments; an empty list removes the field. Refused in words when invalid. */
export function setAlignments(
  doc: Y.Doc,
  cardId: string,
  list: readonly Alignment[],
  origin: unknown,
): void {
  writeGoalList(doc, cardId, ALIGNS_TO, list, origin);
}

/** Aligns the card to one more goal (or changes the note of an existing alignment). */
export function alignTo(doc: Y.Doc, cardId: string, alignment: Alignment, origin: unknown): void {
  const list = alignmentsOf(doc, cardId);
  const key = goalKey(alignment.modelId, alignment.cardId);
  const at = list.findIndex((a) => goalKey(a.modelId, a.cardId) === key);
  if (at >= 0) list[at] = alignment;
  else list.push(alignment);
  setAlignments(doc, cardId, list, origin);
}

/** Removes one alignment; nothing happens when the card does not align to that goal. */
export function unalign(
  doc: Y.Doc,
  cardId: string,
  target: { modelId: string; cardId: string },
  origin: unknown,
): void {
  const list = alignmentsOf(doc, cardId);
  const key = goalKey(target.modelId, target.cardId);
  const next = list.filter((a) => goalKey(a.modelId, a.cardId) !== key);
  if (next.length !== list.length) setAlignments(doc, cardId, next, origin);
}
