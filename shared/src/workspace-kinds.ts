/** The levels of the workspace tree, top first; each kind's parent is the kind before it. */
export const WORKSPACE_KINDS = ["district", "school", "team"] as const;
export type WorkspaceKind = (typeof WORKSPACE_KINDS)[number];

export const WORKSPACE_KIND_LABELS: Record<WorkspaceKind, string> = {
  district: "District",
  school: "School",
  team: "Team",
};
