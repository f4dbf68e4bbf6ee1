import { createHash } from "node:crypto";
import {
  alignmentWarnings,
  goalKey,
  type ProgressFilter,
  type ProgressRow,
  progressRowsFor,
  type WorkspaceKind,
} from "@logic-canvas/shared";
import type { WorkspaceRecord } from "../storage/workspace-types.ts";
import type { BuiltRows, ProgressCache } from "./progress-cache.ts";
import type { CascadeScope, ScopedGoal, ScopedModel } from "./scope.ts";
import { asCascadeGoal } from "./views-model.ts";
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

/**
 * Every row, in the models' order (level, school, workspace, model) and their lane order, and
 * every model they read (theirs, and those their goals align to).
 */
async function allRows(scope: CascadeScope, workspace: WorkspaceRecord): Promise<BuiltRows> {
  const { models, linked } = await linkedGoals(scope, workspace);
  const rows: ProgressRow[] = [];
  const modelIds = new Set<string>();
  for (const model of [...models].sort(byPlace(scope)))
    for (const goal of model.digest.goals) {
      for (const a of goal.alignsTo) modelIds.add(a.modelId);
      const l = linked.get(goalKey(model.id, goal.node.id));
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
        brokenUp: l?.broken.length ?? 0,
        ...warningsOf(l?.up ?? [], { model, goal }),
      });
    }
  for (const model of models) modelIds.add(model.id);
  return { rows, modelIds };
}

/** The warnings about a goal as one aligned to each goal above it (the 84 % trap among them). */
function warningsOf(up: readonly ScopedGoal[], child: ScopedGoal): Pick<ProgressRow, "warnings"> {
  const warnings = up.flatMap((parent) =>
    alignmentWarnings(asCascadeGoal(parent), asCascadeGoal(child)).map(({ code, message }) => ({
      code,
      message,
    })),
  );
  return warnings.length ? { warnings } : {};
}

/**
 * What the rows of `workspace` depend on besides the models' documents (progress-cache.ts):
 * the tree, the roles the person's memberships give, the models filed at or below it.
 */
async function scopeKey(scope: CascadeScope, workspace: WorkspaceRecord): Promise<string> {
  const tree = [...scope.tree.values()].map((w) => [w.id, w.parentId, w.kind, w.name, w.archived]);
  const roles = (scope.viewer?.memberships ?? []).map((m) => `${m.workspaceId}:${m.role}`).sort();
  const filed = await scope.filedIn(scope.viewer?.subtree(workspace.id) ?? []);
  const text = JSON.stringify([workspace.id, tree, roles, filed]);
  return createHash("sha256").update(text).digest("base64");
}

export type ProgressRows =
  | { rows: ProgressRow[]; unfiltered: number; badPlace?: undefined }
  /** The `place` filter names no workspace at or below this one that the person sees. */
  | { badPlace: true };

/**
 * The rows that pass the filter, in its order, and how many there are before it; kept in
 * `cache` for the next page, filter or person of the same scope until a model they read changes.
 */
export async function workspaceProgress(
  scope: CascadeScope,
  workspace: WorkspaceRecord,
  filter: ProgressFilter,
  cache: ProgressCache,
): Promise<ProgressRows> {
  let places: Set<string> | null = null;
  if (filter.place) {
    const under = scope.viewer?.subtree(workspace.id) ?? [];
    if (!under.includes(filter.place)) return { badPlace: true };
    places = new Set(scope.viewer?.subtree(filter.place) ?? []);
  }
  const { rows, ordered } = await cache.rows(await scopeKey(scope, workspace), () =>
    allRows(scope, workspace),
  );
  // Every field of the filter, by name: whatever it gains is part of the order's key.
  const order = JSON.stringify(
    Object.entries(filter)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return {
    rows: ordered(order, () => progressRowsFor(rows, filter, places)),
    unfiltered: rows.length,
  };
}
