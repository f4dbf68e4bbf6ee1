import {
  type GalleryAnswer,
  type GalleryPostAnswer,
  galleryPath,
  galleryPostPath,
} from "@logic-canvas/shared";
import { requestJson } from "../app/json-api.ts";

/** The gallery walk's routes as the gallery page calls them (paths from shared). */

export function loadGallery(workspaceId: string): Promise<GalleryAnswer> {
  return requestJson(galleryPath(workspaceId));
}

/** Posts a model (its owner: the session, or from the editor the owner link's token too). */
export function postToGallery(modelId: string, token?: string): Promise<GalleryPostAnswer> {
  return requestJson(galleryPostPath(modelId), {
    method: "POST",
    body: {},
    headers: token ? { authorization: `Bearer ${token}` } : undefined,
  });
}

export async function takeDownPost(modelId: string): Promise<void> {
  await requestJson(galleryPostPath(modelId), { method: "DELETE" });
}
