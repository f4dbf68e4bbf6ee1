import {
  effectiveModelRole,
  higherRole,
  isLinkExpired,
  modelRoleFromGallery,
  modelRoleFromWorkspace,
  type Role,
} from "@logic-canvas/shared";
import type { Store } from "../storage/types.ts";
import type { WorkspaceRecord } from "../storage/workspace-types.ts";
import type { ConnectionContext } from "./context.ts";

/** The whole tree by id (a district's tree is small: read whole, never walked row by row). */
export async function workspaceTree(store: Store): Promise<Map<string, WorkspaceRecord>> {
  return new Map((await store.workspaces.listWorkspaces()).map((w) => [w.id, w]));
}

/**
 * The model role an account's memberships give on a model, by shared's one rule, raised by a
 * post in the parent's gallery for members of a sibling workspace (`modelRoleFromGallery`);
 * null for none, for a model outside every workspace, and for a model that no longer exists.
 */
export async function workspaceRoleOnModel(
  store: Store,
  accountId: string,
  modelId: string,
): Promise<Role | null> {
  const model = await store.getModel(modelId);
  if (!model?.workspaceId) return null;
  const memberships = await store.workspaces.membershipsOf(accountId);
  if (memberships.length === 0) return null;
  const [tree, post] = await Promise.all([workspaceTree(store), store.gallery.postOf(modelId)]);
  return higherRole(
    modelRoleFromWorkspace(memberships, model.workspaceId, tree),
    modelRoleFromGallery(memberships, model.workspaceId, post?.workspaceId ?? null, tree),
  );
}

/** The role a live connection's person has now: its link's (if still usable) and their workspaces'. */
export async function currentRole(
  store: Store,
  context: Pick<ConnectionContext, "linkId" | "accountId" | "modelId">,
): Promise<Role | null> {
  const link = context.linkId
    ? (await store.listLinks(context.modelId)).find((l) => l.id === context.linkId)
    : undefined;
  const linkRole = link && !link.revokedAt && !isLinkExpired(link.expiresAt) ? link.role : null;
  const fromWorkspace = context.accountId
    ? await workspaceRoleOnModel(store, context.accountId, context.modelId)
    : null;
  return effectiveModelRole(linkRole, fromWorkspace);
}
