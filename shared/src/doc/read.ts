import * as Y from "yjs";
import { columnOf, isGoalKind, NODE_KINDS } from "../kinds.ts";
import { MAX_EDGES, MAX_NODES, NOTES_MAX, TITLE_MAX } from "../limits.ts";
import {
  edgeSchema,
  type LogicEdge,
  type LogicModel,
  type LogicNode,
  type Measurement,
  nodeSchema,
  type SmartGoal,
} from "../schema.ts";
import { readCycles } from "./cycles.ts";
import { EDGE_FIELDS, NODE_FIELDS, plainFields, readOnKind } from "./fields.ts";
import {
  type EdgeMap,
  edgesMap,
  measurementsOf,
  metaMap,
  type NodeMap,
  nodesMap,
  smartMapOf,
} from "./layout.ts";
import { readPurpose } from "./purpose.ts";

export const UNTITLED = "Untitled logic model";

/**
 * An entry of the document that does not read as a valid node or edge, with why; or (id "") the
 * cards or links past the model's cap, which are left out while the rest reads.
 */
export interface UnreadableEntry {
  collection: "nodes" | "edges";
  id: string;
  message: string;
}

function datedValue(map: unknown): { value: number; date?: string } | undefined {
  if (!(map instanceof Y.Map)) return undefined;
  const value = map.get("value");
  if (typeof value !== "number") return undefined;
  const date = map.get("date");
  return typeof date === "string" ? { value, date } : { value };
}

function readSmart(node: NodeMap): SmartGoal | undefined {
  const smart = smartMapOf(node);
  if (!smart) return undefined;
  const indicator = smart.get("indicator");
  const unit = smart.get("unit");
  const cohortSize = smart.get("cohortSize");
  const baseline = datedValue(smart.get("baseline"));
  const target = datedValue(smart.get("target"));
  const nothingSet =
    indicator === undefined &&
    unit === undefined &&
    cohortSize === undefined &&
    !baseline &&
    !target;
  if (nothingSet) return undefined;
  const result: SmartGoal = {
    indicator: typeof indicator === "string" ? indicator : "",
    unit: typeof unit === "string" && unit.trim() !== "" ? unit : "percent",
  };
  if (baseline) result.baseline = baseline;
  if (target) result.target = target;
  if (typeof cohortSize === "number") result.cohortSize = cohortSize;
  return result;
}

function readMeasurements(node: NodeMap): Measurement[] | undefined {
  const list = measurementsOf(node);
  if (!list || list.length === 0) return undefined;
  return list.toArray().map((entry) => ({ ...(entry as Measurement) }));
}

/**
 * The raw fields of a node map as a plain object, before schema validation. Only the fields of
 * `NODE_FIELDS` that are read on the card's kind are copied: one peer may set a stage while
 * another moves the card out of the activities, and the merged card's stale stage is ignored
 * rather than making the card unreadable.
 */
export function rawNode(node: NodeMap): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const kind = node.get("kind");
  for (const [key, def] of plainFields(NODE_FIELDS)) {
    const value = node.get(key);
    if (value !== undefined && readOnKind(def, kind)) raw[key] = value;
  }
  if (typeof kind === "string" && (NODE_KINDS as readonly string[]).includes(kind)) {
    if (isGoalKind(kind as LogicNode["kind"])) {
      const smart = readSmart(node);
      if (smart) raw.smart = smart;
      const measurements = readMeasurements(node);
      if (measurements) raw.measurements = measurements;
      const cycles = readCycles(node);
      if (cycles) raw.cycles = cycles;
    }
  }
  return raw;
}

export function rawEdge(edge: EdgeMap): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key] of plainFields(EDGE_FIELDS)) {
    const value = edge.get(key);
    if (value !== undefined) raw[key] = value;
  }
  return raw;
}

export function readNode(node: NodeMap): LogicNode | UnreadableEntry {
  const parsed = nodeSchema.safeParse(rawNode(node));
  if (parsed.success) return parsed.data;
  const id = String(node.get("id") ?? "");
  return { collection: "nodes", id, message: parsed.error.issues.map(describeIssue).join("; ") };
}

export function readEdge(edge: EdgeMap): LogicEdge | UnreadableEntry {
  const parsed = edgeSchema.safeParse(rawEdge(edge));
  if (parsed.success) return parsed.data;
  const id = String(edge.get("id") ?? "");
  return { collection: "edges", id, message: parsed.error.issues.map(describeIssue).join("; ") };
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  return issue.path.length ? `${issue.path.map(String).join(".")} ${issue.message}` : issue.message;
}

export function isUnreadable(entry: object): entry is UnreadableEntry {
  return "collection" in entry && "message" in entry;
}

/**
 * Reads the document into a plain model. Nodes come in column order, then top to bottom, then
 * by id, so that every peer with the same state reads the same model. Entries that are not
 * valid (which only a buggy or hostile writer can produce) are left out and listed.
 */
export function readModelWithIssues(doc: Y.Doc): {
  model: LogicModel;
  unreadable: UnreadableEntry[];
} {
  const unreadable: UnreadableEntry[] = [];
  const nodes: LogicNode[] = [];
  for (const [key, map] of nodesMap(doc)) {
    const node = map instanceof Y.Map ? readNode(map) : unreadableAt("nodes", key);
    if (isUnreadable(node)) unreadable.push(node);
    else nodes.push(node);
  }
  const edges: LogicEdge[] = [];
  for (const [key, map] of edgesMap(doc)) {
    const edge = map instanceof Y.Map ? readEdge(map) : unreadableAt("edges", key);
    if (isUnreadable(edge)) unreadable.push(edge);
    else edges.push(edge);
  }
  nodes.sort(compareNodes);
  edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // A document past a cap (stored before the gate refused it) still reads, up to the cap.
  if (nodes.length > MAX_NODES) {
    unreadable.push(pastCap("nodes", nodes.length, MAX_NODES, "cards"));
    nodes.length = MAX_NODES;
  }
  if (edges.length > MAX_EDGES) {
    unreadable.push(pastCap("edges", edges.length, MAX_EDGES, "links"));
    edges.length = MAX_EDGES;
  }
  const masteryGoal = metaMap(doc).get("masteryGoal");
  return {
    model: {
      title: readModelTitle(doc),
      masteryGoal: typeof masteryGoal === "string" ? masteryGoal.slice(0, NOTES_MAX) : "",
      ...readPurpose(doc),
      nodes,
      edges,
    },
    unreadable,
  };
}

/**
 * The model's title as `readModel` gives it, without reading the cards (compaction keeps the
 * stored title current every few hundred edits).
 */
export function readModelTitle(doc: Y.Doc): string {
  const title = metaMap(doc).get("title");
  // Cut to the file format's length, so a document stored with a longer one still exports.
  return typeof title === "string" && title.trim() !== "" ? title.slice(0, TITLE_MAX) : UNTITLED;
}

export function readModel(doc: Y.Doc): LogicModel {
  return readModelWithIssues(doc).model;
}

function pastCap(
  collection: "nodes" | "edges",
  count: number,
  max: number,
  what: string,
): UnreadableEntry {
  const n = (x: number) => x.toLocaleString("en");
  return {
    collection,
    id: "",
    message: `the model holds ${n(count)} ${what}; only the first ${n(max)} are read`,
  };
}

function unreadableAt(collection: "nodes" | "edges", id: string): UnreadableEntry {
  return { collection, id, message: "is not a map of fields" };
}

export function compareNodes(a: LogicNode, b: LogicNode): number {
  const byColumn = columnOf(a.kind) - columnOf(b.kind);
  if (byColumn !== 0) return byColumn;
  const byY = (a.position?.y ?? 0) - (b.position?.y ?? 0);
  if (byY !== 0) return byY;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
