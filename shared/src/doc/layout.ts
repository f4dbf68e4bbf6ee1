import * as Y from "yjs";

/**
 * The Yjs layout of a model's graph document. It is a public interface (integrations and the
 * y-websocket endpoint write to it), documented in the README; only this folder touches it.
 *
 *   meta:  Y.Map  { title: string, masteryGoal: string, schemaVersion: number }
 *   nodes: Y.Map  id -> Y.Map { id, kind, title: string, notes?: string, position?: {x, y},
 *                                stage?: string,
 *                                smart?: Y.Map { indicator?, unit?, cohortSize?,
 *                                                baseline: Y.Map { value?, date? },
 *                                                target:   Y.Map { value?, date? } },
 *                                measurements?: Y.Array<{ date, value, note? }>,
 *                                cycles?: Y.Array<{ id, plan?, do?, check?, act? }> }
 *   edges: Y.Map  id -> Y.Map { id, source, target: string, rationale?: string }
 *   checkIns: Y.Map  YYYY-MM-DD -> true   (the team's check-in dates)
 *   meta also holds, optionally, mission?: string, vision?: string, values?: string[] (issue 17)
 *
 * `cycles` is a goal's PDCA log (issue 17): each entry saves one or more phases of one cycle and
 * readers fold the entries in order (`doc/cycles.ts`), so two people filling different phases at
 * once both keep theirs, and one phase saved twice at once ends the same on every peer.
 *
 * Nested maps let two people edit different fields of one node (or a goal's baseline and its
 * target) at once without either edit being lost; a Y.Array lets measurements be appended
 * concurrently. Every node gets its nested maps when created (readers ignore them on inputs
 * and activities), because two peers that each
 * create a missing nested map concurrently would have one of the two maps, and its edits, dropped.
 */
export const SCHEMA_VERSION = 2;

export type NodeMap = Y.Map<unknown>;
export type EdgeMap = Y.Map<unknown>;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap("meta");
}

export function nodesMap(doc: Y.Doc): Y.Map<NodeMap> {
  return doc.getMap("nodes");
}

export function edgesMap(doc: Y.Doc): Y.Map<EdgeMap> {
  return doc.getMap("edges");
}

export function smartMapOf(node: NodeMap): Y.Map<unknown> | undefined {
  const smart = node.get("smart");
  return smart instanceof Y.Map ? smart : undefined;
}

export function measurementsOf(node: NodeMap): Y.Array<unknown> | undefined {
  const list = node.get("measurements");
  return list instanceof Y.Array ? list : undefined;
}

export function cyclesOf(node: NodeMap): Y.Array<unknown> | undefined {
  const list = node.get("cycles");
  return list instanceof Y.Array ? list : undefined;
}

/** Creates the nested structures a goal node needs, once, in the caller's transaction. */
export function ensureGoalStructure(node: NodeMap): void {
  let smart = smartMapOf(node);
  if (!smart) {
    smart = new Y.Map<unknown>();
    node.set("smart", smart);
  }
  for (const key of ["baseline", "target"]) {
    if (!(smart.get(key) instanceof Y.Map)) smart.set(key, new Y.Map<unknown>());
  }
  if (!measurementsOf(node)) node.set("measurements", new Y.Array<unknown>());
  if (!cyclesOf(node)) node.set("cycles", new Y.Array<unknown>());
}

export function isDocEmpty(doc: Y.Doc): boolean {
  return nodesMap(doc).size === 0 && edgesMap(doc).size === 0 && metaMap(doc).size === 0;
}
