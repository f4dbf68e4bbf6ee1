import {
  canConnect,
  checkInsMap,
  edgesMap,
  isoDateSchema,
  isUnreadable,
  type LogicNode,
  metaMap,
  NOTES_MAX,
  nodesMap,
  readEdge,
  readNode,
  SCHEMA_VERSION,
  TITLE_MAX,
} from "@logic-canvas/shared";
import * as Y from "yjs";
import type { AnyType, Changes, DocValidator } from "./shadow.ts";

/**
 * Write validation of the graph document. Only what an update touched is checked, so the cost
 * follows the size of the edit, not of the model. What a single writer can get wrong is refused
 * (unknown kinds, oversized fields, unknown fields, an edge drawn backward or to itself); what
 * only merging concurrent valid edits produces (an edge whose card someone else deleted, a
 * duplicate link) is accepted and reported by `validateModel`.
 */

const NODE_KEYS = new Set([
  "id",
  "kind",
  "title",
  "notes",
  "position",
  "stage",
  "smart",
  "measurements",
]);
const EDGE_KEYS = new Set(["id", "source", "target", "rationale"]);
const SMART_KEYS = new Set(["indicator", "unit", "cohortSize", "baseline", "target"]);
const DATED_KEYS = new Set(["value", "date"]);
const MAX_NODES = 20_000;
const MAX_EDGES = 100_000;

/** The entry of `root` that `type` sits in, with the key path below it. */
function entryOf(type: AnyType, root: AnyType): { id: string; depth: number } | null {
  let current: AnyType = type;
  let depth = 0;
  while (current._item) {
    const parent = current._item.parent as AnyType;
    if (parent === root) {
      const id = current._item.parentSub;
      return id === null ? null : { id, depth };
    }
    current = parent;
    depth += 1;
  }
  return null;
}

function checkMeta(meta: Y.Map<unknown>, keys: Set<string | null>): string | null {
  for (const key of keys) {
    if (key === null) return "the model's details were written in an unknown form";
    const value = meta.get(key);
    if (value === undefined) continue;
    if (key === "title") {
      if (typeof value !== "string" || value.length > TITLE_MAX)
        return `the model title must be text of at most ${TITLE_MAX} characters`;
    } else if (key === "masteryGoal") {
      if (typeof value !== "string" || value.length > NOTES_MAX)
        return `the mastery goal must be text of at most ${NOTES_MAX} characters`;
    } else if (key === "schemaVersion") {
      if (typeof value !== "number" || !Number.isInteger(value) || value > SCHEMA_VERSION)
        return "the model's layout version is not one this server knows";
    } else if (key === "checkIns") {
      if (
        !Array.isArray(value) ||
        value.length > 1_000 ||
        value.some((d) => typeof d !== "string" || d.length > 32)
      )
        return "check-in dates must be a list of at most 1,000 dates";
    } else {
      return `the model has no field "${key.slice(0, 40)}"`;
    }
  }
  return null;
}

/** The top-level check-in map (shared `doc/check-ins.ts`): ISO date -> true, at most 1,000. */
function checkCheckIns(map: Y.Map<unknown>, keys: Set<string | null>): string | null {
  for (const key of keys) {
    if (key === null) return "check-in dates were written in an unknown form";
    if (!map.has(key)) continue;
    if (map.get(key) !== true || !isoDateSchema.safeParse(key).success)
      return "a check-in must be a date written YYYY-MM-DD";
  }
  if (map._map.size > 1_000 && map.size > 1_000)
    return "a model holds at most 1,000 check-in dates";
  return null;
}

function checkSmartMap(node: Y.Map<unknown>): string | null {
  const smart = node.get("smart");
  if (smart === undefined) return null;
  if (!(smart instanceof Y.Map)) return "its SMART target is not a map of fields";
  for (const [key, value] of smart) {
    if (!SMART_KEYS.has(key)) return `its SMART target has no field "${key.slice(0, 40)}"`;
    if (key === "baseline" || key === "target") {
      if (!(value instanceof Y.Map)) return `its ${key} is not a map of fields`;
      for (const [k, v] of value) {
        if (!DATED_KEYS.has(k)) return `its ${key} has no field "${k.slice(0, 40)}"`;
        if (k === "value" && (typeof v !== "number" || !Number.isFinite(v)))
          return `its ${key} value must be a number`;
        if (k === "date" && (typeof v !== "string" || v.length > 32))
          return `its ${key} date must be a date`;
      }
    }
  }
  const measurements = node.get("measurements");
  if (measurements !== undefined && !(measurements instanceof Y.Array))
    return "its measurements are not a list";
  return null;
}

function checkNode(nodes: Y.Map<unknown>, id: string): string | null {
  const map = nodes.get(id);
  if (map === undefined) return null;
  if (!(map instanceof Y.Map)) return `card ${id.slice(0, 64)} is not a map of fields`;
  for (const key of map.keys()) {
    if (!NODE_KEYS.has(key)) return `a card has no field "${key.slice(0, 40)}"`;
  }
  const node = readNode(map);
  const name =
    typeof map.get("title") === "string"
      ? `"${String(map.get("title")).slice(0, 40)}"`
      : id.slice(0, 64);
  if (isUnreadable(node)) return `card ${name}: ${node.message}`;
  if (node.id !== id) return `card ${name} is stored under another id`;
  const nested = checkSmartMap(map);
  return nested ? `card ${name}: ${nested}` : null;
}

const QUICK_FIELDS = new Set(["position", "title", "notes"]);

/**
 * Dragging and typing change one field of an existing card many times a second; those fields are
 * checked on their own instead of re-reading the whole card. Returns undefined when the change
 * touches anything else, so the full check runs.
 */
function quickFieldCheck(
  nodes: Y.Map<unknown>,
  id: string,
  fields: Set<string>,
): string | null | undefined {
  const map = nodes.get(id);
  if (!(map instanceof Y.Map)) return undefined;
  for (const field of fields) if (!QUICK_FIELDS.has(field)) return undefined;
  const name = `card ${id.slice(0, 64)}`;
  for (const field of fields) {
    const value = map.get(field);
    if (field === "position") {
      const p = value as { x?: unknown; y?: unknown } | null;
      const ok =
        typeof p === "object" &&
        p !== null &&
        !Array.isArray(p) &&
        Object.keys(p).length === 2 &&
        typeof p.x === "number" &&
        Number.isFinite(p.x) &&
        typeof p.y === "number" &&
        Number.isFinite(p.y);
      if (!ok) return `${name}: position must be two finite numbers x and y`;
    } else if (field === "title") {
      if (typeof value !== "string" || value.trim() === "" || value.length > TITLE_MAX)
        return `${name}: title must be text of 1 to ${TITLE_MAX} characters`;
    } else if (value !== undefined && (typeof value !== "string" || value.length > NOTES_MAX)) {
      return `${name}: notes must be text of at most ${NOTES_MAX} characters`;
    }
  }
  return null;
}

function nodeOf(nodes: Y.Map<unknown>, id: string): LogicNode | undefined {
  const map = nodes.get(id);
  if (!(map instanceof Y.Map)) return undefined;
  const node = readNode(map);
  return isUnreadable(node) ? undefined : node;
}

function checkEdge(
  edges: Y.Map<unknown>,
  nodes: Y.Map<unknown>,
  id: string,
  endpointsWritten: boolean,
): string | null {
  const map = edges.get(id);
  if (map === undefined) return null;
  if (!(map instanceof Y.Map)) return `link ${id.slice(0, 64)} is not a map of fields`;
  for (const key of map.keys()) {
    if (!EDGE_KEYS.has(key)) return `a link has no field "${key.slice(0, 40)}"`;
  }
  const edge = readEdge(map);
  if (isUnreadable(edge)) return `link ${id.slice(0, 64)}: ${edge.message}`;
  if (edge.id !== id) return `link ${id.slice(0, 64)} is stored under another id`;
  if (!endpointsWritten) return null;
  if (edge.source === edge.target) return "a card cannot link to itself";
  const source = nodeOf(nodes, edge.source);
  const target = nodeOf(nodes, edge.target);
  // A missing end is what a concurrent delete leaves behind: reported on read, not refused.
  if (!source || !target) return null;
  const check = canConnect({ nodes: [source, target], edges: [] }, source.id, target.id);
  if (!check.ok && (check.code === "edge-backward" || check.code === "edge-self"))
    return check.message;
  return null;
}

export const graphValidator: DocValidator = {
  define(doc) {
    metaMap(doc);
    nodesMap(doc);
    edgesMap(doc);
    checkInsMap(doc);
  },
  check: validateGraphUpdate,
};

export function validateGraphUpdate(shadow: Y.Doc, changes: Changes): string | null {
  const meta = metaMap(shadow);
  const nodes = nodesMap(shadow) as Y.Map<unknown>;
  const edges = edgesMap(shadow) as Y.Map<unknown>;
  const checkIns = checkInsMap(shadow) as Y.Map<unknown>;
  // Per node: the fields changed on the node map itself, or null when it needs a full check.
  const nodeIds = new Map<string, Set<string> | null>();
  const edgeIds = new Map<string, boolean>();
  for (const [type, keys] of changes) {
    if (type === meta) {
      const problem = checkMeta(meta, keys);
      if (problem) return problem;
      continue;
    }
    if (type === checkIns) {
      const problem = checkCheckIns(checkIns, keys);
      if (problem) return problem;
      continue;
    }
    if (type === nodes || type === edges) {
      for (const key of keys) {
        if (key === null) return "the model's cards or links were written in an unknown form";
        if (type === nodes) nodeIds.set(key, null);
        else edgeIds.set(key, true);
      }
      continue;
    }
    const inNode = entryOf(type, nodes);
    if (inNode) {
      const fields = nodeIds.get(inNode.id);
      if (inNode.depth === 0 && fields !== null) {
        const set = fields ?? new Set<string>();
        for (const key of keys) if (key !== null) set.add(key);
        nodeIds.set(inNode.id, set);
      } else {
        nodeIds.set(inNode.id, null);
      }
      continue;
    }
    const inEdge = entryOf(type, edges);
    if (inEdge) {
      const endpoints = inEdge.depth === 0 && (keys.has("source") || keys.has("target"));
      edgeIds.set(inEdge.id, (edgeIds.get(inEdge.id) ?? false) || endpoints);
      continue;
    }
    return "the change writes outside the model's layout";
  }
  // `size` walks every entry; `_map.size` (which also counts deleted keys) bounds it cheaply.
  if (nodes._map.size > MAX_NODES && nodes.size > MAX_NODES)
    return `a model holds at most ${MAX_NODES.toLocaleString("en")} cards`;
  if (edges._map.size > MAX_EDGES && edges.size > MAX_EDGES)
    return `a model holds at most ${MAX_EDGES.toLocaleString("en")} links`;
  for (const [id, fields] of nodeIds) {
    const problem = (fields && quickFieldCheck(nodes, id, fields)) ?? checkNode(nodes, id);
    if (problem) return problem;
  }
  for (const [id, endpointsWritten] of edgeIds) {
    const problem = checkEdge(edges, nodes, id, endpointsWritten);
    if (problem) return problem;
  }
  return null;
}
