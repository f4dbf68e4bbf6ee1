import { matchesWords, searchWords } from "./alignment.ts";
import { needsAttention } from "./cascade-attention.ts";
import type { ProgressFilter, ProgressRow, ProgressSort } from "./cascade-progress-api.ts";
import type { GoalStatusName } from "./progress.ts";

/**
 * The workspace progress rows filtered and in order, on the server for the page and the CSV.
 * Stale mid-journey goals come first by default: mid-journey is where monitoring stalls (seed
 * 003). Pure, so the orders are tested without a server.
 */

const WORST: Record<GoalStatusName, number> = {
  "off-track": 0,
  "at-risk": 1,
  "not-measured": 2,
  "on-track": 3,
  achieved: 4,
};
// One collator for every comparison: `localeCompare` per call costs several times more.
const collator = new Intl.Collator();
const text = (a: string, b: string) => collator.compare(a, b);
/** Missing dates sort last when looking for the soonest, first when looking for the oldest. */
const date = (a: string | null, b: string | null, missing: number) =>
  a === b ? 0 : a === null ? missing : b === null ? -missing : a < b ? -1 : 1;
const staleMid = (r: ProgressRow) => Number(r.stale && r.kind === "midJourney");

type Compare = (a: ProgressRow, b: ProgressRow) => number;

/**
 * The orders, each ending in the rows' own order (`place`: level, school, workspace, model,
 * lane), read from their index rather than compared as text: a district's 10,000 rows take
 * ~140,000 comparisons per sort, most of them ties.
 */
function comparators(place: Compare): Record<ProgressSort, Compare> {
  return {
    attention: (a, b) =>
      staleMid(b) - staleMid(a) ||
      WORST[a.status] - WORST[b.status] ||
      Number(b.stale) - Number(a.stale) ||
      place(a, b),
    place,
    status: (a, b) => WORST[a.status] - WORST[b.status] || place(a, b),
    measured: (a, b) => date(a.lastMeasured, b.lastMeasured, -1) || place(a, b),
    checkIn: (a, b) => date(a.nextCheckIn, b.nextCheckIn, 1) || place(a, b),
    title: (a, b) => text(a.title, b.title) || place(a, b),
  };
}

/** The map's definition (cascade-attention.ts), read from a row. */
export function progressNeedsAttention(r: ProgressRow): boolean {
  return needsAttention({
    status: r.status,
    statusToday: r.statusToday,
    stale: r.stale,
    broken: r.brokenUp,
    warnings: r.warnings?.map((w) => w.code) ?? [],
  });
}

/**
 * The rows that pass the filters, in the filter's order. `rows` must be in their own order
 * (level, school, workspace, model, lane), which every order ends in. `places` is the set of
 * workspace ids the `place` filter stands for (the place and the workspaces under it).
 */
export function progressRowsFor(
  rows: readonly ProgressRow[],
  filter: ProgressFilter,
  places: ReadonlySet<string> | null,
): ProgressRow[] {
  const words = searchWords(filter.q ?? "");
  const kept = rows.filter(
    (r) =>
      (!filter.status || r.status === filter.status) &&
      (!filter.kind || r.kind === filter.kind) &&
      (!places || places.has(r.workspaceId)) &&
      (!filter.attention || progressNeedsAttention(r)) &&
      matchesWords(words, r.title, r.modelTitle, r.workspaceName),
  );
  const rank = new Map(rows.map((r, i) => [r, i]));
  const place: Compare = (a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
  return kept.sort(comparators(place)[filter.sort ?? "attention"]);
}
