/** Roles of a share link, weakest first. The server enforces them; the UI only mirrors them. */
export const ROLES = ["viewer", "commenter", "editor", "owner"] as const;
export type Role = (typeof ROLES)[number];

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** Who may change the graph document (nodes, links, goals, measurements). */
export function canEditGraph(role: Role): boolean {
  return roleAtLeast(role, "editor");
}

/** Who may write the review document (comments, votes). */
export function canWriteReview(role: Role): boolean {
  return roleAtLeast(role, "commenter");
}

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  commenter: "Commenter",
  editor: "Editor",
  owner: "Owner",
};
