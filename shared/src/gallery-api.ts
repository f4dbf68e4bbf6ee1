import { z } from "zod";
import type { GallerySummary } from "./gallery.ts";
import type { Role } from "./roles.ts";
import type { WorkspaceKind } from "./workspaces.ts";

/**
 * The gallery walk's routes and shapes: a workspace's gallery (the models its child workspaces
 * posted, each as a one-page summary), and posting or taking down one model.
 */
export const GALLERY_PATHS = {
  /** GET: the gallery of a workspace, for anyone the tree shows it to. */
  gallery: "/api/workspaces/:wid/gallery",
  /** POST: post the model to its workspace's parent's gallery; DELETE: take it down (owner). */
  post: "/api/models/:id/gallery",
} as const;

export const galleryPath = (workspaceId: string) =>
  GALLERY_PATHS.gallery.replace(":wid", encodeURIComponent(workspaceId));
export const galleryPostPath = (modelId: string) =>
  GALLERY_PATHS.post.replace(":id", encodeURIComponent(modelId));

/** Posting takes no settings: the gallery is the one above the model's workspace. */
export const galleryPostBodySchema = z.strictObject({});

/** One posted model as a gallery shows it to the caller. */
export interface GalleryPost {
  modelId: string;
  /** The team (or school) that posted it. */
  workspaceId: string;
  workspaceName: string;
  postedAt: string;
  postedByName: string;
  /** The caller's role on it: commenter for a sibling team, more for its own. */
  role: Role;
  /** Whether the caller may take it down (the model's owner). */
  canTakeDown: boolean;
  /** Null when the model cannot be read just now (its document is being recovered). */
  summary: GallerySummary | null;
}

/** A model the caller owns in a workspace right under this one, not posted yet. */
export interface PostableModel {
  id: string;
  title: string;
  workspaceId: string;
  workspaceName: string;
}

export interface GalleryAnswer {
  workspace: { id: string; name: string; kind: WorkspaceKind };
  posts: GalleryPost[];
  postable: PostableModel[];
}

export interface GalleryPostAnswer {
  modelId: string;
  galleryId: string;
  postedAt: string;
  /** The gallery's workspace by name, for the words the editor shows after posting. */
  galleryName?: string;
}
