import * as Y from "yjs";
import { DomainError } from "../errors.ts";
import { sameJson } from "../json-equal.ts";
import { isGoalKind } from "../kinds.ts";
import type { LogicModel, LogicNode } from "../schema.ts";
import { copyAlignments } from "./alignment.ts";
import { writeCycles } from "./cycles.ts";
import {
  cyclesOf,
  edgesMap,
  ensureGoalStructure,
  isDocEmpty,
  measurementsOf,
  metaMap,
  type NodeMap,
  nodesMap,
  SCHEMA_VERSION,
  smartMapOf,
} from "./layout.ts";
import { writeEdge, writeNode } from "./mutate.ts";
import { writePurpose } from "./purpose.ts";
import { rawEdge, rawNode } from "./read.ts";
import { copyMeasurement, copySubgroups } from "./subgroups.ts";

/** Loads a model into a document that has nothing in it yet (a new model, an import). */
export function loadModel(doc: Y.Doc, model: LogicModel, origin: unknown): void {
  if (!isDocEmpty(doc)) {
    throw new DomainError("doc-not-empty", "A model can only be loaded into an empty document.");
  }
  replaceModel(doc, model, origin);
}

function updateNodeInPlace(map: NodeMap, node: LogicNode): void {
  const current = rawNode(map);
  for (const key of ["kind", "title", "notes", "stage", "position"] as const) {
    const next = node[key];
    if (next === undefined) {
      if (map.has(key)) map.delete(key);
    } else if (!sameJson(current[key], next)) {
      map.set(key, typeof next === "object" ? { ...next } : next);
    }
  }
  // Inputs and activities keep their (emptied) goal structure, so that moving them back into a
  // goal lane never has to create a nested map that a concurrent move could create as well.
  const smartNow = isGoalKind(node.kind) ? node.smart : undefined;
  if (!sameJson(current.smart, smartNow) || !isGoalKind(node.kind)) {
    // Replacing the nested map would orphan a concurrent edit; rewrite its keys instead.
    const smart = smartMapOf(map);
    if (smart) {
      for (const key of ["indicator", "unit", "cohortSize"]) smart.delete(key);
      for (const key of ["baseline", "target"]) {
        const dated = smart.get(key);
        if (dated instanceof Y.Map) {
          dated.delete("value");
          dated.delete("date");
        }
      }
    }
    writeSmartFields(map, node);
  }
  const alignsNow = isGoalKind(node.kind) ? node.alignsTo : undefined;
  if (!sameJson(current.alignsTo, alignsNow)) {
    if (alignsNow?.length) map.set("alignsTo", copyAlignments(alignsNow));
    else if (map.has("alignsTo")) map.delete("alignsTo");
  }
  const subgroupsNow = isGoalKind(node.kind) ? node.subgroups : undefined;
  if (!sameJson(current.subgroups, subgroupsNow)) {
    if (subgroupsNow?.length) map.set("subgroups", copySubgroups(subgroupsNow));
    else if (map.has("subgroups")) map.delete("subgroups");
  }
  const ownerNow = isGoalKind(node.kind) ? node.owner : undefined;
  if (!sameJson(current.owner, ownerNow)) {
    if (ownerNow) map.set("owner", { id: ownerNow.id, name: ownerNow.name });
    else if (map.has("owner")) map.delete("owner");
  }
  const measurementsNow = isGoalKind(node.kind) ? (node.measurements ?? []) : [];
  const list = measurementsOf(map);
  if (list && !sameJson(list.toArray(), measurementsNow)) {
    list.delete(0, list.length);
    if (measurementsNow.length) list.push(measurementsNow.map(copyMeasurement));
  }
  // A goal's cycle log is rewritten whole only when the cycles it reads as differ.
  const cyclesNow = isGoalKind(node.kind) ? (node.cycles ?? []) : [];
  if (!sameJson(current.cycles ?? [], cyclesNow)) {
    // A card from layout 1 has no log yet; this runs on the server (import, restore), alone.
    if (!cyclesOf(map)) ensureGoalStructure(map);
    const log = cyclesOf(map) as Y.Array<unknown>;
    log.delete(0, log.length);
    writeCycles(map, cyclesNow);
  }
}

function writeSmartFields(map: NodeMap, node: LogicNode): void {
  const smart = smartMapOf(map);
  if (!smart || !node.smart) return;
  smart.set("indicator", node.smart.indicator);
  smart.set("unit", node.smart.unit);
  if (node.smart.cohortSize !== undefined) smart.set("cohortSize", node.smart.cohortSize);
  for (const key of ["baseline", "target"] as const) {
    const value = node.smart[key];
    const dated = smart.get(key);
    if (!value || !(dated instanceof Y.Map)) continue;
    dated.set("value", value.value);
    if (value.date !== undefined) dated.set("date", value.date);
  }
}

/**
 * Makes the document hold `model`, as one forward change: unchanged nodes and fields are left
 * alone, so collaborators keep their selection and their own undo history stays meaningful.
 * Used for API content replacement, version restore and imports.
 */
export function replaceModel(doc: Y.Doc, model: LogicModel, origin: unknown): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    if (meta.get("title") !== model.title) meta.set("title", model.title);
    if (meta.get("masteryGoal") !== model.masteryGoal) meta.set("masteryGoal", model.masteryGoal);
    writePurpose(doc, { mission: model.mission, vision: model.vision, values: model.values });
    if (meta.get("schemaVersion") !== SCHEMA_VERSION) meta.set("schemaVersion", SCHEMA_VERSION);

    const nodes = nodesMap(doc);
    const keepNodes = new Set(model.nodes.map((n) => n.id));
    for (const id of [...nodes.keys()]) if (!keepNodes.has(id)) nodes.delete(id);
    for (const node of model.nodes) {
      const existing = nodes.get(node.id);
      if (existing instanceof Y.Map) {
        if (isGoalKind(node.kind) && !measurementsOf(existing)) writeNode(doc, node);
        else updateNodeInPlace(existing, node);
      } else {
        writeNode(doc, node);
      }
    }

    const edges = edgesMap(doc);
    const keepEdges = new Set(model.edges.map((e) => e.id));
    for (const id of [...edges.keys()]) if (!keepEdges.has(id)) edges.delete(id);
    for (const edge of model.edges) {
      const existing = edges.get(edge.id);
      if (existing instanceof Y.Map && sameJson(rawEdge(existing), edge)) continue;
      writeEdge(doc, edge);
    }
  }, origin);
}
