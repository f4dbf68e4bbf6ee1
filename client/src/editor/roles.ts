export type Role = "viewer" | "commenter" | "editor" | "owner";

export const ROLE_LABEL: Record<string, string> = {
  viewer: "Viewer",
  commenter: "Commenter",
  editor: "Editor",
  owner: "Owner",
};

export const ROLE_EXPLAINS: Record<string, string> = {
  viewer: "You can look at this model and see who is here, but not change it.",
  commenter: "You can read this model and comment on it, but not change the graph.",
  editor: "You can change everything in this model.",
  owner: "You own this model: you can change it and manage its links.",
};

export function canEditGraph(role: string): boolean {
  return role === "editor" || role === "owner";
}
