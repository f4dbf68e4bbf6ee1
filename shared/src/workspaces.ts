import { z } from "zod";
import { ROLE_LABELS, ROLES, type Role } from "./roles.ts";
import { WORKSPACE_KINDS, type WorkspaceKind } from "./workspace-kinds.ts";

/**
 * Workspaces: a district, its schools, each school's teams (grade levels, departments). A model
 * belongs to at most one workspace; people belong to workspaces with a role, and that role gives
 * them a role on the workspace's models by the one rule below (`modelRoleFromWorkspace`). Share
 * links keep working on top: a person's effective role is the higher of the two.
 */

// The levels of the tree and their words live in a module without zod, for the progress page
// (light.ts).
export { WORKSPACE_KIND_LABELS, WORKSPACE_KINDS, type WorkspaceKind } from "./workspace-kinds.ts";
export const workspaceKindSchema = z.enum(WORKSPACE_KINDS, {
  error: `must be one of ${WORKSPACE_KINDS.join(", ")}`,
});

/** The kind a workspace of `kind` sits under; null for the top of the tree. */
export function parentKindOf(kind: WorkspaceKind): WorkspaceKind | null {
  const at = WORKSPACE_KINDS.indexOf(kind);
  return at === 0 ? null : (WORKSPACE_KINDS[at - 1] ?? null);
}

/** Roles in a workspace, weakest first. */
export const WORKSPACE_ROLES = ["guest", "member", "admin"] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];
export const workspaceRoleSchema = z.enum(WORKSPACE_ROLES, {
  error: `must be one of ${WORKSPACE_ROLES.join(", ")}`,
});

export const WORKSPACE_ROLE_LABELS: Record<WorkspaceRole, string> = {
  guest: "Guest",
  member: "Member",
  admin: "Admin",
};

export function workspaceRoleAtLeast(role: WorkspaceRole, minimum: WorkspaceRole): boolean {
  return WORKSPACE_ROLES.indexOf(role) >= WORKSPACE_ROLES.indexOf(minimum);
}

export const WORKSPACE_NAME_MAX = 120;

/**
 * Counts the server bounds, so that one account cannot fill the tree every request reads (the
 * tree is loaded whole to work out roles): districts one person may start, workspaces directly
 * under one (a district's schools, a school's teams), workspaces in all, and invitations waiting
 * for an answer in one workspace. A district of 300 schools with 15 teams each fits.
 */
export const WORKSPACE_LIMITS = {
  districtsPerAccount: 5,
  childrenPerWorkspace: 500,
  workspacesInAll: 10_000,
  pendingInvitationsPerWorkspace: 500,
} as const;
export const workspaceNameSchema = z
  .string()
  .trim()
  .min(1, { error: "a name is needed" })
  .max(WORKSPACE_NAME_MAX, { error: `at most ${WORKSPACE_NAME_MAX} characters` });

/** One workspace of the tree, as the server lists it. */
export interface WorkspaceNode {
  id: string;
  name: string;
  kind: WorkspaceKind;
  parentId: string | null;
  archived: boolean;
}

export interface Membership {
  workspaceId: string;
  role: WorkspaceRole;
}

/**
 * Where a model's workspace sits as seen from the workspace a person belongs to: the same one,
 * above it (an ancestor), below it (a descendant), a sibling (same parent), or elsewhere.
 */
export const MODEL_LOCATIONS = ["own", "above", "below", "sibling", "unrelated"] as const;
export type ModelLocation = (typeof MODEL_LOCATIONS)[number];

/** The ids from `id` up to the root, `id` first; stops on a loop or a missing parent. */
export function ancestorsOf(
  tree: ReadonlyMap<string, Pick<WorkspaceNode, "parentId">>,
  id: string,
): string[] {
  const chain: string[] = [];
  let at: string | null = id;
  while (at !== null && tree.has(at) && !chain.includes(at)) {
    chain.push(at);
    at = tree.get(at)?.parentId ?? null;
  }
  return chain;
}

/** Where `modelWorkspace` sits seen from `memberWorkspace`. */
export function locateModel(
  tree: ReadonlyMap<string, Pick<WorkspaceNode, "parentId">>,
  memberWorkspace: string,
  modelWorkspace: string,
): ModelLocation {
  if (memberWorkspace === modelWorkspace) return "own";
  if (ancestorsOf(tree, memberWorkspace).includes(modelWorkspace)) return "above";
  if (ancestorsOf(tree, modelWorkspace).includes(memberWorkspace)) return "below";
  const parent = (id: string) => tree.get(id)?.parentId ?? null;
  const shared = parent(memberWorkspace);
  return shared !== null && shared === parent(modelWorkspace) ? "sibling" : "unrelated";
}

/**
 * THE rule: the model role a workspace role gives, by where the model sits. An admin manages
 * their workspace and everything under it, so owns those models. A member edits their own
 * workspace's models, comments on those above (a team comments on its school's plan: goals
 * cascade and each level must align with the one above), and reads those below (a school's
 * teacher sees how its teams narrow the school goal). Siblings and unrelated workspaces give
 * nothing here; a model its owner posts to the parent's gallery gives sibling members and
 * admins the commenter role (`POSTED_MODEL_ROLES`, gallery.ts). A guest gets
 * nothing from the workspace: only the links shared with them.
 */
export const WORKSPACE_MODEL_ROLES: Record<WorkspaceRole, Record<ModelLocation, Role | null>> = {
  admin: { own: "owner", below: "owner", above: null, sibling: null, unrelated: null },
  member: { own: "editor", below: "viewer", above: "commenter", sibling: null, unrelated: null },
  guest: { own: null, below: null, above: null, sibling: null, unrelated: null },
};

/** The higher of two roles, either of which may be missing. */
export function higherRole(a: Role | null, b: Role | null): Role | null {
  if (a === null) return b;
  if (b === null) return a;
  return ROLES.indexOf(a) >= ROLES.indexOf(b) ? a : b;
}

/**
 * A person's role on a model from their workspace memberships alone: the highest any of their
 * memberships gives, by `WORKSPACE_MODEL_ROLES`; null when none gives one (or the model belongs
 * to no workspace).
 */
export function modelRoleFromWorkspace(
  memberships: readonly Membership[],
  modelWorkspace: string | null,
  tree: ReadonlyMap<string, Pick<WorkspaceNode, "parentId">>,
): Role | null {
  if (modelWorkspace === null || !tree.has(modelWorkspace)) return null;
  let best: Role | null = null;
  for (const m of memberships) {
    if (!tree.has(m.workspaceId)) continue;
    const location = locateModel(tree, m.workspaceId, modelWorkspace);
    best = higherRole(best, WORKSPACE_MODEL_ROLES[m.role][location]);
  }
  return best;
}

/** The effective role: the higher of a share link's role and the workspace's. */
export function effectiveModelRole(linkRole: Role | null, workspaceRole: Role | null): Role | null {
  return higherRole(linkRole, workspaceRole);
}

const LOCATION_LABELS: Record<ModelLocation, string> = {
  own: "own workspace",
  above: "a workspace above",
  below: "a workspace below",
  sibling: "a sibling workspace",
  unrelated: "any other",
};

/** The rule as a markdown table, for the README (`pnpm --filter shared run role-table`). */
export function workspaceRoleTable(): string {
  const head = `| workspace role | ${MODEL_LOCATIONS.map((l) => LOCATION_LABELS[l]).join(" | ")} |`;
  const rule = `|---|${MODEL_LOCATIONS.map(() => "---").join("|")}|`;
  const rows = WORKSPACE_ROLES.slice()
    .reverse()
    .map((role) => {
      const cells = MODEL_LOCATIONS.map((l) => {
        const given = WORKSPACE_MODEL_ROLES[role][l];
        return given ? ROLE_LABELS[given].toLowerCase() : "—";
      });
      return `| ${role} | ${cells.join(" | ")} |`;
    });
  return [head, rule, ...rows].join("\n");
}
