import type * as Y from "yjs";
import { DomainError, parseOrRefuse } from "../errors.ts";
import { newId } from "../ids.ts";
import {
  type DatedValue,
  type Measurement,
  type Subgroup,
  subgroupNameKey,
  subgroupNameSchema,
  subgroupsSchema,
} from "../schema.ts";
import { type GoalList, goalMapOrThrow, readGoalList, writeGoalList } from "./goal-lists.ts";
import { measurementsOf } from "./layout.ts";

/**
 * Typed mutations of a goal's subgroups (issue 18). The list is one plain value replaced whole,
 * like `alignsTo`: subgroups are set up rarely, by one person, and a whole value is what the
 * write gate checks against the one schema in one step. Their measurements are entries of the
 * goal's measurement array naming the subgroup's id, so recording them concurrently merges.
 */

function copyDated(value: DatedValue): DatedValue {
  return value.date === undefined
    ? { value: value.value }
    : { value: value.value, date: value.date };
}

/** A fresh copy without undefined fields, so that Yjs stores exactly what reads back. */
export function copySubgroups(list: readonly Subgroup[]): Subgroup[] {
  return list.map((s) => {
    const copy: Subgroup = { id: s.id, name: s.name };
    if (s.baseline) copy.baseline = copyDated(s.baseline);
    if (s.target) copy.target = copyDated(s.target);
    return copy;
  });
}

/** A measurement as stored: optional fields only when set. */
export function copyMeasurement(m: Measurement): Measurement {
  const copy: Measurement = { date: m.date, value: m.value };
  if (m.note !== undefined) copy.note = m.note;
  if (m.subgroup !== undefined) copy.subgroup = m.subgroup;
  return copy;
}

const SUBGROUPS: GoalList<Subgroup> = {
  key: "subgroups",
  schema: subgroupsSchema,
  copy: copySubgroups,
  what: "subgroup",
  notGoal: {
    code: "subgroup-not-goal",
    message: "Only goals (small-win, mid-journey, long-term) track subgroups.",
  },
};

/** The goal's subgroups as stored (an empty list when it has none or they do not read). */
export function subgroupsOfCard(doc: Y.Doc, cardId: string): Subgroup[] {
  return readGoalList(doc, cardId, SUBGROUPS);
}

/** Replaces the goal's subgroups; an empty list removes the field. Refused in words when invalid. */
export function setSubgroups(
  doc: Y.Doc,
  cardId: string,
  list: readonly Subgroup[],
  origin: unknown,
): void {
  writeGoalList(doc, cardId, SUBGROUPS, list, origin);
}

/** Adds a subgroup by name and answers its id; a repeated name or the 13th is refused in words. */
export function addSubgroup(doc: Y.Doc, cardId: string, name: string, origin: unknown): string {
  const id = newId();
  const clean = parseOrRefuse(subgroupNameSchema, name, "subgroup name");
  setSubgroups(doc, cardId, [...subgroupsOfCard(doc, cardId), { id, name: clean }], origin);
  return id;
}

function changeOne(
  doc: Y.Doc,
  cardId: string,
  subgroupId: string,
  change: (s: Subgroup) => Subgroup,
  origin: unknown,
): void {
  const list = subgroupsOfCard(doc, cardId);
  const at = list.findIndex((s) => s.id === subgroupId);
  const current = list[at];
  if (!current) throw new DomainError("subgroup-not-found", "That subgroup no longer exists.");
  list[at] = change(current);
  setSubgroups(doc, cardId, list, origin);
}

export function renameSubgroup(
  doc: Y.Doc,
  cardId: string,
  subgroupId: string,
  name: string,
  origin: unknown,
): void {
  const clean = parseOrRefuse(subgroupNameSchema, name, "subgroup name");
  changeOne(doc, cardId, subgroupId, (s) => ({ ...s, name: clean }), origin);
}

/** Sets (or clears, with null) a subgroup's baseline or target. */
export function setSubgroupValue(
  doc: Y.Doc,
  cardId: string,
  subgroupId: string,
  which: "baseline" | "target",
  value: DatedValue | null,
  origin: unknown,
): void {
  changeOne(
    doc,
    cardId,
    subgroupId,
    (s) => {
      const next = { ...s };
      if (value) next[which] = value;
      else delete next[which];
      return next;
    },
    origin,
  );
}

/** Removes a subgroup and, in the same change, the measurements recorded for it. */
export function removeSubgroup(
  doc: Y.Doc,
  cardId: string,
  subgroupId: string,
  origin: unknown,
): void {
  const map = goalMapOrThrow(doc, cardId, SUBGROUPS);
  const list = subgroupsOfCard(doc, cardId);
  const next = list.filter((s) => s.id !== subgroupId);
  doc.transact(() => {
    if (next.length === 0) map.delete("subgroups");
    else map.set("subgroups", copySubgroups(next));
    const measurements = measurementsOf(map);
    if (!measurements) return;
    // From the end, so that the indexes still to visit do not move.
    const entries = measurements.toArray();
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const entry = entries[i] as { subgroup?: unknown } | undefined;
      if (entry?.subgroup === subgroupId) measurements.delete(i, 1);
    }
  }, origin);
}

/** Finds a subgroup by name as a spreadsheet column writes it (case and spaces ignored). */
export function subgroupByName(list: readonly Subgroup[], name: string): Subgroup | undefined {
  const key = subgroupNameKey(name);
  return list.find((s) => subgroupNameKey(s.name) === key);
}
