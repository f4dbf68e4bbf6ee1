import {
  goalKey,
  type ProgressFilter,
  type ProgressRow,
  progressRowsFor,
  type WorkspaceKind,
} from "@logic-canvas/shared";
import type { WorkspaceRecord } from "../storage/workspace-types.ts";
import type { CascadeScope, ScopedModel } from "./scope.ts";
import { linkedGoals } from "./views-workspace.ts";

/**
 * The workspace progress rows: every goal of every model at or below a workspace that the
 * person may see, filtered and sorted here so the page asks for a page of them and the CSV for
 * all of them, in the same order.
 */

const LEVEL: Record<WorkspaceKind, number> = { district: 0, school: 1, team: 2 };
const collator = new Intl.Collator();

/**
 * Models by level, then school ("Lincoln › Grade 1" before "Madison › Grade 1", as the page
 * names a team), workspace and title: the rows' own order, before any sort.
 */
function byPlace(scope: CascadeScope) {
  const schoolName = (m: ScopedModel) =>
    m.workspace.kind === "team"
      ? (scope.tree.get(m.workspace.parentId ?? "")?.name ?? "")
      : m.workspace.name;
  return (a: ScopedModel, b: ScopedModel): number =>
    LEVEL[a.workspace.kind] - LEVEL[b.workspace.kind] ||
    collator.compare(schoolName(a), schoolName(b)) ||
    collator.compare(a.workspace.name, b.workspace.name) ||
    collator.compare(a.title, b.title);
}

/** Every row, in the models' order (level, school, workspace, model) and their lane order. */
async function allRows(scope: CascadeScope, workspace: WorkspaceRecord): Promise<ProgressRow[]> {
  const { models, linked } = await linkedGoals(scope, workspace);
  const rows: ProgressRow[] = [];
  for (const model of [...models].sort(byPlace(scope)))
    for (const goal of model.digest.goals) {
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
        brokenUp: linked.get(goalKey(model.id, goal.node.id))?.broken.length ?? 0,
      });
    }
  return rows;
}

export type ProgressRows =
  | { rows: ProgressRow[]; unfiltered: number; badPlace?: undefined }
  /** The `place` filter names no workspace at or below this one that the person sees. */
  | { badPlace: true };

/** The rows that pass the filter, in its order, and how many there are before it. */
export async function workspaceProgress(
  scope: CascadeScope,
  workspace: WorkspaceRecord,
  filter: ProgressFilter,
): Promise<ProgressRows> {
  let places: Set<string> | null = null;
  if (filter.place) {
    const under = scope.viewer?.subtree(workspace.id) ?? [];
    if (!under.includes(filter.place)) return { badPlace: true };
    places = new Set(scope.viewer?.subtree(filter.place) ?? []);
  }
  const all = await allRows(scope, workspace);
  return { rows: progressRowsFor(all, filter, places), unfiltered: all.length };
}
