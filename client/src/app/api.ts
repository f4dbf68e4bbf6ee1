import { requestJson } from "./json-api.ts";

export interface CreatedModel {
  id: string;
  title: string;
  links: { owner: string; editor: string; commenter: string; viewer: string };
}

export interface ModelInfo {
  id: string;
  title: string;
  role: "viewer" | "commenter" | "editor" | "owner";
  updatedAt: string;
  nodeCount: number;
  edgeCount: number;
}

export function createModel(body?: unknown): Promise<CreatedModel> {
  return requestJson("/api/models", { method: "POST", body });
}

export function getModel(id: string, token: string): Promise<ModelInfo> {
  return requestJson(`/api/models/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

/**
 * A copy of the model with its content and no review history; the caller owns the copy. Its
 * goals' alignments are left out (the copy is in no workspace): `notice` says so in words.
 */
export function duplicateModel(
  id: string,
  token: string,
): Promise<CreatedModel & { alignmentsDropped?: number; notice?: string }> {
  return requestJson(`/api/models/${encodeURIComponent(id)}/duplicate`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Deletes the model for everyone (owner links only; the server checks). */
export async function deleteModel(id: string, token: string): Promise<void> {
  await requestJson(`/api/models/${encodeURIComponent(id)}`, {
    method: "DELETE",
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Opens a model through one of its share links, on this page's origin. */
export function openLink(link: string): void {
  const url = new URL(link, window.location.href);
  // Same origin as this page whatever host the server put in its links (proxies, dev server).
  window.location.assign(`${url.pathname}${url.hash}`);
}
