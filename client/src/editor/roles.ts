import { ROLE_LABELS, type Role } from "@logic-canvas/shared";

/**
 * How the page names and explains a role. The roles and what they allow are shared's
 * (`@logic-canvas/shared` roles.ts); these views are indexed by any string because the page
 * also shows roles it read from local storage and from peers' presence.
 */
export const ROLE_LABEL: Readonly<Partial<Record<string, string>>> = ROLE_LABELS;

const EXPLAINS: Record<Role, string> = {
  viewer: "You can look at this model and see who is here, but not change it.",
  commenter: "You can read this model and comment on it, but not change the graph.",
  editor: "You can change everything in this model.",
  owner: "You own this model: you can change it and manage its links.",
};

export const ROLE_EXPLAINS: Readonly<Partial<Record<string, string>>> = EXPLAINS;
