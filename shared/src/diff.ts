import { sameJson } from "./json-equal.ts";
import type { LogicEdge, LogicModel, LogicNode } from "./schema.ts";

/** What changed between two states of a model: for "what changed since this version". */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}
interface ElementChange<T> {
  id: string;
  before: T;
  after: T;
  fields: FieldChange[];
}
export interface ModelDiff {
  meta: FieldChange[];
  nodesAdded: LogicNode[];
  nodesRemoved: LogicNode[];
  nodesChanged: ElementChange<LogicNode>[];
  edgesAdded: LogicEdge[];
  edgesRemoved: LogicEdge[];
  edgesChanged: ElementChange<LogicEdge>[];
}

const NODE_FIELDS = [
  "kind",
  "title",
  "notes",
  "stage",
  "position",
  "measurements",
  "subgroups",
  "owner",
] as const;
const SMART_FIELDS = ["indicator", "unit", "cohortSize", "baseline", "target"] as const;

function nodeFieldChanges(before: LogicNode, after: LogicNode): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of NODE_FIELDS) {
    if (!sameJson(before[field], after[field]))
      changes.push({ field, before: before[field], after: after[field] });
  }
  for (const field of SMART_FIELDS) {
    const a = before.smart?.[field];
    const b = after.smart?.[field];
    if (!sameJson(a, b)) changes.push({ field: `smart.${field}`, before: a, after: b });
  }
  return changes;
}

function edgeFieldChanges(before: LogicEdge, after: LogicEdge): FieldChange[] {
  return (["source", "target", "rationale"] as const)
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

function diffById<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  fieldChanges: (a: T, b: T) => FieldChange[],
): { added: T[]; removed: T[]; changed: ElementChange<T>[] } {
  const old = new Map(before.map((item) => [item.id, item]));
  const added: T[] = [];
  const changed: ElementChange<T>[] = [];
  for (const item of after) {
    const previous = old.get(item.id);
    old.delete(item.id);
    if (!previous) {
      added.push(item);
      continue;
    }
    const fields = fieldChanges(previous, item);
    if (fields.length > 0) changed.push({ id: item.id, before: previous, after: item, fields });
  }
  return { added, removed: [...old.values()], changed };
}

export function diffModels(before: LogicModel, after: LogicModel): ModelDiff {
  const nodes = diffById(before.nodes, after.nodes, nodeFieldChanges);
  const edges = diffById(before.edges, after.edges, edgeFieldChanges);
  const meta = (["title", "masteryGoal"] as const)
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, before: before[field], after: after[field] }));
  return {
    meta,
    nodesAdded: nodes.added,
    nodesRemoved: nodes.removed,
    nodesChanged: nodes.changed,
    edgesAdded: edges.added,
    edgesRemoved: edges.removed,
    edgesChanged: edges.changed,
  };
}

export function isEmptyDiff(diff: ModelDiff): boolean {
  return (
    diff.meta.length === 0 &&
    diff.nodesAdded.length + diff.nodesRemoved.length + diff.nodesChanged.length === 0 &&
    diff.edgesAdded.length + diff.edgesRemoved.length + diff.edgesChanged.length === 0
  );
}
