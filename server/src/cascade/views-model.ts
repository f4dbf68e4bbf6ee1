import {
  ALIGNABLE_RESULTS_MAX,
  type AlignableGoal,
  type AlignmentContextAnswer,
  type CascadeGoal,
  type CascadeWarningView,
  goalInStudents,
  goalKey,
  matchesWords,
  type RollupAnswer,
  type RollupChild,
  rollUp,
  searchWords,
  type UpTarget,
  type WorkspaceKind,
} from "@logic-canvas/shared";
import type { GoalIndex } from "./goal-index.ts";
import {
  alignedTo,
  type CascadeScope,
  hiddenAlignedCounts,
  type ScopedGoal,
  type ScopedModel,
} from "./scope.ts";

/** The answers about one model's goals: what they may align to, where they align, roll-ups. */

function place(s: ScopedGoal) {
  return {
    modelId: s.model.id,
    modelTitle: s.model.title,
    workspaceId: s.model.workspace.id,
    workspaceName: s.model.workspace.name,
    workspaceKind: s.model.workspace.kind,
    cardId: s.goal.node.id,
    kind: s.goal.kind as AlignableGoal["kind"],
    title: s.goal.node.title,
  };
}

/** Goals of models in the workspaces above the model's that the person may see, by title. */
export async function alignableGoals(
  scope: CascadeScope,
  source: ScopedModel,
  cardId: string,
  query: string,
): Promise<AlignableGoal[]> {
  const above = scope
    .above(source.workspace.id)
    .filter((id) => scope.seesModelsIn(id) && !scope.archived(id));
  if (above.length === 0) return [];
  const { models } = await scope.modelsIn(above);
  const already = new Set(
    (source.digest.byId.get(cardId)?.alignsTo ?? []).map((a) => goalKey(a.modelId, a.cardId)),
  );
  const words = searchWords(query);
  const out: AlignableGoal[] = [];
  // Nearest workspace first: a team aligns to its school's goals before the district's.
  const rank = (m: ScopedModel) => above.indexOf(m.workspace.id);
  for (const model of [...models].sort((a, b) => rank(a) - rank(b))) {
    for (const goal of model.digest.goals) {
      if (!matchesWords(words, goal.node.title, model.title, model.workspace.name)) continue;
      const smart = goal.node.smart;
      out.push({
        ...place({ model, goal }),
        unit: smart?.unit ?? null,
        target: smart?.target
          ? { value: smart.target.value, date: smart.target.date ?? null }
          : null,
        status: goal.status,
        aligned: already.has(goalKey(model.id, goal.node.id)),
      });
      if (out.length >= ALIGNABLE_RESULTS_MAX) return out;
    }
  }
  return out;
}

/** Every alignment of the model's goals resolved, and how many goals below align to each. */
export async function alignmentContext(
  scope: CascadeScope,
  index: GoalIndex,
  source: ScopedModel,
): Promise<AlignmentContextAnswer> {
  const below = scope.viewer ? scope.viewer.subtree(source.workspace.id).slice(1) : [];
  const { models, hidden } = below.length
    ? await scope.modelsIn(below)
    : { models: [], hidden: [] };
  const from = alignedTo(models);
  const hiddenFrom = await hiddenAlignedCounts(index, hidden);
  const cards = [];
  for (const goal of source.digest.goals) {
    const up: UpTarget[] = [];
    for (const a of goal.alignsTo) {
      const r = await scope.resolve(source.workspace.id, a);
      up.push({
        modelId: a.modelId,
        cardId: a.cardId,
        note: a.note ?? null,
        broken: r.broken,
        title: r.target?.goal.node.title ?? null,
        modelTitle: r.target?.model.title ?? null,
        workspaceName: r.target?.model.workspace.name ?? null,
        status: r.target?.goal.status ?? null,
      });
    }
    const key = goalKey(source.id, goal.node.id);
    cards.push({
      cardId: goal.node.id,
      up,
      alignedFromBelow: from.get(key)?.length ?? 0,
      hiddenFromBelow: hiddenFrom.get(key) ?? 0,
    });
  }
  return {
    modelId: source.id,
    hasParentWorkspace: source.workspace.parentId !== null,
    cards,
  };
}

const CHILD_NOUN: Record<WorkspaceKind, string> = {
  district: "district goals",
  school: "school goals",
  team: "team goals",
};
const PARENT_NOUN: Record<WorkspaceKind, string> = {
  district: "district goal",
  school: "school goal",
  team: "team goal",
};

export function asCascadeGoal(s: ScopedGoal): CascadeGoal {
  return { node: s.goal.node, owner: s.model.workspace.name };
}

/** The roll-up of a goal over the goals aligned to it from models below the person may see. */
export function rollupOf(
  parent: ScopedGoal,
  children: readonly ScopedGoal[],
  hiddenChildren: number,
): RollupAnswer {
  const kinds = new Set(children.map((c) => c.model.workspace.kind));
  const childKind = kinds.size === 1 ? [...kinds][0] : undefined;
  const r = rollUp(asCascadeGoal(parent), children.map(asCascadeGoal), {
    childrenNoun: childKind ? CHILD_NOUN[childKind] : "aligned goals",
    parentNoun: PARENT_NOUN[parent.model.workspace.kind],
  });
  const byNode = new Map(children.map((c) => [c.goal.node.id, c]));
  const warnings: CascadeWarningView[] = r.warnings.map((w) => {
    const child = byNode.get(w.nodeId);
    const at = child ?? parent;
    return { code: w.code, message: w.message, modelId: at.model.id, cardId: w.nodeId };
  });
  const rows: RollupChild[] = children.map((c, i) => {
    const row = r.children[i];
    const smart = c.goal.node.smart;
    return {
      ...place(c),
      status: c.goal.statusToday,
      unit: smart?.unit ?? null,
      cohortSize: smart?.cohortSize ?? null,
      baselineStudents: row?.inStudents.baseline ?? null,
      targetStudents: row?.inStudents.target ?? null,
      latestStudents: row?.inStudents.latest ?? null,
      latest: c.goal.latest,
      excluded: row?.excluded ?? null,
    };
  });
  const ps = parent.goal.node.smart;
  const parentIn = goalInStudents(parent.goal.node);
  return {
    parent: {
      ...place(parent),
      status: parent.goal.statusToday,
      unit: ps?.unit ?? null,
      cohortSize: ps?.cohortSize ?? null,
      baselineStudents: parentIn.baseline,
      targetStudents: parentIn.target,
      latest: parent.goal.latest,
    },
    children: rows,
    sumTargetStudents: r.sumTarget,
    sumBaselineStudents: r.sumBaseline,
    sumLatestStudents: r.sumLatest,
    sumProgress: r.sumProgress,
    shortfall: r.shortfall,
    sentence: r.sentence,
    warnings,
    hiddenChildren,
  };
}

/** The roll-up route's answer: children are goals below that align to this one. */
export async function rollupAnswer(
  scope: CascadeScope,
  index: GoalIndex,
  source: ScopedModel,
  cardId: string,
): Promise<RollupAnswer | null> {
  const goal = source.digest.byId.get(cardId);
  if (!goal) return null;
  const below = scope.viewer ? scope.viewer.subtree(source.workspace.id).slice(1) : [];
  const { models, hidden } = below.length
    ? await scope.modelsIn(below)
    : { models: [], hidden: [] };
  const key = goalKey(source.id, cardId);
  // Only alignments that resolve (the child's workspace really is below) are counted.
  const children: ScopedGoal[] = [];
  for (const child of alignedTo(models).get(key) ?? []) {
    const a = child.goal.alignsTo.find((x) => goalKey(x.modelId, x.cardId) === key);
    if (a && (await scope.resolve(child.model.workspace.id, a)).broken === null)
      children.push(child);
  }
  const hiddenCount = (await hiddenAlignedCounts(index, hidden)).get(key) ?? 0;
  return rollupOf({ model: source, goal }, children, hiddenCount);
}
