import {
  type AlignmentMapAnswer,
  BROKEN_REASON_TEXT,
  type BrokenReason,
  type CascadeWarningView,
  type FoldedView,
  goalKey,
  MAP_UNALIGNED_PAGE,
  type MapNodeView,
  type MapQuery,
  needsAttention,
  noAlignedChildWarning,
  studentsView,
  unalignedWarning,
} from "@logic-canvas/shared";
import type { WorkspaceRecord } from "../storage/workspace-types.ts";
import type { CascadeScope, ScopedGoal, ScopedModel } from "./scope.ts";
import { asCascadeGoal, rollupOf } from "./views-model.ts";

/**
 * The alignment map of a workspace and everything under it, in parts: the workspace's goals and
 * the goals a level below them, deeper goals folded into counts until the page opens them
 * (`under`), and the goals that align to nothing a page at a time. The linked goals are also
 * what the progress rows read (views-progress.ts).
 */

type MapFilter = Pick<MapQuery, "status" | "school" | "attention">;

interface Linked {
  goal: ScopedGoal;
  broken: { modelId: string; cardId: string; reason: BrokenReason }[];
  /** Goal keys this goal aligns to that resolve, and those goals. */
  parents: string[];
  up: ScopedGoal[];
}

/** The models under a workspace (archived ones left out) and their goals' resolved alignments. */
export async function linkedGoals(scope: CascadeScope, workspace: WorkspaceRecord) {
  const ids = (scope.viewer?.subtree(workspace.id) ?? []).filter((id) => !scope.archived(id));
  const { models } = await scope.modelsIn(ids);
  const linked = new Map<string, Linked>();
  for (const model of models)
    for (const goal of model.digest.goals) {
      const entry: Linked = { goal: { model, goal }, broken: [], parents: [], up: [] };
      for (const a of goal.alignsTo) {
        const r = await scope.resolve(model.workspace.id, a);
        if (r.broken) entry.broken.push({ modelId: a.modelId, cardId: a.cardId, reason: r.broken });
        else {
          entry.parents.push(goalKey(a.modelId, a.cardId));
          entry.up.push(r.target);
        }
      }
      linked.set(goalKey(model.id, goal.node.id), entry);
    }
  return { models, linked };
}

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

function mapNode(
  scope: CascadeScope,
  key: string,
  linked: Map<string, Linked>,
  childrenOf: Map<string, string[]>,
  inherited: CascadeWarningView[],
  path: Set<string>,
): MapNodeView | null {
  const l = linked.get(key);
  if (!l || path.has(key)) return null;
  const { model, goal } = l.goal;
  const childKeys = childrenOf.get(key) ?? [];
  const kids = childKeys.map((k) => linked.get(k)?.goal).filter((g): g is ScopedGoal => !!g);
  const rollup = kids.length ? rollupOf(l.goal, kids, 0) : null;
  const next = new Set(path).add(key);
  const children = childKeys
    .map((k) => {
      const about = rollup?.warnings.filter((w) => goalKey(w.modelId, w.cardId) === k) ?? [];
      return mapNode(scope, k, linked, childrenOf, about, next);
    })
    .filter((n): n is MapNodeView => n !== null);
  const warnings = [...inherited, ...ownWarnings(scope, l, kids.length)];
  const smart = goal.node.smart;
  const attention = needsAttention({
    status: goal.status,
    statusToday: goal.statusToday,
    stale: goal.stale,
    broken: l.broken.length,
    warnings: warnings.map((w) => w.code),
  });
  return {
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
}

/**
 * Keeps a node when it or anything under it matches; what is kept keeps its path, marked
 * `matches: false` when it is there only as the context of a match below.
 */
function filterTree(nodes: MapNodeView[], filter: MapFilter): MapNodeView[] {
  if (!filter.status && !filter.school && !filter.attention) return nodes;
  const matches = (n: MapNodeView) =>
    (!filter.status || n.status === filter.status) &&
    (!filter.school || n.schoolId === filter.school) &&
    (!filter.attention || n.needsAttention);
  const out: MapNodeView[] = [];
  for (const n of nodes) {
    const children = filterTree(n.children, filter);
    const self = matches(n);
    if (self || children.length) out.push({ ...n, children, matches: self });
  }
  return out;
}

/** Every goal below a node once (one aligned to two of them counts once), by status. */
function foldOf(node: MapNodeView): FoldedView {
  const seen = new Map<string, MapNodeView>();
  const walk = (n: MapNodeView) => {
    for (const c of n.children) {
      seen.set(goalKey(c.modelId, c.cardId), c);
      walk(c);
    }
  };
  walk(node);
  const byStatus: FoldedView["byStatus"] = {};
  let attention = 0;
  for (const d of seen.values()) {
    byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
    if (d.needsAttention && d.matches !== false) attention += 1;
  }
  return { total: seen.size, byStatus, attention };
}

/** The tree down to `depth` levels below each node; what hangs deeper is folded into counts. */
function foldBelow(nodes: MapNodeView[], depth: number): MapNodeView[] {
  return nodes.map((n) => {
    if (n.children.length === 0) return n;
    if (depth > 0) return { ...n, children: foldBelow(n.children, depth - 1) };
    return { ...n, children: [], folded: foldOf(n) };
  });
}

/** The map (null when `under` names no goal of it). */
export async function alignmentMap(
  scope: CascadeScope,
  workspace: WorkspaceRecord,
  query: MapQuery,
): Promise<AlignmentMapAnswer | null> {
  const { linked } = await linkedGoals(scope, workspace);
  const childrenOf = new Map<string, string[]>();
  for (const [key, l] of linked)
    for (const parent of l.parents)
      if (linked.has(parent)) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), key]);
  const rootKeys: string[] = [];
  const unalignedKeys: string[] = [];
  for (const [key, l] of linked) {
    if (l.goal.model.workspace.id === workspace.id) rootKeys.push(key);
    // Below the workspace, only goals meant to cascade (long-term goals, and any goal that
    // aligns somewhere) are listed when they hang from nothing here: a team's small wins and
    // mid-journey goals are its own steps, and a district has thousands of them.
    else if (
      !l.parents.some((p) => linked.has(p)) &&
      (l.goal.goal.kind === "longTerm" || l.goal.goal.alignsTo.length > 0)
    )
      unalignedKeys.push(key);
  }
  const build = (keys: string[]) =>
    filterTree(
      keys
        .map((k) => mapNode(scope, k, linked, childrenOf, [], new Set()))
        .filter((n): n is MapNodeView => n !== null),
      query,
    );
  const schools = [...scope.tree.values()]
    .filter((w) => w.kind === "school" && !w.archived)
    .filter((w) => scope.viewer?.subtree(workspace.id).includes(w.id))
    .map((w) => ({ id: w.id, name: w.name }));
  const base = {
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    schools,
    generatedAt: new Date().toISOString(),
  };
  if (query.under) {
    if (!linked.has(query.under)) return null;
    return { ...base, roots: build([query.under]), unaligned: [], unalignedTotal: 0 };
  }
  // A root, the goals aligned to it, and theirs: deeper than that waits for the person.
  const shape = (nodes: MapNodeView[]) => (query.open ? nodes : foldBelow(nodes, 1));
  const unaligned = build(unalignedKeys);
  const from = query.more ?? 0;
  const to = from + MAP_UNALIGNED_PAGE;
  return {
    ...base,
    roots: shape(build(rootKeys)),
    unaligned: shape(unaligned.slice(from, to)),
    unalignedTotal: unaligned.length,
    unalignedNext: to < unaligned.length ? to : null,
  };
}
