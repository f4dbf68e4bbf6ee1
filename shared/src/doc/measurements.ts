import * as Y from "yjs";
import { DomainError, parseOrRefuse } from "../errors.ts";
import { isGoalKind, type NodeKind } from "../kinds.ts";
import { MAX_MEASUREMENTS } from "../limits.ts";
import { type Measurement, measurementSchema } from "../schema.ts";
import { ensureGoalStructure, measurementsOf, type NodeMap, nodesMap } from "./layout.ts";
import { copyMeasurement, subgroupsOfCard } from "./subgroups.ts";

/** Measurements of a goal: a Y.Array, so two people recording at once both keep theirs. */

function nodeMapOrThrow(doc: Y.Doc, id: string): NodeMap {
  const node = nodesMap(doc).get(id);
  if (!(node instanceof Y.Map))
    throw new DomainError("node-not-found", `There is no card with id ${id}.`);
  return node;
}

/** The measurement as the schema reads it, refused in words when it names no subgroup of the goal. */
function checkedMeasurement(doc: Y.Doc, id: string, measurement: Measurement): Measurement {
  const value = parseOrRefuse(measurementSchema, measurement, "measurement");
  if (
    value.subgroup !== undefined &&
    !subgroupsOfCard(doc, id).some((s) => s.id === value.subgroup)
  )
    throw new DomainError(
      "subgroup-not-found",
      "This measurement names a subgroup the goal does not track (it may have just been removed).",
    );
  return value;
}

export function addMeasurement(
  doc: Y.Doc,
  id: string,
  measurement: Measurement,
  origin: unknown,
): void {
  const map = nodeMapOrThrow(doc, id);
  const value = checkedMeasurement(doc, id, measurement);
  doc.transact(() => {
    ensureGoalStructure(map);
    measurementsOf(map)?.push([copyMeasurement(value)]);
  }, origin);
}

/** Fixes a wrong measurement in place: one delete and one insert at the same index. */
export function updateMeasurement(
  doc: Y.Doc,
  id: string,
  index: number,
  measurement: Measurement,
  origin: unknown,
): void {
  const list = measurementsOf(nodeMapOrThrow(doc, id));
  const value = checkedMeasurement(doc, id, measurement);
  if (!list || index < 0 || index >= list.length)
    throw new DomainError("measurement-not-found", "That measurement no longer exists.");
  doc.transact(() => {
    list.delete(index, 1);
    list.insert(index, [copyMeasurement(value)]);
  }, origin);
}

export function removeMeasurement(doc: Y.Doc, id: string, index: number, origin: unknown): void {
  const list = measurementsOf(nodeMapOrThrow(doc, id));
  if (!list || index < 0 || index >= list.length)
    throw new DomainError("measurement-not-found", "That measurement no longer exists.");
  doc.transact(() => list.delete(index, 1), origin);
}

/**
 * Many measurements, on one or more goals, in ONE transaction (a spreadsheet import): one update
 * on the wire and one step of the writer's undo. Every entry is checked first (the card exists and
 * is a goal, the measurement passes the schema and names a subgroup the goal tracks, no goal goes
 * past its cap), so a refusal writes
 * nothing at all.
 */
export function addMeasurements(
  doc: Y.Doc,
  entries: readonly { goalId: string; measurement: Measurement }[],
  origin: unknown,
): void {
  const byGoal = new Map<string, Measurement[]>();
  for (const { goalId, measurement } of entries) {
    const list = byGoal.get(goalId) ?? [];
    list.push(measurement);
    byGoal.set(goalId, list);
  }
  const targets = [...byGoal].map(([goalId, values]) => {
    const map = nodeMapOrThrow(doc, goalId);
    const kind = map.get("kind");
    if (typeof kind !== "string" || !isGoalKind(kind as NodeKind))
      throw new DomainError(
        "not-a-goal",
        `The card ${goalId} is not a goal: it takes no measurements.`,
      );
    const subgroups = new Set(subgroupsOfCard(doc, goalId).map((g) => g.id));
    const checked = values.map((m) => {
      const value = parseOrRefuse(measurementSchema, m, "measurement");
      if (value.subgroup !== undefined && !subgroups.has(value.subgroup))
        throw new DomainError(
          "subgroup-not-found",
          "A measurement names a subgroup its goal does not track (it may have just been removed).",
        );
      return copyMeasurement(value);
    });
    const present = measurementsOf(map)?.length ?? 0;
    if (present + values.length > MAX_MEASUREMENTS)
      throw new DomainError(
        "too-many-measurements",
        `A goal holds at most ${MAX_MEASUREMENTS.toLocaleString("en")} measurements.`,
      );
    return { map, values: checked };
  });
  doc.transact(() => {
    for (const { map, values } of targets) {
      ensureGoalStructure(map);
      measurementsOf(map)?.push(values);
    }
  }, origin);
}
