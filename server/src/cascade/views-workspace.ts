import {
  type AlignmentMapAnswer,
  BROKEN_REASON_TEXT,
  type BrokenReason,
  type CascadeWarningView,
  type GoalStatusName,
  goalKey,
  type MapNodeView,
  noAlignedChildWarning,
  type ProgressRow,
  studentsView,
  unalignedWarning,
  type WorkspaceProgressAnswer,
} from "@logic-canvas/shared";
import type { WorkspaceRecord } from "../storage/workspace-types.ts";
import type { CascadeScope, ScopedGoal, ScopedModel } from "./scope.ts";
import { asCascadeGoal, rollupOf } from "./views-model.ts";

/** The answers about a workspace and everything under it: the alignment map and progress rows. */

export interface MapFilter {
  status?: GoalStatusName;
  schoolId?: string;
  attention?: boolean;
}

interface Linked {
  goal: ScopedGoal;
  broken: { modelId: string; cardId: string; reason: BrokenReason }[];
  /** Goal keys this goal aligns to that resolve. */
  parents: string[];
}

/** The models under a workspace (archived ones left out) and their goals' resolved alignments. */
async function linkedGoals(scope: CascadeScope, workspace: WorkspaceRecord) {
  const ids = (scope.viewer?.subtree(workspace.id) ?? []).filter((id) => !scope.archived(id));
  const { models } = await scope.modelsIn(ids);
  const linked = new Map<string, Linked>();
  for (const model of models)
    for (const goal of model.digest.goals) {
      const entry: Linked = { goal: { model, goal }, broken: [], parents: [] };
      for (const a of goal.alignsTo) {
        const r = await scope.resolve(model.workspace.id, a);
        if (r.broken) entry.broken.push({ modelId: a.modelId, cardId: a.cardId, reason: r.broken });
        else entry.parents.push(goalKey(a.modelId, a.cardId));
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

const ATTENTION_CODES = new Set<string>([
  "cascade-child-not-rising",
  "cascade-units-incomparable",
  "cascade-target-after-parent",
  "cascade-alignment-broken",
]);

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
  const attention =
    goal.statusToday === "off-track" ||
    goal.statusToday === "at-risk" ||
    goal.stale ||
    l.broken.length > 0 ||
    warnings.some((w) => ATTENTION_CODES.has(w.code));
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

/** Keeps a node when it or anything under it matches; what is kept keeps its path. */
function filterTree(nodes: MapNodeView[], filter: MapFilter): MapNodeView[] {
  const matches = (n: MapNodeView) =>
    (!filter.status || n.status === filter.status) &&
    (!filter.schoolId || n.schoolId === filter.schoolId || n.workspaceKind === "district") &&
    (!filter.attention || n.needsAttention);
  const out: MapNodeView[] = [];
  for (const n of nodes) {
    const children = filterTree(n.children, filter);
    const self =
      matches(n) && (!filter.schoolId || n.schoolId === filter.schoolId || children.length > 0);
    if (self || children.length) out.push({ ...n, children });
  }
  return out;
}

export async function alignmentMap(
  scope: CascadeScope,
  workspace: WorkspaceRecord,
  filter: MapFilter,
): Promise<AlignmentMapAnswer> {
  const { linked } = await linkedGoals(scope, workspace);
  const childrenOf = new Map<string, string[]>();
  for (const [key, l] of linked)
    for (const parent of l.parents)
      if (linked.has(parent)) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), key]);
  const rootKeys: string[] = [];
  const unalignedKeys: string[] = [];
  for (const [key, l] of linked) {
    if (l.goal.model.workspace.id === workspace.id) rootKeys.push(key);
    else if (!l.parents.some((p) => linked.has(p))) unalignedKeys.push(key);
  }
  const build = (keys: string[]) =>
    keys
      .map((k) => mapNode(scope, k, linked, childrenOf, [], new Set()))
      .filter((n): n is MapNodeView => n !== null);
  const schools = [...scope.tree.values()]
    .filter((w) => w.kind === "school" && !w.archived)
    .filter((w) => scope.viewer?.subtree(workspace.id).includes(w.id))
    .map((w) => ({ id: w.id, name: w.name }));
  return {
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    roots: filterTree(build(rootKeys), filter),
    unaligned: filterTree(build(unalignedKeys), filter),
    schools,
    generatedAt: new Date().toISOString(),
  };
}

export async function workspaceProgress(
  scope: CascadeScope,
  workspace: WorkspaceRecord,
): Promise<WorkspaceProgressAnswer> {
  const { linked } = await linkedGoals(scope, workspace);
  const rows: (ProgressRow & { order: number })[] = [];
  for (const l of linked.values()) {
    const { model, goal } = l.goal;
    const smart = goal.node.smart;
    rows.push({
      modelId: model.id,
      modelTitle: model.title,
      workspaceId: model.workspace.id,
      workspaceName: model.workspace.name,
      workspaceKind: model.workspace.kind,
      cardId: goal.node.id,
      kind: goal.kind as ProgressRow["kind"],
      title: goal.node.title,
      status: goal.status,
      statusToday: goal.statusToday,
      stale: goal.stale,
      unit: smart?.unit ?? null,
      baseline: smart?.baseline?.value ?? null,
      target: smart?.target?.value ?? null,
      targetDate: smart?.target?.date ?? null,
      latest: goal.latest,
      lastMeasured: goal.latest?.date ?? null,
      nextCheckIn: model.digest.nextCheckIn,
      alignedUp: goal.alignsTo.length,
      brokenUp: l.broken.length,
      order: goal.order,
    });
  }
  const kindRank = (k: string) => ["district", "school", "team"].indexOf(k);
  rows.sort(
    (a, b) =>
      Number(b.stale) - Number(a.stale) ||
      kindRank(a.workspaceKind) - kindRank(b.workspaceKind) ||
      a.workspaceName.localeCompare(b.workspaceName) ||
      a.modelTitle.localeCompare(b.modelTitle) ||
      a.order - b.order,
  );
  return {
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    rows: rows.map(({ order: _order, ...row }) => row),
    generatedAt: new Date().toISOString(),
  };
}
