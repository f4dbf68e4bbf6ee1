import {
  GOAL_STATUSES,
  newWorkspaceSchema,
  parentKindOf,
  type Role,
  roleAtLeast,
  WORKSPACE_KIND_LABELS,
  WORKSPACE_LIMITS,
  type WorkspaceModel,
  workspacePatchSchema,
} from "@logic-canvas/shared";
import { newWorkspaceId } from "../access/tokens.ts";
import { ModelUnavailableError } from "../models/models.ts";
import type { WorkspacePatch, WorkspaceRecord } from "../storage/workspace-types.ts";
import { WorkspaceViewer } from "../workspaces/viewer.ts";
import type { ApiDeps, RouteKit } from "./api.ts";
import { refuseUnseenAlignments } from "./cascade-imports.ts";
import { modelFromCreateBody } from "./model-bodies.ts";
import { ApiError, notFound } from "./respond.ts";
import { withLinks } from "./routes-models.ts";
import { signedIn, type WorkspaceCall, workspaceCall } from "./workspace-kit.ts";

/**
 * The workspace tree: list mine, create, rename, move, archive; a workspace's models with their
 * goals counted by status, and creating a model in it. Members and invitations: routes-members.ts.
 */
export function workspaceRoutes(kit: RouteKit): void {
  const { app, deps } = kit;

  app.get("/api/workspaces", async (request) => {
    const viewer = await WorkspaceViewer.load(deps.store, await signedIn(deps, request));
    return { workspaces: viewer.visible() };
  });

  app.post("/api/workspaces", { schema: { body: newWorkspaceSchema } }, async (request, reply) => {
    const account = await signedIn(deps, request);
    const viewer = await WorkspaceViewer.load(deps.store, account);
    const { name, kind, parentId = null } = request.body;
    await checkPlacement(viewer, kind, parentId);
    checkRoom(viewer, parentId);
    const workspace: WorkspaceRecord = {
      id: newWorkspaceId(),
      name,
      kind,
      parentId,
      archived: false,
      createdAt: new Date().toISOString(),
    };
    await deps.store.workspaces.createWorkspace(workspace);
    // Whoever starts a district administers it; below, the admins above already manage it.
    if (parentId === null) {
      await deps.store.workspaces.putMembership({
        workspaceId: workspace.id,
        accountId: account.id,
        role: "admin",
        name: account.name,
        email: account.email,
        createdAt: workspace.createdAt,
      });
    }
    const after = await WorkspaceViewer.load(deps.store, account);
    return reply.code(201).send(after.visible().find((w) => w.id === workspace.id));
  });

  app.patch("/api/workspaces/:wid", { schema: { body: workspacePatchSchema } }, async (request) => {
    const call = await workspaceCall(deps, request, "manage");
    const patch: WorkspacePatch = { ...request.body };
    if (patch.parentId !== undefined && patch.parentId !== call.workspace.parentId) {
      await checkPlacement(call.viewer, call.workspace.kind, patch.parentId);
      checkRoom(call.viewer, patch.parentId);
    }
    await deps.store.workspaces.updateWorkspace(call.workspace.id, patch);
    // Moving changes what people above the old and new places may do.
    if (patch.parentId !== undefined) everyoneRechecked(deps);
    // Moved or archived: alignments to and from its models break or mend on open maps and models.
    if (patch.parentId !== undefined || patch.archived !== undefined) {
      const moved = await deps.store.workspaces.listModelsIn(
        call.viewer.subtree(call.workspace.id),
      );
      deps.cascade.hub.placesChanged(moved.map((m) => m.id));
    }
    const after = await WorkspaceViewer.load(deps.store, call.viewer.account);
    return after.visible().find((w) => w.id === call.workspace.id);
  });

  workspaceModelRoutes(kit);
}

/** A workspace of `kind` may sit under `parentId` only if the kinds fit and the caller manages it. */
async function checkPlacement(
  viewer: WorkspaceViewer,
  kind: WorkspaceRecord["kind"],
  parentId: string | null,
): Promise<void> {
  const wanted = parentKindOf(kind);
  if (wanted === null) {
    if (parentId !== null)
      throw new ApiError(
        400,
        "bad-request",
        "A district is the top of its tree: it has no parent.",
      );
    return;
  }
  const label = WORKSPACE_KIND_LABELS[kind].toLowerCase();
  if (parentId === null)
    throw new ApiError(400, "bad-request", `A ${label} belongs under a ${wanted}: say which one.`);
  const parent = viewer.tree.get(parentId);
  if (!parent || !viewer.sees(parentId)) throw notFound("There is no such parent workspace.");
  if (parent.kind !== wanted)
    throw new ApiError(
      400,
      "bad-request",
      `A ${label} belongs under a ${wanted}; “${parent.name}” is a ${parent.kind}.`,
    );
  if (!viewer.manages(parentId))
    throw new ApiError(
      403,
      "forbidden",
      `Only an admin of “${parent.name}” or above can add or move a ${label} there.`,
    );
}

/** Refuses a new workspace past the counts of `WORKSPACE_LIMITS`, in words. */
function checkRoom(viewer: WorkspaceViewer, parentId: string | null): void {
  const { districtsPerAccount, childrenPerWorkspace, workspacesInAll } = WORKSPACE_LIMITS;
  const tooMany = (message: string) => new ApiError(409, "too-many-workspaces", message);
  if (viewer.tree.size >= workspacesInAll)
    throw tooMany(
      `This server holds ${workspacesInAll.toLocaleString("en")} workspaces, its most.`,
    );
  if (parentId === null) {
    const started = viewer.memberships.filter(
      (m) => m.role === "admin" && viewer.tree.get(m.workspaceId)?.parentId === null,
    ).length;
    if (started >= districtsPerAccount)
      throw tooMany(`You administer ${started} districts already, the most one person may start.`);
    return;
  }
  let children = 0;
  for (const w of viewer.tree.values()) if (w.parentId === parentId) children += 1;
  if (children >= childrenPerWorkspace)
    throw tooMany(
      `“${viewer.tree.get(parentId)?.name}” has ${children} workspaces under it, its most.`,
    );
}

/** A move changes roles for anyone: every live signed-in connection is re-checked. */
function everyoneRechecked(deps: ApiDeps): void {
  deps.accessChanged(null);
}

/** The models of a workspace and of those below it, and creating one in it. */
function workspaceModelRoutes(kit: RouteKit): void {
  const { app, deps } = kit;

  app.get("/api/workspaces/:wid/models", async (request) => {
    const call = await workspaceCall(deps, request, "see");
    return { models: await modelsUnder(deps, call) };
  });

  app.post("/api/workspaces/:wid/models", async (request, reply) => {
    const { viewer, workspace } = await workspaceCall(deps, request, "see");
    const role = viewer.modelRole(workspace.id);
    if (!role || !roleAtLeast(role, "editor"))
      throw new ApiError(
        403,
        "forbidden",
        `Only members and admins of “${workspace.name}” create models in it.`,
      );
    if (workspace.archived)
      throw new ApiError(
        409,
        "archived",
        `“${workspace.name}” is archived: it takes no new models.`,
      );
    const { model, extras } = modelFromCreateBody(request.body, deps.limits.maxCardsOnImport);
    await refuseUnseenAlignments(deps, viewer.account.id, null, model.nodes, workspace.id);
    await deps.checkDataQuota();
    await deps.chargeCreation(request);
    const created = await deps.models.create(model, extras, workspace.id);
    // A new model's goals join the cascade: open maps hear it, and the goal index reads it in
    // the background, so the next roll-up over the workspace does not pay for it.
    deps.cascade.hub.changed(created.id);
    return reply
      .code(201)
      .send({ ...withLinks(deps.publicUrl(), created), workspaceId: workspace.id });
  });
}

const NO_COUNTS = Object.fromEntries(GOAL_STATUSES.map((s) => [s, 0])) as WorkspaceModel["counts"];

/** Every model at or below the workspace that the caller's workspace roles let them open. */
async function modelsUnder(deps: ApiDeps, { viewer, workspace }: WorkspaceCall) {
  const ids = viewer.subtree(workspace.id);
  const records = await deps.store.workspaces.listModelsIn(ids);
  const listed: WorkspaceModel[] = [];
  for (const record of records) {
    const home = viewer.tree.get(record.workspaceId ?? "");
    const role: Role | null = home ? viewer.modelRole(home.id) : null;
    if (!home || !role) continue;
    const summary = await deps.graphs.read(record.id).catch((error: unknown) => {
      if (error instanceof ModelUnavailableError) return undefined;
      throw error;
    });
    listed.push({
      id: record.id,
      title: summary?.title ?? record.title,
      workspaceId: home.id,
      workspaceName: home.name,
      workspaceKind: home.kind,
      updatedAt: summary?.updatedAt ?? record.updatedAt,
      role,
      counts: summary?.progress.counts ?? NO_COUNTS,
      stale: summary?.progress.stale ?? 0,
    });
  }
  return listed;
}
