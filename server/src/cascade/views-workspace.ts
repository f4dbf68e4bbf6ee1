import {
  type AlignmentMapAnswer,
  goalKey,
  MAP_UNALIGNED_PAGE,
  type MapNodeView,
  type MapQuery,
} from "@logic-canvas/shared";
import type { WorkspaceRecord } from "../storage/workspace-types.ts";
import { keptByFilter, type Linked, type MapTree, mapNode, UNFOLDED } from "./map-tree.ts";
import type { CascadeScope } from "./scope.ts";

/**
 * The alignment map of a workspace and everything under it, in parts: the workspace's goals and
 * the goals a level below them, deeper goals folded into counts until the page opens them
 * (`under`), and the goals that align to nothing a page at a time. The linked goals are also
 * what the progress rows read (views-progress.ts).
 */

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
  const tree: MapTree = { scope, linked, childrenOf, filter: query };
  // A root, the goals aligned to it, and theirs: deeper than that is counted until the person
  // opens it (a goal opened with `under` shows everything below it).
  const depth = query.open || query.under ? UNFOLDED : 1;
  const build = (keys: string[]) =>
    keys
      .map((k) => mapNode(tree, k, [], new Set(), depth))
      .filter((n): n is MapNodeView => n !== null);
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
  // Only a page of the goals that hang from nothing is shown: the rest are only counted.
  const unaligned = unalignedKeys.filter((k) => keptByFilter(tree, k));
  const from = query.more ?? 0;
  const to = from + MAP_UNALIGNED_PAGE;
  return {
    ...base,
    roots: build(rootKeys),
    unaligned: build(unaligned.slice(from, to)),
    unalignedTotal: unaligned.length,
    unalignedNext: to < unaligned.length ? to : null,
  };
}
