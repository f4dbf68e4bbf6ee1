import {
  GALLERY_PATHS,
  type GalleryAnswer,
  type GalleryPost,
  type GalleryPostAnswer,
  galleryOf,
  galleryPostBodySchema,
  gallerySummary,
  type PostableModel,
  todayIso,
  WORKSPACE_KIND_LABELS,
} from "@logic-canvas/shared";
import { ModelUnavailableError } from "../models/models.ts";
import type { GalleryPostRecord } from "../storage/gallery-types.ts";
import type { ApiDeps, RouteKit } from "./api.ts";
import { ApiError, notFound } from "./respond.ts";
import { modelIdOf } from "./routes.ts";
import { type WorkspaceCall, workspaceCall } from "./workspace-kit.ts";

/**
 * The gallery walk (shared/src/gallery.ts): a workspace's gallery, and its owner posting a
 * model to the gallery above its workspace or taking it down. Posting gives sibling
 * workspaces' members the commenter role, which every route and socket reads through
 * `workspaceRoleOnModel`; taking down re-checks open connections on every process, so a
 * sibling's open model closes with `access-changed`.
 */
export function galleryRoutes(kit: RouteKit): void {
  const { app, deps, requireRole, accessOf } = kit;
  const owner = { onRequest: requireRole("owner") };

  app.get(GALLERY_PATHS.gallery, async (request): Promise<GalleryAnswer> => {
    const call = await workspaceCall(deps, request, "see");
    const { id, name, kind } = call.workspace;
    return {
      workspace: { id, name, kind },
      posts: await postsOf(deps, call),
      postable: await postableIn(deps, call),
    };
  });

  app.post(
    GALLERY_PATHS.post,
    { ...owner, schema: { body: galleryPostBodySchema } },
    async (request, reply): Promise<GalleryPostAnswer> => {
      const id = modelIdOf(request.params);
      const { account } = accessOf(request);
      if (!account)
        throw new ApiError(
          401,
          "sign-in-required",
          "Galleries belong to workspaces: sign in to post this model.",
        );
      const galleryId = await galleryAbove(deps, id);
      const galleryName = (await deps.store.workspaces.getWorkspace(galleryId))?.name;
      const existing = await deps.store.gallery.postOf(id);
      if (existing?.workspaceId === galleryId) {
        return { modelId: id, galleryId, galleryName, postedAt: existing.postedAt };
      }
      const post: GalleryPostRecord = {
        modelId: id,
        workspaceId: galleryId,
        postedBy: account.id,
        postedByName: account.name,
        postedAt: new Date().toISOString(),
      };
      await deps.store.gallery.post(post);
      reply.code(201);
      return { modelId: id, galleryId, galleryName, postedAt: post.postedAt };
    },
  );

  app.delete(GALLERY_PATHS.post, owner, async (request) => {
    const id = modelIdOf(request.params);
    if (!(await deps.store.gallery.takeDown(id)))
      throw notFound("This model is not posted to a gallery.");
    // Sibling members lose their role: their open connections close, on every process.
    deps.accessChanged(null);
    return { modelId: id, posted: false };
  });
}

/** The gallery a model may be posted to: the parent of its workspace, or why there is none. */
async function galleryAbove(deps: ApiDeps, modelId: string): Promise<string> {
  const model = await deps.store.getModel(modelId);
  if (!model) throw notFound();
  const tree = new Map((await deps.store.workspaces.listWorkspaces()).map((w) => [w.id, w]));
  const home = model.workspaceId ? tree.get(model.workspaceId) : undefined;
  if (!home)
    throw new ApiError(
      409,
      "no-gallery",
      "This model belongs to no workspace, so there is no gallery to post it to.",
    );
  const galleryId = galleryOf(tree, home.id);
  if (galleryId === null)
    throw new ApiError(
      409,
      "no-gallery",
      `“${home.name}” is a ${WORKSPACE_KIND_LABELS[home.kind].toLowerCase()} at the top of its tree: it has no gallery above it.`,
    );
  return galleryId;
}

/** The posts of the gallery the caller may open, each with its one-page summary. */
async function postsOf(deps: ApiDeps, { viewer, workspace }: WorkspaceCall) {
  const today = todayIso();
  const posts: GalleryPost[] = [];
  for (const post of await deps.store.gallery.postsIn(workspace.id)) {
    const model = await deps.store.getModel(post.modelId);
    const home = model?.workspaceId ? viewer.tree.get(model.workspaceId) : undefined;
    // A post left behind by a move shows nowhere (and gives no role).
    if (!model || !home || home.parentId !== workspace.id) continue;
    const role = viewer.postedModelRole(home.id, workspace.id);
    if (!role) continue;
    const graph = await deps.models.readGraph(model.id).catch((error: unknown) => {
      if (error instanceof ModelUnavailableError) return undefined;
      throw error;
    });
    posts.push({
      modelId: model.id,
      workspaceId: home.id,
      workspaceName: home.name,
      postedAt: post.postedAt,
      postedByName: post.postedByName,
      role,
      canTakeDown: role === "owner",
      summary: graph ? gallerySummary(graph.model, { today }) : null,
    });
  }
  return posts;
}

/** Models the caller owns in the workspaces right under this one that are not posted here. */
async function postableIn(deps: ApiDeps, { viewer, workspace }: WorkspaceCall) {
  const children = [...viewer.tree.values()].filter(
    (w) => w.parentId === workspace.id && !w.archived && viewer.modelRole(w.id) === "owner",
  );
  const posted = new Set((await deps.store.gallery.postsIn(workspace.id)).map((p) => p.modelId));
  const models = await deps.store.workspaces.listModelsIn(children.map((w) => w.id));
  return models
    .filter((m) => !posted.has(m.id))
    .map(
      (m): PostableModel => ({
        id: m.id,
        title: m.title,
        workspaceId: m.workspaceId ?? "",
        workspaceName: viewer.tree.get(m.workspaceId ?? "")?.name ?? "",
      }),
    );
}
