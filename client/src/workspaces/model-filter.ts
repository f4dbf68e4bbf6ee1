import { foldForSearch, type WorkspaceModel } from "@logic-canvas/shared";

/** What the model list shows: search words, a sort, a place (school or team) and a status. */
export interface ModelFilter {
  text: string;
  sort: "edited" | "title";
  /** Only models of this workspace (a school or team below the selected one); "" for all. */
  place: string;
  status: StatusFilter;
}

export const STATUS_FILTERS = {
  any: "Any status",
  "off-track": "Has goals off track",
  "at-risk": "Has goals at risk",
  "not-measured": "Has goals not measured",
  stale: "Has stale goals",
  "on-track": "All measured goals on track",
} as const;
export type StatusFilter = keyof typeof STATUS_FILTERS;

export const NO_MODEL_FILTER: ModelFilter = { text: "", sort: "edited", place: "", status: "any" };

function passesStatus(m: WorkspaceModel, status: StatusFilter): boolean {
  const c = m.counts;
  switch (status) {
    case "any":
      return true;
    case "stale":
      return m.stale > 0;
    case "on-track":
      return c["off-track"] === 0 && c["at-risk"] === 0 && c["on-track"] + c.achieved > 0;
    default:
      return c[status] > 0;
  }
}

/** The models that pass, in the chosen order (last edited first, or by title). */
export function filterModels(models: WorkspaceModel[], filter: ModelFilter): WorkspaceModel[] {
  const words = foldForSearch(filter.text).split(/\s+/).filter(Boolean);
  const shown = models.filter(
    (m) =>
      (filter.place === "" || m.workspaceId === filter.place) &&
      passesStatus(m, filter.status) &&
      words.every((w) => foldForSearch(`${m.title} ${m.workspaceName}`).includes(w)),
  );
  return shown.sort((a, b) =>
    filter.sort === "title"
      ? a.title.localeCompare(b.title)
      : b.updatedAt.localeCompare(a.updatedAt),
  );
}
