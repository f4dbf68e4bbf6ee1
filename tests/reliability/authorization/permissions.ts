/**
 * The permission table both matrices are generated from: what each credential may do with each
 * WebSocket message on each document and endpoint, and with each HTTP route. It restates issue 3's
 * role table (viewer: read graph and review, HTTP read/export; commenter: + write review; editor:
 * + write graph, import, versions; owner: all, incl. links and delete).
 */

export const ROLES = ["viewer", "commenter", "editor", "owner"] as const;
export type Role = (typeof ROLES)[number];
export const REFUSED_CREDENTIALS = [
  "no-token",
  "bad-token",
  "revoked-link",
  "other-model",
] as const;
export type Credential = (typeof REFUSED_CREDENTIALS)[number] | Role;
export const CREDENTIALS: readonly Credential[] = [...REFUSED_CREDENTIALS, ...ROLES];

export const isRole = (c: Credential): c is Role => (ROLES as readonly string[]).includes(c);
export const roleAtLeast = (c: Credential, minimum: Role): boolean =>
  isRole(c) && ROLES.indexOf(c) >= ROLES.indexOf(minimum);

export type DocKind = "graph" | "review";
export const DOCS: readonly DocKind[] = ["graph", "review"];

/** Who may write which document (everyone with a role may read both). */
export const WRITER: Record<DocKind, Role> = { graph: "editor", review: "commenter" };

/** The reason code a refused handshake carries. */
export function handshakeRefusal(c: Credential): "unauthorized" | "link-revoked" | null {
  if (isRole(c)) return null;
  return c === "revoked-link" ? "link-revoked" : "unauthorized";
}

export const MESSAGES = [
  "auth",
  "sync-step-1",
  "sync-step-2-change",
  "update",
  "awareness-update",
  "awareness-query",
  "stateless-revision-reason",
  "close",
] as const;
export type Message = (typeof MESSAGES)[number];

/** The outcome a cell asserts; refusals and "ignored" are always checked for no stored change. */
export type WsOutcome =
  /** The handshake is refused with the credential's reason; the message has no effect. */
  | { kind: "handshake-refused"; reason: "unauthorized" | "link-revoked" }
  /** The write is applied: stored, broadcast to the third client, no close. */
  | { kind: "write-applied" }
  /** The write is refused: the document connection is closed with `read-only`. */
  | { kind: "write-refused" }
  /** Re-sending auth (with the owner's token) does not change what the connection may do. */
  | { kind: "reauth-keeps-scope"; writable: boolean }
  /** The sync reply holds the whole stored document. */
  | { kind: "state-sent" }
  /** The third client sees this presence, stamped with the sender's role and person. */
  | { kind: "presence-stamped" }
  /** Others' presence came with the connection; the query itself is answered with nothing. */
  | { kind: "presence-at-connect" }
  | { kind: "reason-saved" }
  | { kind: "reason-refused" }
  /** The document connection ends (Hocuspocus CLOSE message). */
  | { kind: "document-closed" }
  /** y-websocket has no such message: the socket is closed with `bad-message` (1003). */
  | { kind: "not-in-protocol" };

export function wsExpectation(
  endpoint: "collab" | "yjs",
  credential: Credential,
  doc: DocKind,
  message: Message,
): WsOutcome {
  const refusal = handshakeRefusal(credential);
  if (refusal) return { kind: "handshake-refused", reason: refusal };
  const writable = roleAtLeast(credential, WRITER[doc]);
  const yjsOnly = endpoint === "yjs";
  switch (message) {
    case "auth":
      return yjsOnly ? { kind: "not-in-protocol" } : { kind: "reauth-keeps-scope", writable };
    case "sync-step-1":
      return { kind: "state-sent" };
    case "sync-step-2-change":
    case "update":
      return writable ? { kind: "write-applied" } : { kind: "write-refused" };
    case "awareness-update":
      return { kind: "presence-stamped" };
    case "awareness-query":
      return { kind: "presence-at-connect" };
    case "stateless-revision-reason":
      if (yjsOnly) return { kind: "not-in-protocol" };
      // Only editors explain revisions, and only of the graph.
      return writable && doc === "graph" ? { kind: "reason-saved" } : { kind: "reason-refused" };
    case "close":
      return yjsOnly ? { kind: "not-in-protocol" } : { kind: "document-closed" };
  }
}

export type Method = "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
export const METHODS: readonly Method[] = ["GET", "POST", "PUT", "DELETE", "PATCH"];

export type RouteName =
  | "health"
  | "create-model"
  | "read-model"
  | "delete-model"
  | "duplicate-model"
  | "export"
  | "validation"
  | "replace-content"
  | "list-links"
  | "create-link"
  | "revoke-link"
  | "list-versions"
  | "save-version"
  | "read-version"
  | "version-diff"
  | "restore-version"
  | "activity";

/** Each route: its path (placeholders :id, :linkId, :vid), method, minimum role and success. */
export const ROUTES: {
  name: RouteName;
  method: Method;
  path: string;
  minimum: Role | "public";
  ok: number;
}[] = [
  { name: "health", method: "GET", path: "/api/health", minimum: "public", ok: 200 },
  { name: "create-model", method: "POST", path: "/api/models", minimum: "public", ok: 201 },
  { name: "read-model", method: "GET", path: "/api/models/:id", minimum: "viewer", ok: 200 },
  { name: "delete-model", method: "DELETE", path: "/api/models/:id", minimum: "owner", ok: 204 },
  {
    name: "duplicate-model",
    method: "POST",
    path: "/api/models/:id/duplicate",
    minimum: "editor",
    ok: 201,
  },
  { name: "export", method: "GET", path: "/api/models/:id/export", minimum: "viewer", ok: 200 },
  {
    name: "validation",
    method: "GET",
    path: "/api/models/:id/validation",
    minimum: "viewer",
    ok: 200,
  },
  {
    name: "replace-content",
    method: "PUT",
    path: "/api/models/:id/content",
    minimum: "editor",
    ok: 200,
  },
  { name: "list-links", method: "GET", path: "/api/models/:id/links", minimum: "editor", ok: 200 },
  { name: "create-link", method: "POST", path: "/api/models/:id/links", minimum: "owner", ok: 201 },
  {
    name: "revoke-link",
    method: "DELETE",
    path: "/api/models/:id/links/:linkId",
    minimum: "owner",
    ok: 200,
  },
  {
    name: "list-versions",
    method: "GET",
    path: "/api/models/:id/versions",
    minimum: "viewer",
    ok: 200,
  },
  {
    name: "save-version",
    method: "POST",
    path: "/api/models/:id/versions",
    minimum: "editor",
    ok: 201,
  },
  {
    name: "read-version",
    method: "GET",
    path: "/api/models/:id/versions/:vid",
    minimum: "viewer",
    ok: 200,
  },
  {
    name: "version-diff",
    method: "GET",
    path: "/api/models/:id/versions/:vid/diff",
    minimum: "viewer",
    ok: 200,
  },
  {
    name: "restore-version",
    method: "POST",
    path: "/api/models/:id/versions/:vid/restore",
    minimum: "editor",
    ok: 200,
  },
  {
    name: "activity",
    method: "GET",
    path: "/api/models/:id/activity",
    minimum: "viewer",
    ok: 200,
  },
];

export type HttpOutcome =
  | { status: number; code?: string; effect: "allowed"; route: RouteName }
  | { status: number; code: string; effect: "refused" };

/** The expected answer to `method path` with `credential`. */
export function httpExpectation(path: string, method: Method, credential: Credential): HttpOutcome {
  const route = ROUTES.find((r) => r.path === path && r.method === method);
  // A known path with another method is 405 whoever asks, and it touches nothing.
  if (!route) return { status: 405, code: "method-not-allowed", effect: "refused" };
  if (route.minimum === "public") return { status: route.ok, effect: "allowed", route: route.name };
  const refusal = handshakeRefusal(credential);
  if (refusal) return { status: 401, code: refusal, effect: "refused" };
  if (!roleAtLeast(credential, route.minimum))
    return { status: 403, code: "forbidden", effect: "refused" };
  return { status: route.ok, effect: "allowed", route: route.name };
}

export const PATHS: readonly string[] = [...new Set(ROUTES.map((r) => r.path))];
