import {
  type Alignment,
  ancestorsOf,
  type BrokenReason,
  goalKey,
  type WorkspaceKind,
} from "@logic-canvas/shared";
import type { Store } from "../storage/types.ts";
import type { WorkspaceRecord } from "../storage/workspace-types.ts";
import type { WorkspaceViewer } from "../workspaces/viewer.ts";
import type { GoalDigest, GoalIndex, ModelDigest } from "./goal-index.ts";

/**
 * One person's view of the cascade: which models they may see (their workspace roles give them a
 * role on it), those models' digests, and what an alignment leads to. Everything the cascade
 * answers goes through here, so a goal the person may not see is never named: it is counted.
 */

export interface ScopedModel {
  id: string;
  title: string;
  workspace: WorkspaceRecord;
  digest: ModelDigest;
}

export interface ScopedGoal {
  model: ScopedModel;
  goal: GoalDigest;
}

export type Resolved =
  | { broken: BrokenReason; target: null }
  | { broken: null; target: ScopedGoal };

export class CascadeScope {
  private readonly models = new Map<string, ScopedModel | null | "hidden">();

  constructor(
    private readonly store: Store,
    private readonly index: GoalIndex,
    readonly viewer: WorkspaceViewer | null,
  ) {}

  get tree(): Map<string, WorkspaceRecord> {
    return this.viewer?.tree ?? new Map();
  }

  /** Whether the workspace or one above it is archived. */
  archived(workspaceId: string): boolean {
    return ancestorsOf(this.tree, workspaceId).some((id) => this.tree.get(id)?.archived);
  }

  /** The person may see models in this workspace (their memberships give a role there). */
  seesModelsIn(workspaceId: string): boolean {
    return this.viewer?.modelRole(workspaceId) != null;
  }

  /** Workspaces strictly above `workspaceId`, nearest first. */
  above(workspaceId: string): string[] {
    return ancestorsOf(this.tree, workspaceId).slice(1);
  }

  /** The kind of the level below a workspace's, by the tree (null at the bottom). */
  hasChildren(workspaceId: string): WorkspaceKind | null {
    for (const w of this.tree.values())
      if (w.parentId === workspaceId && !w.archived) return w.kind;
    return null;
  }

  /** Which model is filed in which of these workspaces, seen or not: what a cache key reads. */
  async filedIn(workspaceIds: readonly string[]): Promise<string[]> {
    const records = await this.store.workspaces.listModelsIn(workspaceIds);
    return records.map((r) => `${r.id}@${r.workspaceId ?? ""}`).sort();
  }

  /**
   * The models of these workspaces the person may see, with their digests; `hidden` counts
   * the ones they may not (only counted).
   */
  async modelsIn(
    workspaceIds: readonly string[],
  ): Promise<{ models: ScopedModel[]; hidden: ScopedModelStub[] }> {
    const records = await this.store.workspaces.listModelsIn(workspaceIds);
    const visible = records.filter((r) => r.workspaceId && this.seesModelsIn(r.workspaceId));
    const hidden = records
      .filter((r) => !visible.includes(r))
      .map((r) => ({ id: r.id, workspaceId: r.workspaceId ?? null }));
    const digests = await this.index.digests(visible.map((r) => r.id));
    const models: ScopedModel[] = [];
    for (const r of visible) {
      const workspace = this.tree.get(r.workspaceId as string);
      const digest = digests.get(r.id);
      if (!workspace || !digest) continue;
      const model = { id: r.id, title: digest.title, workspace, digest };
      this.models.set(r.id, model);
      models.push(model);
    }
    return { models, hidden };
  }

  /** One model by id, if the person may see it (null otherwise, or when it is gone). */
  async model(modelId: string): Promise<ScopedModel | null | "hidden"> {
    const known = this.models.get(modelId);
    if (known !== undefined) return known;
    const record = await this.store.getModel(modelId);
    const workspace = record?.workspaceId ? this.tree.get(record.workspaceId) : undefined;
    if (!record || !workspace) {
      this.models.set(modelId, null);
      return null;
    }
    if (!this.seesModelsIn(workspace.id)) {
      this.models.set(modelId, "hidden");
      return "hidden";
    }
    const digest = await this.index.digest(modelId);
    const model = digest ? { id: modelId, title: digest.title, workspace, digest } : null;
    this.models.set(modelId, model);
    return model;
  }

  /**
   * Where an alignment from a goal in `fromWorkspace` leads, or why it leads nowhere. Not seeing
   * the model wins over every other reason, so nothing is told about it.
   */
  async resolve(fromWorkspace: string, alignment: Alignment): Promise<Resolved> {
    const model = await this.model(alignment.modelId);
    if (model === "hidden") return { broken: "not-visible", target: null };
    if (model === null) return { broken: "model-deleted", target: null };
    if (this.archived(model.workspace.id)) return { broken: "archived", target: null };
    if (!this.above(fromWorkspace).includes(model.workspace.id))
      return { broken: "moved", target: null };
    const goal = model.digest.byId.get(alignment.cardId);
    if (!goal) return { broken: "goal-deleted", target: null };
    return { broken: null, target: { model, goal } };
  }
}

/** Goals of models the person may not see that align to each goal key: counted, never shown. */
export async function hiddenAlignedCounts(
  index: GoalIndex,
  stubs: readonly ScopedModelStub[],
): Promise<Map<string, number>> {
  const digests = await index.digests(stubs.map((s) => s.id));
  const out = new Map<string, number>();
  for (const digest of digests.values())
    for (const goal of digest.goals)
      for (const a of goal.alignsTo) {
        const key = goalKey(a.modelId, a.cardId);
        out.set(key, (out.get(key) ?? 0) + 1);
      }
  return out;
}

export interface ScopedModelStub {
  id: string;
  workspaceId: string | null;
}

/** Every goal of these models aligned to each goal key: who aligns to whom, a level down. */
export function alignedTo(models: readonly ScopedModel[]): Map<string, ScopedGoal[]> {
  const out = new Map<string, ScopedGoal[]>();
  for (const model of models)
    for (const goal of model.digest.goals)
      for (const a of goal.alignsTo) {
        const key = goalKey(a.modelId, a.cardId);
        const list = out.get(key) ?? [];
        list.push({ model, goal });
        out.set(key, list);
      }
  return out;
}
