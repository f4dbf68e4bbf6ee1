import type { NewLink, ShareLink } from "@logic-canvas/shared";
import { requestJson } from "../app/json-api.ts";

/** The server's share-link API (server/src/http/routes-links.ts), with the page's own link. */
export interface LinkAccess {
  modelId: string;
  /** The token of the link this page was opened with. */
  token: string;
}

const path = (a: LinkAccess, rest = "") =>
  `/api/models/${encodeURIComponent(a.modelId)}/links${rest}`;
const headers = (a: LinkAccess) => ({ authorization: `Bearer ${a.token}` });

export function listLinks(a: LinkAccess): Promise<{ links: ShareLink[]; canManage: boolean }> {
  return requestJson(path(a), { headers: headers(a) });
}

export function createLink(a: LinkAccess, link: NewLink): Promise<ShareLink> {
  return requestJson(path(a), { method: "POST", headers: headers(a), body: link });
}

export function revokeLink(a: LinkAccess, linkId: string): Promise<ShareLink> {
  return requestJson(path(a, `/${encodeURIComponent(linkId)}`), {
    method: "DELETE",
    headers: headers(a),
  });
}

/** Whether `url` is the link this page was opened with. */
export function isOwnLink(url: string | null, a: LinkAccess): boolean {
  return url?.endsWith(`#token=${a.token}`) ?? false;
}
