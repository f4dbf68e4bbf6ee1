import * as Y from "yjs";
import { DomainError, parseOrRefuse } from "../errors.ts";
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
