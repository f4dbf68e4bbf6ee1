import type { GoalStatusName } from "./progress.ts";

/**
 * A goal's status and a measured value in words, as the views and the written plan say them;
 * the thresholds themselves are in progress.ts.
 */

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

/** A value with its unit, as a person reads it ("62%", "74 students", "3.2 score"). */
export function formatValue(value: number | undefined, unit: string | undefined): string {
  if (value === undefined) return "—";
  const text = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  if (unit === "percent") return `${text}%`;
  if (unit === "students") return `${text} ${value === 1 ? "student" : "students"}`;
  if (!unit || unit === "count" || unit === "score") return text;
  return `${text} ${unit}`;
}
