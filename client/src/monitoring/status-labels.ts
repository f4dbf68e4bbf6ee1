import type { GoalStatusName, Measurement } from "@logic-canvas/shared";
import { formatDay } from "../ui/dates.ts";

/** Words and colours for a goal's status; the thresholds themselves live in the domain package. */
export const STATUS_LABEL: Record<GoalStatusName, string> = {
  achieved: "Achieved",
  "on-track": "On track",
  "at-risk": "At risk",
  "off-track": "Off track",
  "not-measured": "Not measured yet",
};

export const STATUS_EXPLAINS: Record<GoalStatusName, string> = {
  achieved: "The latest measurement meets the target.",
  "on-track": "The latest measurement is at or beyond the straight line from baseline to target.",
  "at-risk": "Behind the line from baseline to target, by at most a quarter of the way.",
  "off-track": "Behind the line from baseline to target by more than a quarter of the way.",
  "not-measured": "No measurement yet, or the goal has no target (and dates) to judge it against.",
};

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

/** A value with its unit, as a person reads it ("62%", "74 students", "3.2 score"). */
export function formatValue(value: number | undefined, unit: string | undefined): string {
  if (value === undefined) return "—";
  const text = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  if (unit === "percent") return `${text}%`;
  if (unit === "students") return `${text} ${value === 1 ? "student" : "students"}`;
  if (!unit || unit === "count" || unit === "score") return text;
  return `${text} ${unit}`;
}

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
