/** The workspace pages' URLs: `/workspaces[/<id>[/members|/alignment|/progress]]` and `/invite#token=…`. */
export type WorkspaceRoute =
  | { page: "home"; workspaceId: string | null }
  | { page: "members"; workspaceId: string }
  | { page: "alignment" | "progress"; workspaceId: string }
  | { page: "invite"; token: string };

export function workspaceRoute(location: Location): WorkspaceRoute | null {
  if (location.pathname === "/invite") {
    const token = new URLSearchParams(location.hash.replace(/^#/, "")).get("token") ?? "";
    return { page: "invite", token };
  }
  const cascade = /^\/workspaces\/([A-Za-z0-9]{16})\/(alignment|progress)\/?$/.exec(
    location.pathname,
  );
  if (cascade?.[1])
    return { page: cascade[2] as "alignment" | "progress", workspaceId: cascade[1] };
  const match = /^\/workspaces(?:\/([A-Za-z0-9]{16})(\/members)?)?\/?$/.exec(location.pathname);
  if (!match) return null;
  const workspaceId = match[1] ?? null;
  if (match[2] && workspaceId) return { page: "members", workspaceId };
  return { page: "home", workspaceId };
}

export const workspaceHref = (id: string) => `/workspaces/${id}`;
export const membersHref = (id: string) => `/workspaces/${id}/members`;
export const alignmentHref = (id: string) => `/workspaces/${id}/alignment`;
export const progressHref = (id: string) => `/workspaces/${id}/progress`;
