import * as Y from "yjs";
import type { z } from "zod";
import { DomainError, parseOrRefuse } from "../errors.ts";
import { isGoalKind } from "../kinds.ts";
import { type NodeMap, nodesMap } from "./layout.ts";

/**
 * A goal card's plain list fields (`alignsTo`, `subgroups`): each is one plain value on the card,
 * replaced whole, read through its schema. One mechanism for both, so they read, refuse and write
 * the same way.
 */
export interface GoalList<T> {
  /** The key on the card's map. */
  key: string;
  schema: z.ZodType<T[]>;
  /** A plain copy, so no caller's object ends up in the document. */
  copy: (list: readonly T[]) => T[];
  /** What one entry is called in a refusal ("alignment", "subgroup"). */
  what: string;
  /** The DomainError code and words when the card is not a goal. */
  notGoal: { code: string; message: string };
}

/** The card's map, refused in words when it is missing or not a goal. */
export function goalMapOrThrow<T>(doc: Y.Doc, cardId: string, field: GoalList<T>): NodeMap {
  const node = nodesMap(doc).get(cardId);
  if (!(node instanceof Y.Map))
    throw new DomainError("node-not-found", `There is no card with id ${cardId}.`);
  const kind = node.get("kind");
  if (typeof kind !== "string" || !isGoalKind(kind as never))
    throw new DomainError(field.notGoal.code, field.notGoal.message);
  return node;
}

/** The list as stored (an empty list when the card has none or it does not read). */
export function readGoalList<T>(doc: Y.Doc, cardId: string, field: GoalList<T>): T[] {
  const node = nodesMap(doc).get(cardId);
  if (!(node instanceof Y.Map)) return [];
  const parsed = field.schema.safeParse(node.get(field.key));
  return parsed.success ? parsed.data : [];
}

/** Replaces the list; an empty list removes the field. Refused in words when invalid. */
export function writeGoalList<T>(
  doc: Y.Doc,
  cardId: string,
  field: GoalList<T>,
  list: readonly T[],
  origin: unknown,
): void {
  const map = goalMapOrThrow(doc, cardId, field);
  const valid = parseOrRefuse(field.schema, field.copy(list), field.what);
  doc.transact(() => {
    if (valid.length === 0) map.delete(field.key);
    else map.set(field.key, field.copy(valid));
  }, origin);
}
