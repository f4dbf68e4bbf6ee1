/** Workspaces as a test drives them over HTTP, signed in with a session cookie. */
import type { WorkspaceKind, WorkspaceRole } from "@logic-canvas/shared";
import { type CreatedModel, tokenOf } from "./http.ts";

/** A JSON request as the app's pages send it: same origin, the session cookie, JSON body. */
export function call(
  url: string,
  path: string,
  init: { method?: string; cookie?: string; body?: unknown; token?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { Origin: url };
  if (init.cookie) headers.Cookie = init.cookie;
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  return fetch(`${url}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function json<T>(response: Response, what: string, status = 200): Promise<T> {
  if (response.status !== status)
    throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export interface ListedWorkspace {
  id: string;
  name: string;
  kind: WorkspaceKind;
  parentId: string | null;
  myRole: WorkspaceRole | null;
  canManage: boolean;
}

export async function myWorkspaces(url: string, cookie: string): Promise<ListedWorkspace[]> {
  const answer = await json<{ workspaces: ListedWorkspace[] }>(
    await call(url, "/api/workspaces", { cookie }),
    "GET /api/workspaces",
  );
  return answer.workspaces;
}

export async function createWorkspace(
  url: string,
  cookie: string,
  body: { name: string; kind: WorkspaceKind; parentId?: string | null },
): Promise<ListedWorkspace> {
  return json(
    await call(url, "/api/workspaces", { method: "POST", cookie, body }),
    "POST /api/workspaces",
    201,
  );
}

/** Invites by link; returns the invitation's token (from the link's fragment). */
export async function inviteByLink(
  url: string,
  adminCookie: string,
  workspaceId: string,
  role: WorkspaceRole,
): Promise<string> {
  const made = await json<{ url: string }>(
    await call(url, `/api/workspaces/${workspaceId}/invitations`, {
      method: "POST",
      cookie: adminCookie,
      body: { role },
    }),
    "POST …/invitations",
    201,
  );
  return tokenOf(made.url);
}

export async function acceptInvitation(url: string, cookie: string, token: string): Promise<void> {
  await json(
    await call(url, "/api/invitations/accept", { method: "POST", cookie, body: { token } }),
    "POST /api/invitations/accept",
  );
}

/** Makes the person of `cookie` a member of the workspace with `role`, by invitation. */
export async function join(
  url: string,
  adminCookie: string,
  workspaceId: string,
  role: WorkspaceRole,
  cookie: string,
): Promise<void> {
  await acceptInvitation(url, cookie, await inviteByLink(url, adminCookie, workspaceId, role));
}

/** Creates a model in a workspace; answers as `createModel` does (links and their tokens). */
export async function createModelIn(
  url: string,
  cookie: string,
  workspaceId: string,
  body: unknown = {},
): Promise<CreatedModel> {
  const created = await json<Omit<CreatedModel, "tokens">>(
    await call(url, `/api/workspaces/${workspaceId}/models`, { method: "POST", cookie, body }),
    "POST …/models",
    201,
  );
  const tokens = Object.fromEntries(
    Object.entries(created.links).map(([role, link]) => [role, tokenOf(link)]),
  ) as CreatedModel["tokens"];
  return { ...created, tokens };
}
