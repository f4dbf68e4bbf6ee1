import { isGoalKind, KIND_LABELS, NODE_KINDS, type NodeKind } from "./kinds.ts";
import { goalStatus } from "./progress.ts";
import type { LogicNode } from "./schema.ts";

/**
 * Filtering the canvas: show only the goals that need attention (off track, at risk, stale)
 * and/or only some lanes. Defined here so that the canvas, its "Filters on: …" line and the
 * lane headers say the same thing.
 */

export const STATUS_FILTERS = ["off-track", "at-risk", "stale"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = {
  "off-track": "Off track",
  "at-risk": "At risk",
  stale: "Stale",
};

/** An empty list means "any": no status filter, or every lane. */
export interface CardFilter {
  statuses: readonly StatusFilter[];
  lanes: readonly NodeKind[];
}

export const NO_FILTER: CardFilter = { statuses: [], lanes: [] };

export function isFiltering(filter: CardFilter): boolean {
  return filter.statuses.length > 0 || filter.lanes.length > 0;
}

/**
 * Whether a card shows under the filter. A status filter keeps goals whose status is one of those
 * chosen ("stale" is the stale flag, which a goal carries along with its status); cards that are
 * not goals have no status and are left out. Several statuses widen the filter; lanes narrow it.
 */
export function passesFilter(node: LogicNode, filter: CardFilter, today: string): boolean {
  if (filter.lanes.length > 0 && !filter.lanes.includes(node.kind)) return false;
  if (filter.statuses.length === 0) return true;
  if (!isGoalKind(node.kind)) return false;
  const judged = goalStatus(node, { today });
  return filter.statuses.some((wanted) =>
    wanted === "stale" ? judged.stale : judged.status === wanted,
  );
}

/** The ids of the cards the filter shows, or null when nothing is filtered (all show). */
export function filteredCardIds(
  nodes: readonly LogicNode[],
  filter: CardFilter,
  today: string,
): Set<string> | null {
  if (!isFiltering(filter)) return null;
  const shown = new Set<string>();
  for (const node of nodes) if (passesFilter(node, filter, today)) shown.add(node.id);
  return shown;
}

/** What the filter keeps, in words: "Off track, Stale · Inputs, Long-term performance goals". */
export function describeFilter(filter: CardFilter): string {
  const statuses = STATUS_FILTERS.filter((s) => filter.statuses.includes(s)).map(
    (s) => STATUS_FILTER_LABELS[s],
  );
  const lanes = NODE_KINDS.filter((k) => filter.lanes.includes(k)).map((k) => KIND_LABELS[k].label);
  return [statuses.join(", "), lanes.join(", ")].filter(Boolean).join(" · ");
}
