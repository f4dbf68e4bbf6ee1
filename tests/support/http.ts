/** The JSON API as a test calls it: create a model, read its links, authorised requests. */

export type LinkRole = "owner" | "editor" | "commenter" | "viewer";

export interface CreatedModel {
  id: string;
  title: string;
  links: Record<LinkRole, string>;
  /** The token of each link (the part after `#token=`). */
  tokens: Record<LinkRole, string>;
}

/** The token a share link carries in its fragment (`…#token=…`); "" if none. */
export const tokenOf = (link: string): string =>
  new URLSearchParams(link.split("#")[1] ?? "").get("token") ?? "";

/** Creates a model through the HTTP API (no body, `{title}`, `{template}` or a model file). */
export async function createModel(url: string, body?: unknown): Promise<CreatedModel> {
  const response = await fetch(`${url}/api/models`, {
    method: "POST",
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`POST /api/models answered ${response.status}: ${await response.text()}`);
  const created = (await response.json()) as Omit<CreatedModel, "tokens">;
  const tokens = Object.fromEntries(
    Object.entries(created.links).map(([role, link]) => [role, tokenOf(link)]),
  ) as CreatedModel["tokens"];
  return { ...created, tokens };
}

/** A request to the server at `url`, with a bearer token and a JSON body type when given. */
export function api(url: string, path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
  if (init.body !== undefined && !headers.has("Content-Type"))
    headers.set("Content-Type", "application/json");
  return fetch(`${url}${path}`, { ...init, headers });
}

export async function modelInfo(
  baseUrl: string,
  id: string,
  token: string,
): Promise<{ title: string; role: string; nodeCount: number; edgeCount: number }> {
  const response = await api(baseUrl, `/api/models/${id}`, { token });
  return (await response.json()) as {
    title: string;
    role: string;
    nodeCount: number;
    edgeCount: number;
  };
}

export async function exportModel(
  baseUrl: string,
  id: string,
  token: string,
): Promise<{
  nodes: { id: string; title: string; kind: string; position?: { x: number; y: number } }[];
  edges: { id: string; source: string; target: string }[];
}> {
  const response = await api(baseUrl, `/api/models/${id}/export`, { token });
  return (await response.json()) as Awaited<ReturnType<typeof exportModel>>;
}
