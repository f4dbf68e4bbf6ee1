import type { GoalStatusName } from "@logic-canvas/shared";
import type { ProgressRow } from "./cascade-types.ts";

/**
 * The workspace progress table: one row per goal, sorted and filtered, and its CSV. Stale
 * mid-journey goals come first by default: mid-journey is where monitoring stalls (seed 003).
 */

export const PROGRESS_SORTS = {
  attention: "Stale and off track first",
  place: "By school and team",
  status: "By status, worst first",
  measured: "Least recently measured first",
  checkIn: "Next check-in first",
  title: "By goal",
} as const;
export type ProgressSort = keyof typeof PROGRESS_SORTS;

export interface ProgressFilter {
  text: string;
  status: GoalStatusName | "";
  place: string;
  kind: ProgressRow["kind"] | "";
  sort: ProgressSort;
}

export const NO_PROGRESS_FILTER: ProgressFilter = {
  text: "",
  status: "",
  place: "",
  kind: "",
  sort: "attention",
};

const WORST: Record<GoalStatusName, number> = {
  "off-track": 0,
  "at-risk": 1,
  "not-measured": 2,
  "on-track": 3,
  achieved: 4,
};

const place = (g: ProgressRow) => `${g.workspaceName}\u0000${g.modelTitle}`;
// One collator for every comparison: `localeCompare` per call costs several times more, and a
// district's 10,000 rows take ~140,000 comparisons per sort (bench: cascade-progress-page).
const collator = new Intl.Collator();
const text = (a: string, b: string) => collator.compare(a, b);
/** Missing dates sort last when looking for the soonest, first when looking for the oldest. */
const date = (a: string | null, b: string | null, missing: number) =>
  a === b ? 0 : a === null ? missing : b === null ? -missing : a < b ? -1 : 1;

const COMPARE: Record<ProgressSort, (a: ProgressRow, b: ProgressRow) => number> = {
  attention: (a, b) =>
    Number(b.stale && b.kind === "midJourney") - Number(a.stale && a.kind === "midJourney") ||
    WORST[a.status] - WORST[b.status] ||
    text(place(a), place(b)),
  place: (a, b) => text(place(a), place(b)) || text(a.title, b.title),
  status: (a, b) => WORST[a.status] - WORST[b.status] || text(place(a), place(b)),
  measured: (a, b) => date(a.lastMeasured, b.lastMeasured, -1) || text(place(a), place(b)),
  checkIn: (a, b) => date(a.nextCheckIn, b.nextCheckIn, 1) || text(place(a), place(b)),
  title: (a, b) => text(a.title, b.title) || text(place(a), place(b)),
};

/** The rows shown: filtered by text, status, lane and place (a set of workspace ids), sorted. */
export function progressRows(
  goals: readonly ProgressRow[],
  filter: ProgressFilter,
  places: ReadonlySet<string> | null,
): ProgressRow[] {
  const needle = filter.text.trim().toLowerCase();
  return goals
    .filter(
      (g) =>
        (!needle ||
          g.title.toLowerCase().includes(needle) ||
          g.modelTitle.toLowerCase().includes(needle) ||
          g.workspaceName.toLowerCase().includes(needle)) &&
        (!filter.status || g.status === filter.status) &&
        (!filter.kind || g.kind === filter.kind) &&
        (!places || places.has(g.workspaceId)),
    )
    .sort(COMPARE[filter.sort]);
}
