import { type Account, WORKSPACE_ID_PATTERN } from "@logic-canvas/shared";
import type { FastifyRequest } from "fastify";
import type { WorkspaceRecord } from "../storage/workspace-types.ts";
import { WorkspaceViewer } from "../workspaces/viewer.ts";
import type { ApiDeps } from "./api.ts";
import { ApiError, notFound } from "./respond.ts";

/** What the workspace routes share: who is asking, and the workspace they name. */

/** Account ids as the auth library makes them; anything else is a 404 before storage. */
export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export async function signedIn(deps: ApiDeps, request: FastifyRequest): Promise<Account> {
  const account = await deps.accountOf(request.headers);
  if (!account) throw new ApiError(401, "unauthorized", "Sign in to use workspaces.");
  return account;
}

export function workspaceIdOf(params: unknown): string {
  const id = (params as { wid?: unknown }).wid;
  if (typeof id !== "string" || !WORKSPACE_ID_PATTERN.test(id))
    throw notFound("There is no such workspace.");
  return id;
}

export function accountIdOf(params: unknown): string {
  const id = (params as { accountId?: unknown }).accountId;
  if (typeof id !== "string" || !ACCOUNT_ID_PATTERN.test(id))
    throw notFound("This workspace has no such member.");
  return id;
}

export interface WorkspaceCall {
  viewer: WorkspaceViewer;
  workspace: WorkspaceRecord;
}

/**
 * The signed-in caller and the workspace of the path, if they may see it: 401 signed out,
 * 404 for a workspace that does not exist or that their tree does not show (so ids of other
 * districts' workspaces are not confirmed), 403 when `manage` is asked of a non-admin.
 */
export async function workspaceCall(
  deps: ApiDeps,
  request: FastifyRequest,
  need: "see" | "manage",
): Promise<WorkspaceCall> {
  const id = workspaceIdOf(request.params);
  const viewer = await WorkspaceViewer.load(deps.store, await signedIn(deps, request));
  const workspace = viewer.tree.get(id);
  if (!workspace || !(viewer.sees(id) || viewer.manages(id)))
    throw notFound("There is no such workspace.");
  if (need === "manage" && !viewer.manages(id)) {
    throw new ApiError(
      403,
      "forbidden",
      `Only an admin of “${workspace.name}” or of a workspace above it can do this.`,
    );
  }
  return { viewer, workspace };
}

/**
 * The instance setting `MODEL_CREATION`: with `members`, only a signed-in member or admin of
 * some workspace may create a model (blank, imported or duplicated); with `anyone`, as before.
 */
export async function checkCreationPolicy(deps: ApiDeps, request: FastifyRequest): Promise<void> {
  if (deps.modelCreation === "anyone") return;
  const account = await deps.accountOf(request.headers);
  if (!account)
    throw new ApiError(
      401,
      "unauthorized",
      "On this server only signed-in workspace members create models. Sign in first.",
    );
  const memberships = await deps.store.workspaces.membershipsOf(account.id);
  if (!memberships.some((m) => m.role !== "guest"))
    throw new ApiError(
      403,
      "forbidden",
      "On this server only workspace members create models; ask an admin to invite you.",
    );
}
