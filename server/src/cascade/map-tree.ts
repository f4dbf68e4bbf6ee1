import {
  ATTENTION_WARNINGS,
  BROKEN_REASON_TEXT,
  type BrokenReason,
  type CascadeWarningView,
  type FoldedView,
  type GoalStatusName,
  goalKey,
  type MapNodeView,
  type MapQuery,
  needsAttention,
  noAlignedChildWarning,
  rollupWarnings,
  studentsView,
  unalignedWarning,
} from "@logic-canvas/shared";
import type { CascadeScope, ScopedGoal, ScopedModel } from "./scope.ts";
import { asCascadeGoal, rollupOf } from "./views-model.ts";

/**
 * The alignment map's nodes: a goal, the goals aligned to it, and theirs, filtered and folded in
 * one pass. Where the map folds (below the first level under a root, until the page opens it),
 * the goals are only counted, so only what the count reads is worked out for them (status,
 * whether they need attention, whether they match the filter), never their full nodes.
 */

export type MapFilter = Pick<MapQuery, "status" | "school" | "attention">;

export interface Linked {
  goal: ScopedGoal;
  broken: { modelId: string; cardId: string; reason: BrokenReason }[];
  /** Goal keys this goal aligns to that resolve, and those goals. */
  parents: string[];
  up: ScopedGoal[];
}

export interface MapTree {
  scope: CascadeScope;
  linked: Map<string, Linked>;
  childrenOf: Map<string, string[]>;
  filter: MapFilter;
}

/** Every level: nothing folded. */
export const UNFOLDED = Number.POSITIVE_INFINITY;

function schoolOf(model: ScopedModel): string | null {
  const w = model.workspace;
  if (w.kind === "school") return w.id;
  return w.kind === "team" ? w.parentId : null;
}

function ownWarnings(scope: CascadeScope, l: Linked, childCount: number): CascadeWarningView[] {
  const { model, goal } = l.goal;
  const at = { modelId: model.id, cardId: goal.node.id };
  const out: CascadeWarningView[] = l.broken.map((b) => ({
    code: "cascade-alignment-broken",
    message: `“${goal.node.title}” aligns to a goal that leads nowhere: ${BROKEN_REASON_TEXT[b.reason]}.`,
    ...at,
  }));
  const cg = asCascadeGoal(l.goal);
  const below = goal.kind === "longTerm" ? scope.hasChildren(model.workspace.id) : null;
  const none = noAlignedChildWarning(cg, childCount, below);
  if (none) out.push({ code: none.code, message: none.message, ...at });
  const parentKind = model.workspace.parentId
    ? (scope.tree.get(model.workspace.parentId)?.kind ?? null)
    : null;
  const loose = unalignedWarning(
    { ...cg, kind: goal.kind, alignments: goal.alignsTo.length },
    parentKind,
  );
  if (loose) out.push({ code: loose.code, message: loose.message, ...at });
  return out;
}

const filtering = (f: MapFilter) => !!(f.status || f.school || f.attention);

function matches(
  f: MapFilter,
  n: { status: GoalStatusName; schoolId: string | null; needsAttention: boolean },
) {
  return (
    (!f.status || n.status === f.status) &&
    (!f.school || n.schoolId === f.school) &&
    (!f.attention || n.needsAttention)
  );
}

/** What a folded count reads of a goal, and the goals under it that the filter keeps. */
interface Counted {
  key: string;
  status: GoalStatusName;
  needsAttention: boolean;
  matches: boolean | undefined;
  children: Counted[];
}

/**
 * The nodes under `key` with their children (the goals aligned to it), `depth` levels of them
 * whole and what hangs deeper folded into counts; null when the filter keeps nothing of it (or
 * it closes a cycle). `inherited`: the roll-up warnings of the parent about this goal.
 */
export function mapNode(
  t: MapTree,
  key: string,
  inherited: CascadeWarningView[],
  path: ReadonlySet<string>,
  depth: number,
): MapNodeView | null {
  const l = t.linked.get(key);
  if (!l || path.has(key)) return null;
  const { model, goal } = l.goal;
  const childKeys = t.childrenOf.get(key) ?? [];
  const kids = childKeys.map((k) => t.linked.get(k)?.goal).filter((g): g is ScopedGoal => !!g);
  const rollup = kids.length ? rollupOf(l.goal, kids, 0) : null;
  const next = new Set(path).add(key);
  const about = (k: string) =>
    rollup?.warnings.filter((w) => goalKey(w.modelId, w.cardId) === k) ?? [];
  const whole = depth > 0;
  const children = whole
    ? childKeys
        .map((k) => mapNode(t, k, about(k), next, depth - 1))
        .filter((n): n is MapNodeView => n !== null)
    : [];
  const counted = whole
    ? []
    : childKeys
        .map((k) =>
          countedNode(
            t,
            k,
            about(k).some((w) => ATTENTION_WARNINGS.has(w.code)),
            next,
          ),
        )
        .filter((n): n is Counted => n !== null);
  const warnings = [...inherited, ...ownWarnings(t.scope, l, kids.length)];
  const smart = goal.node.smart;
  const attention = needsAttention({
    status: goal.status,
    statusToday: goal.statusToday,
    stale: goal.stale,
    broken: l.broken.length,
    warnings: warnings.map((w) => w.code),
  });
  const node: MapNodeView = {
    modelId: model.id,
    modelTitle: model.title,
    workspaceId: model.workspace.id,
    workspaceName: model.workspace.name,
    workspaceKind: model.workspace.kind,
    schoolId: schoolOf(model),
    cardId: goal.node.id,
    kind: goal.kind as MapNodeView["kind"],
    title: goal.node.title,
    status: goal.statusToday,
    stale: goal.stale,
    latest: goal.latest,
    unit: smart?.unit ?? null,
    studentsSentence: smart ? (studentsView(smart)?.sentence ?? null) : null,
    rollupSentence: rollup && rollup.sumTargetStudents !== null ? rollup.sentence : null,
    broken: l.broken,
    warnings,
    needsAttention: attention,
    children,
  };
  // Kept when it or anything under it matches; what is kept only as the path to a match below
  // says `matches: false`.
  let kept: MapNodeView = node;
  if (filtering(t.filter)) {
    const self = matches(t.filter, node);
    if (!self && children.length === 0 && counted.length === 0) return null;
    kept = { ...node, matches: self };
  }
  return counted.length ? { ...kept, folded: foldOf(counted) } : kept;
}

/**
 * A goal the map counts rather than shows: its status and whether it needs attention (as its
 * node would say), whether it matches, and its children the filter keeps; null as `mapNode`.
 */
function countedNode(
  t: MapTree,
  key: string,
  warned: boolean,
  path: ReadonlySet<string>,
): Counted | null {
  const l = t.linked.get(key);
  if (!l || path.has(key)) return null;
  const childKeys = t.childrenOf.get(key) ?? [];
  const kids = childKeys.map((k) => t.linked.get(k)?.goal).filter((g): g is ScopedGoal => !!g);
  const flagged = kids.length ? warnedChildren(l.goal, kids) : new Set<string>();
  const next = new Set(path).add(key);
  const children = childKeys
    .map((k) => countedNode(t, k, flagged.has(k), next))
    .filter((n): n is Counted => n !== null);
  const { goal, model } = l.goal;
  // Its own warnings that call for attention are its broken alignments (ownWarnings); those its
  // parent's roll-up gives about it are `warned`.
  const attention =
    warned ||
    needsAttention({
      status: goal.status,
      statusToday: goal.statusToday,
      stale: goal.stale,
      broken: l.broken.length,
      warnings: [],
    });
  const status = goal.statusToday;
  if (!filtering(t.filter))
    return { key, status, needsAttention: attention, matches: undefined, children };
  const self = matches(t.filter, { status, schoolId: schoolOf(model), needsAttention: attention });
  if (!self && children.length === 0) return null;
  return { key, status, needsAttention: attention, matches: self, children };
}

/**
 * The keys of the children the parent's roll-up warns about (every roll-up warning about a child
 * calls for attention), each named as `rollupOf` names it: by card id among the children.
 */
function warnedChildren(parent: ScopedGoal, kids: readonly ScopedGoal[]): Set<string> {
  const byNode = new Map(kids.map((c) => [c.goal.node.id, c]));
  const out = new Set<string>();
  for (const w of rollupWarnings(asCascadeGoal(parent), kids.map(asCascadeGoal))) {
    if (!ATTENTION_WARNINGS.has(w.code)) continue;
    const at = byNode.get(w.nodeId) ?? parent;
    out.add(goalKey(at.model.id, w.nodeId));
  }
  return out;
}

/** Every goal below once (one aligned to two of them counts once), by status. */
function foldOf(children: readonly Counted[]): FoldedView {
  const seen = new Map<string, Counted>();
  const walk = (list: readonly Counted[]) => {
    for (const c of list) {
      seen.set(c.key, c);
      walk(c.children);
    }
  };
  walk(children);
  const byStatus: FoldedView["byStatus"] = {};
  let attention = 0;
  for (const d of seen.values()) {
    byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
    if (d.needsAttention && d.matches !== false) attention += 1;
  }
  return { total: seen.size, byStatus, attention };
}

/** Whether the filter keeps anything of the goal's tree (a count, not a node: the map's pages). */
export function keptByFilter(t: MapTree, key: string): boolean {
  return !filtering(t.filter) || countedNode(t, key, false, new Set()) !== null;
}
