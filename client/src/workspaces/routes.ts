/** The workspace pages' URLs: `/workspaces[/<id>[/members|/gallery]]` and `/invite#token=…`. */
export type WorkspaceRoute =
  | { page: "home"; workspaceId: string | null }
  | { page: "members"; workspaceId: string }
  | { page: "gallery"; workspaceId: string }
  | { page: "invite"; token: string };

export function workspaceRoute(location: Location): WorkspaceRoute | null {
  if (location.pathname === "/invite") {
    const token = new URLSearchParams(location.hash.replace(/^#/, "")).get("token") ?? "";
    return { page: "invite", token };
  }
  const match = /^\/workspaces(?:\/([A-Za-z0-9]{16})(\/members|\/gallery)?)?\/?$/.exec(
    location.pathname,
  );
  if (!match) return null;
  const workspaceId = match[1] ?? null;
  if (match[2] === "/gallery" && workspaceId) return { page: "gallery", workspaceId };
  if (match[2] && workspaceId) return { page: "members", workspaceId };
  return { page: "home", workspaceId };
}

export const workspaceHref = (id: string) => `/workspaces/${id}`;
export const membersHref = (id: string) => `/workspaces/${id}/members`;
export const galleryHref = (id: string) => `/workspaces/${id}/gallery`;
