/**
 * The workspace pages' URLs: `/workspaces[/<id>[/members|/radar|/gallery|/alignment|/progress]]`,
 * `/my-actions` and `/invite#token=…`.
 */
export type WorkspaceRoute =
  | { page: "home"; workspaceId: string | null }
  | { page: "members"; workspaceId: string }
  | { page: "radar"; workspaceId: string }
  | { page: "gallery"; workspaceId: string }
  | { page: "alignment"; workspaceId: string }
  | { page: "progress"; workspaceId: string }
  | { page: "my-actions" }
  | { page: "invite"; token: string };

export function workspaceRoute(location: Location): WorkspaceRoute | null {
  if (location.pathname === "/invite") {
    const token = new URLSearchParams(location.hash.replace(/^#/, "")).get("token") ?? "";
    return { page: "invite", token };
  }
  if (/^\/my-actions\/?$/.test(location.pathname)) return { page: "my-actions" };
  const cascade = /^\/workspaces\/([A-Za-z0-9]{16})\/(alignment|progress)\/?$/.exec(
    location.pathname,
  );
  if (cascade?.[1])
    return { page: cascade[2] as "alignment" | "progress", workspaceId: cascade[1] };
  const match = /^\/workspaces(?:\/([A-Za-z0-9]{16})(\/members|\/radar|\/gallery)?)?\/?$/.exec(
    location.pathname,
  );
  if (!match) return null;
  const workspaceId = match[1] ?? null;
  if (match[2] === "/members" && workspaceId) return { page: "members", workspaceId };
  if (match[2] === "/radar" && workspaceId) return { page: "radar", workspaceId };
  if (match[2] === "/gallery" && workspaceId) return { page: "gallery", workspaceId };
  return { page: "home", workspaceId };
}

export const workspaceHref = (id: string) => `/workspaces/${id}`;
export const membersHref = (id: string) => `/workspaces/${id}/members`;
export const radarHref = (id: string) => `/workspaces/${id}/radar`;
export const MY_ACTIONS_HREF = "/my-actions";
export const galleryHref = (id: string) => `/workspaces/${id}/gallery`;
export const alignmentHref = (id: string) => `/workspaces/${id}/alignment`;
export const progressHref = (id: string) => `/workspaces/${id}/progress`;
