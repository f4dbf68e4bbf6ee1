import type { GoalStatusName, Measurement } from "@logic-canvas/shared";
import { formatValue, STATUS_LABEL } from "@logic-canvas/shared/light";
import { formatDay } from "../ui/dates.ts";

/**
 * Colours for a goal's status; its words (STATUS_LABEL, STATUS_EXPLAINS) and `formatValue` live in
 * the domain package, shared with the written plan, and are re-exported here for the views.
 */
export { formatValue, STATUS_EXPLAINS, STATUS_LABEL } from "@logic-canvas/shared/light";

/** Stroke colours for SVG; the CSS classes `status-<name>` use the same palette. */
export const STATUS_COLOR: Record<GoalStatusName, string> = {
  achieved: "#15803d",
  "on-track": "#16a34a",
  "at-risk": "#d97706",
  "off-track": "#dc2626",
  "not-measured": "#94a3b8",
};

export const UNIT_OPTIONS = [
  { value: "percent", label: "Percent of students" },
  { value: "students", label: "Number of students" },
  { value: "score", label: "Score" },
  { value: "count", label: "Count" },
] as const;

/**
 * What an old measurement means today, when the line has moved past it (goalStatus's
 * `behindToday`): "Off track as of today: last measured 6% on 15 Sep 2026, the line is at
 * 25.6% now". Null when the status at the last measurement still says it.
 */
export function statusTodayText(
  status: {
    behindToday: boolean;
    statusToday: GoalStatusName;
    latest?: Measurement;
    expectedNow?: number;
  },
  unit: string | undefined,
): string | null {
  const { latest, expectedNow } = status;
  if (!status.behindToday || !latest || expectedNow === undefined) return null;
  const line = formatValue(Math.round(expectedNow * 10) / 10, unit);
  return `${STATUS_LABEL[status.statusToday]} as of today: last measured ${formatValue(latest.value, unit)} on ${formatDay(latest.date)}, the line is at ${line} now`;
}
