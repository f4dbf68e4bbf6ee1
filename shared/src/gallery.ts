import { type GoalKind, NODE_KINDS, type NodeKind } from "./kinds.ts";
import { type GoalStatusName, modelProgressSummary } from "./progress.ts";
import type { Role } from "./roles.ts";
import type { LogicModel } from "./schema.ts";
import {
  higherRole,
  locateModel,
  type Membership,
  type WorkspaceNode,
  type WorkspaceRole,
} from "./workspaces.ts";

/**
 * The gallery walk (seed 004): a model's owner posts it "in a shared space", the gallery of its
 * workspace's parent (a team's model in its school's gallery), so that the other teams under
 * that parent offer resources and strategies: accountability is horizontal. Posting adds one
 * cell to the workspace rule (`WORKSPACE_MODEL_ROLES` gives siblings nothing): members and
 * admins of a sibling workspace comment on a posted model, and nothing more. Taking the post
 * down takes the role away again.
 */

/** The role a sibling workspace's role gives on a model posted to the shared parent's gallery. */
export const POSTED_MODEL_ROLES: Record<WorkspaceRole, Role | null> = {
  admin: "commenter",
  member: "commenter",
  guest: null,
};

/** The gallery a model of `modelWorkspace` is posted to: its parent's; null at the top. */
export function galleryOf(
  tree: ReadonlyMap<string, Pick<WorkspaceNode, "parentId">>,
  modelWorkspace: string,
): string | null {
  return tree.get(modelWorkspace)?.parentId ?? null;
}

/**
 * The role posting gives a person on a model: `POSTED_MODEL_ROLES` when the model is posted to
 * the gallery of its workspace's parent (a post left behind by a move counts for nothing) and
 * one of their memberships is in a sibling of the model's workspace; null otherwise.
 */
export function modelRoleFromGallery(
  memberships: readonly Membership[],
  modelWorkspace: string | null,
  postedTo: string | null,
  tree: ReadonlyMap<string, Pick<WorkspaceNode, "parentId">>,
): Role | null {
  if (modelWorkspace === null || postedTo === null || !tree.has(modelWorkspace)) return null;
  if (galleryOf(tree, modelWorkspace) !== postedTo) return null;
  let best: Role | null = null;
  for (const m of memberships) {
    if (!tree.has(m.workspaceId)) continue;
    if (locateModel(tree, m.workspaceId, modelWorkspace) !== "sibling") continue;
    best = higherRole(best, POSTED_MODEL_ROLES[m.role]);
  }
  return best;
}

/** Goals and titles a gallery card shows at most: a one-page summary, not the model. */
export const GALLERY_LIMITS = { goals: 12, titlesPerLane: 3 } as const;

export interface GalleryGoal {
  id: string;
  kind: GoalKind;
  title: string;
  status: GoalStatusName;
  stale: boolean;
  unit?: string;
  latest?: { value: number; date: string };
  target?: { value: number; date?: string };
}

export interface GalleryLane {
  kind: NodeKind;
  count: number;
  /** The first cards of the lane in reading order, up to `GALLERY_LIMITS.titlesPerLane`. */
  titles: string[];
}

/** What a gallery card shows of a model: its poster, in brief. */
export interface GallerySummary {
  title: string;
  masteryGoal: string;
  /** The goals, small wins first, up to `GALLERY_LIMITS.goals`; `goalCount` says how many in all. */
  goals: GalleryGoal[];
  goalCount: number;
  counts: Record<GoalStatusName, number>;
  lanes: GalleryLane[];
}

/** A model as its gallery card shows it, from the same status rule as the dashboard. */
export function gallerySummary(
  model: Pick<LogicModel, "title" | "masteryGoal" | "nodes">,
  options: { today?: string } = {},
): GallerySummary {
  const progress = modelProgressSummary(model, options);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const goals: GalleryGoal[] = progress.goals.slice(0, GALLERY_LIMITS.goals).map((g) => {
    const smart = byId.get(g.nodeId)?.smart;
    const goal: GalleryGoal = {
      id: g.nodeId,
      kind: g.kind,
      title: g.title,
      status: g.status,
      stale: g.stale,
    };
    if (smart?.unit) goal.unit = smart.unit;
    if (g.latest) goal.latest = { value: g.latest.value, date: g.latest.date };
    if (smart?.target) goal.target = { ...smart.target };
    return goal;
  });
  const lanes = NODE_KINDS.map((kind) => {
    const cards = model.nodes.filter((n) => n.kind === kind);
    return {
      kind,
      count: cards.length,
      titles: cards.slice(0, GALLERY_LIMITS.titlesPerLane).map((n) => n.title),
    };
  });
  return {
    title: model.title,
    masteryGoal: model.masteryGoal,
    goals,
    goalCount: progress.goals.length,
    counts: progress.counts,
    lanes,
  };
}
