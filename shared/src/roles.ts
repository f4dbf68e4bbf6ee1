/**
 * Roles of a share link, weakest first: the one definition every package uses. The server
 * enforces them; the UI only mirrors them.
 */
export const ROLES = ["viewer", "commenter", "editor", "owner"] as const;
export type Role = (typeof ROLES)[number];

function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/**
 * Whether `role` grants at least what `minimum` does. It takes any string because a client holds
 * roles read from the wire, local storage and peers' presence; anything that is not a role grants
 * nothing.
 */
export function roleAtLeast(role: string, minimum: Role): boolean {
  return isRole(role) && ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** Who may change the graph document (nodes, links, goals, measurements). */
export function canEditGraph(role: string): boolean {
  return roleAtLeast(role, "editor");
}

/** Who may write the review document (comments, votes). */
export function canWriteReview(role: string): boolean {
  return roleAtLeast(role, "commenter");
}

/**
 * The least role for each action on the model as a whole. Duplicating needs an editor: an editor
 * could already copy the content by export and import, and a viewer's or commenter's link is often
 * handed to many people, who should not be able to turn it into models of their own by the dozen.
 * Deleting is the owner's alone. The HTTP routes and the editor's Model menu both read this.
 */
export const MODEL_ACTION_ROLE = {
  duplicate: "editor",
  delete: "owner",
} as const satisfies Record<string, Role>;

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  commenter: "Commenter",
  editor: "Editor",
  owner: "Owner",
};
