import * as Y from "yjs";
import { DomainError, parseOrRefuse } from "../errors.ts";
import { newId } from "../ids.ts";
import { isGoalKind } from "../kinds.ts";
import {
  type DatedValue,
  isoDateSchema,
  type LogicEdge,
  type LogicNode,
  nodeSchema,
  type Position,
  positionSchema,
  type SmartGoal,
} from "../schema.ts";
import { copyAlignments } from "./alignment.ts";
import { writeCycles } from "./cycles.ts";
import {
  type EdgeMap,
  edgesMap,
  ensureGoalStructure,
  measurementsOf,
  metaMap,
  type NodeMap,
  nodesMap,
  smartMapOf,
} from "./layout.ts";
import { rawNode } from "./read.ts";
import { copyMeasurement, copySubgroups } from "./subgroups.ts";

/**
 * Typed mutations of the graph document. Each runs as one transaction with the caller's origin,
 * so undo managers and observers can tell local edits from remote ones.
 */

type NodeInput = Omit<LogicNode, "id"> & { id?: string };
type EdgeInput = Omit<LogicEdge, "id"> & { id?: string };
/** Fields of a node to change; `null` removes an optional field. */
export type NodePatch = {
  kind?: LogicNode["kind"];
  title?: string;
  notes?: string | null;
  stage?: LogicNode["stage"] | null;
  plan?: LogicNode["plan"] | null;
  /** A goal's owner (issue 18). */
  owner?: LogicNode["owner"] | null;
};
export type SmartPatch = {
  indicator?: string;
  unit?: string;
  cohortSize?: number | null;
  /** `null` removes the baseline or target; a `date` of `null` removes only its date. */
  baseline?: DatedValuePatch | null;
  target?: DatedValuePatch | null;
};
type DatedValuePatch = { value?: number; date?: string | null };

function nodeMapOrThrow(doc: Y.Doc, id: string): NodeMap {
  const node = nodesMap(doc).get(id);
  if (!(node instanceof Y.Map))
    throw new DomainError("node-not-found", `There is no card with id ${id}.`);
  return node;
}

/** Checks the node as it would read after a change, so a bad field never reaches the document. */
function assertValidNode(raw: Record<string, unknown>): void {
  const parsed = nodeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.map(String).join(".")} ` : "";
    throw new DomainError(
      "node-invalid",
      `This card cannot be saved: ${where}${issue?.message ?? "is invalid"}.`,
    );
  }
}

export function setMeta(
  doc: Y.Doc,
  patch: { title?: string; masteryGoal?: string },
  origin: unknown,
): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    if (patch.title !== undefined) meta.set("title", patch.title);
    if (patch.masteryGoal !== undefined) meta.set("masteryGoal", patch.masteryGoal);
  }, origin);
}

function writeNode(doc: Y.Doc, node: LogicNode): void {
  const map = new Y.Map<unknown>();
  nodesMap(doc).set(node.id, map);
  map.set("id", node.id);
  map.set("kind", node.kind);
  map.set("title", node.title);
  if (node.notes !== undefined) map.set("notes", node.notes);
  if (node.position) map.set("position", { x: node.position.x, y: node.position.y });
  if (node.stage !== undefined) map.set("stage", node.stage);
  if (node.plan !== undefined) map.set("plan", { ...node.plan });
  // Every card gets the goal structure at creation, not only goals: if two people moved one
  // activity into a goal lane at once, each would create its own nested map and one of them,
  // with the edits written into it, would be dropped by the merge.
  ensureGoalStructure(map);
  if (isGoalKind(node.kind)) {
    if (node.smart) writeSmart(map, node.smart);
    const list = measurementsOf(map);
    if (list && node.measurements?.length) list.push(node.measurements.map(copyMeasurement));
    writeCycles(map, node.cycles);
    if (node.alignsTo?.length) map.set("alignsTo", copyAlignments(node.alignsTo));
    if (node.subgroups?.length) map.set("subgroups", copySubgroups(node.subgroups));
    if (node.owner) map.set("owner", { id: node.owner.id, name: node.owner.name });
  }
}

export function addNode(doc: Y.Doc, input: NodeInput, origin: unknown): string {
  const node = { ...input, id: input.id ?? newId() } as LogicNode;
  assertValidNode(node);
  if (nodesMap(doc).has(node.id))
    throw new DomainError("id-duplicate", `A card with id ${node.id} already exists.`);
  doc.transact(() => writeNode(doc, node), origin);
  return node.id;
}

/** Fields read on activities only, dropped when a card moves to another lane. */
const ACTIVITY_ONLY = ["stage", "plan"] as const;
/**
 * Plain fields read on goals only. A goal moved to another lane keeps them in the document,
 * unread there (like its SMART structure), so moving it back restores them; they are left out of
 * the check of the moved card, which does not read them.
 */
const GOAL_ONLY = ["alignsTo", "subgroups", "owner"] as const;

export function updateNode(doc: Y.Doc, id: string, patch: NodePatch, origin: unknown): void {
  const map = nodeMapOrThrow(doc, id);
  const next = { ...rawNode(map) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  if (next.kind !== "activity") for (const key of ACTIVITY_ONLY) delete next[key];
  if (!isGoalKind(next.kind as LogicNode["kind"]))
    for (const key of GOAL_ONLY) if (!(key in patch)) delete next[key];
  assertValidNode(next);
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (value === null) map.delete(key);
      else if (map.get(key) !== value)
        map.set(key, typeof value === "object" ? { ...value } : value);
    }
    if (patch.kind !== undefined && patch.kind !== "activity")
      for (const key of ACTIVITY_ONLY) if (map.has(key)) map.delete(key);
    if (patch.kind !== undefined && isGoalKind(patch.kind)) ensureGoalStructure(map);
  }, origin);
}

export function moveNodes(
  doc: Y.Doc,
  moves: { id: string; position: Position }[],
  origin: unknown,
): void {
  for (const move of moves) parseOrRefuse(positionSchema, move.position, "position");
  doc.transact(() => {
    for (const { id, position } of moves) {
      const map = nodesMap(doc).get(id);
      // A node a collaborator just deleted is not resurrected by a late drag.
      if (map instanceof Y.Map) map.set("position", { x: position.x, y: position.y });
    }
  }, origin);
}

export function moveNode(doc: Y.Doc, id: string, position: Position, origin: unknown): void {
  moveNodes(doc, [{ id, position }], origin);
}

function writeDatedValue(target: Y.Map<unknown>, value: DatedValuePatch | null): void {
  if (value === null) {
    target.delete("value");
    target.delete("date");
    return;
  }
  if (value.value !== undefined) target.set("value", value.value);
  if (value.date === null) target.delete("date");
  else if (value.date !== undefined) target.set("date", value.date);
}

function writeSmart(node: NodeMap, patch: SmartPatch): void {
  ensureGoalStructure(node);
  const smart = smartMapOf(node) as Y.Map<unknown>;
  if (patch.indicator !== undefined) smart.set("indicator", patch.indicator);
  if (patch.unit !== undefined) smart.set("unit", patch.unit);
  if (patch.cohortSize === null) smart.delete("cohortSize");
  else if (patch.cohortSize !== undefined) smart.set("cohortSize", patch.cohortSize);
  if (patch.baseline !== undefined)
    writeDatedValue(smart.get("baseline") as Y.Map<unknown>, patch.baseline);
  if (patch.target !== undefined)
    writeDatedValue(smart.get("target") as Y.Map<unknown>, patch.target);
}

function mergeDatedValue(
  current: Partial<DatedValue> | undefined,
  patch: DatedValuePatch | null | undefined,
): Partial<DatedValue> | undefined {
  if (patch === null) return undefined;
  if (patch === undefined) return current;
  const { date, ...rest } = { ...current, ...patch };
  return date === null || date === undefined ? rest : { ...rest, date };
}

/** Changes only the SMART fields named, so one person's baseline and another's target both land. */
export function updateSmart(doc: Y.Doc, id: string, patch: SmartPatch, origin: unknown): void {
  const map = nodeMapOrThrow(doc, id);
  const current = rawNode(map);
  if (!isGoalKind(current.kind as LogicNode["kind"])) {
    throw new DomainError("not-a-goal", "Only goals carry SMART targets.");
  }
  const smart = (current.smart as SmartGoal | undefined) ?? { indicator: "", unit: "percent" };
  const next: Record<string, unknown> = {
    indicator: patch.indicator ?? smart.indicator,
    unit: patch.unit ?? smart.unit,
  };
  const cohortSize = patch.cohortSize === null ? undefined : (patch.cohortSize ?? smart.cohortSize);
  if (cohortSize !== undefined) next.cohortSize = cohortSize;
  for (const key of ["baseline", "target"] as const) {
    const merged = mergeDatedValue(smart[key], patch[key]);
    // A date typed before its value is kept in the document but cannot be checked yet.
    if (merged?.value !== undefined) next[key] = merged;
  }
  assertValidNode({ ...current, smart: next });
  // A date typed before its value is not part of `next`; it is still checked before it is written.
  for (const key of ["baseline", "target"] as const) {
    const date = patch[key]?.date;
    if (typeof date === "string") parseOrRefuse(isoDateSchema, date, `The ${key} date`);
  }
  doc.transact(() => writeSmart(map, patch), origin);
}

function writeEdge(doc: Y.Doc, edge: LogicEdge): void {
  const map: EdgeMap = new Y.Map<unknown>();
  edgesMap(doc).set(edge.id, map);
  map.set("id", edge.id);
  map.set("source", edge.source);
  map.set("target", edge.target);
  if (edge.rationale !== undefined) map.set("rationale", edge.rationale);
}

/** Adds a link. Callers check `canConnect` first; this refuses only what could never be valid. */
export function connect(doc: Y.Doc, input: EdgeInput, origin: unknown): string {
  const edge = { ...input, id: input.id ?? newId() };
  if (edgesMap(doc).has(edge.id))
    throw new DomainError("id-duplicate", `A link with id ${edge.id} already exists.`);
  doc.transact(() => writeEdge(doc, edge), origin);
  return edge.id;
}

export function updateEdge(
  doc: Y.Doc,
  id: string,
  patch: { rationale: string | null },
  origin: unknown,
): void {
  const map = edgesMap(doc).get(id);
  if (!(map instanceof Y.Map))
    throw new DomainError("edge-not-found", "That link no longer exists.");
  doc.transact(() => {
    if (patch.rationale === null || patch.rationale === "") map.delete("rationale");
    else map.set("rationale", patch.rationale);
  }, origin);
}

export function disconnect(doc: Y.Doc, edgeId: string, origin: unknown): void {
  deleteElements(doc, { edgeIds: [edgeId] }, origin);
}

/** Deletes nodes with every link that touches them, and the given links, in one transaction. */
export function deleteElements(
  doc: Y.Doc,
  ids: { nodeIds?: string[]; edgeIds?: string[] },
  origin: unknown,
): void {
  const nodeIds = new Set(ids.nodeIds ?? []);
  doc.transact(() => {
    const edges = edgesMap(doc);
    for (const edgeId of ids.edgeIds ?? []) edges.delete(edgeId);
    if (nodeIds.size === 0) return;
    for (const [edgeId, edge] of [...edges]) {
      if (nodeIds.has(String(edge.get("source"))) || nodeIds.has(String(edge.get("target"))))
        edges.delete(edgeId);
    }
    for (const nodeId of nodeIds) nodesMap(doc).delete(nodeId);
  }, origin);
}

export function deleteNode(doc: Y.Doc, id: string, origin: unknown): void {
  deleteElements(doc, { nodeIds: [id] }, origin);
}

export { writeEdge, writeNode };
