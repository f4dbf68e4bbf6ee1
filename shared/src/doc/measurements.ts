import * as Y from "yjs";
import { DomainError, parseOrRefuse } from "../errors.ts";
import { type Measurement, measurementSchema } from "../schema.ts";
import { ensureGoalStructure, measurementsOf, type NodeMap, nodesMap } from "./layout.ts";

/** Measurements of a goal: a Y.Array, so two people recording at once both keep theirs. */

function nodeMapOrThrow(doc: Y.Doc, id: string): NodeMap {
  const node = nodesMap(doc).get(id);
  if (!(node instanceof Y.Map))
    throw new DomainError("node-not-found", `There is no card with id ${id}.`);
  return node;
}

export function addMeasurement(
  doc: Y.Doc,
  id: string,
  measurement: Measurement,
  origin: unknown,
): void {
  const map = nodeMapOrThrow(doc, id);
  const value = parseOrRefuse(measurementSchema, measurement, "measurement");
  doc.transact(() => {
    ensureGoalStructure(map);
    measurementsOf(map)?.push([{ ...value }]);
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
  const value = parseOrRefuse(measurementSchema, measurement, "measurement");
  if (!list || index < 0 || index >= list.length)
    throw new DomainError("measurement-not-found", "That measurement no longer exists.");
  doc.transact(() => {
    list.delete(index, 1);
    list.insert(index, [{ ...value }]);
  }, origin);
}

export function removeMeasurement(doc: Y.Doc, id: string, index: number, origin: unknown): void {
  const list = measurementsOf(nodeMapOrThrow(doc, id));
  if (!list || index < 0 || index >= list.length)
    throw new DomainError("measurement-not-found", "That measurement no longer exists.");
  doc.transact(() => list.delete(index, 1), origin);
}
