import { formatDay } from "../dates.ts";
import { goalStatus, STALE_AFTER_DAYS } from "../progress.ts";
import type { LogicNode, SmartGoal } from "../schema.ts";
import { formatValue, STATUS_LABEL } from "../status-words.ts";
import { subgroupStatuses, widenedSubgroupGaps } from "../subgroups.ts";

/**
 * A goal in sentences for the written plan ("In September 2026, … stood at 82% (74 of 90
 * students). By May 2027 the target is at least 90% (90 of 100 students). Latest: 85% (85 of 100
 * students) on 15 Jan 2027, on track."): where we started, where we are headed, where we are.
 */

const MONTH_YEAR = new Intl.DateTimeFormat("en-GB", {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

function monthYear(isoDate: string): string {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isFinite(ms) ? MONTH_YEAR.format(ms) : isoDate;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A value with its unit and, where a cohort is known, in students as well. */
export function valueWords(smart: SmartGoal, value: number): string {
  const cohort = smart.cohortSize;
  if (smart.unit === "percent" && cohort !== undefined) {
    return `${formatValue(value, "percent")} (${Math.round((value * cohort) / 100)} of ${cohort} students)`;
  }
  if (smart.unit === "students" && cohort !== undefined) {
    return `${value} of ${cohort} students (${round1((value / cohort) * 100)}%)`;
  }
  return formatValue(value, smart.unit);
}

function startSentence(smart: SmartGoal): string | null {
  const baseline = smart.baseline;
  if (!baseline) return null;
  const what = smart.indicator.trim() ? `“${smart.indicator.trim()}”` : "the indicator";
  const when = baseline.date ? `In ${monthYear(baseline.date)}, ` : "At the start, ";
  return `${when}${what} stood at ${valueWords(smart, baseline.value)}.`;
}

function targetSentence(smart: SmartGoal): string | null {
  const target = smart.target;
  if (!target) return null;
  const down = smart.baseline !== undefined && target.value < smart.baseline.value;
  const bound = down ? "at most" : "at least";
  const when = target.date ? `By ${monthYear(target.date)}` : "With no date set yet,";
  return `${when} the target is ${bound} ${valueWords(smart, target.value)}.`;
}

/**
 * One sentence on the goal's subgroups (issue 18), each with its latest value and status, then
 * one per subgroup whose gap to the whole group widened. None when the goal tracks no subgroups.
 */
function subgroupSentences(node: LogicNode, smart: SmartGoal, today: string): string[] {
  const statuses = subgroupStatuses(node, { today });
  if (statuses.length === 0) return [];
  const parts = statuses.map(({ subgroup, latest, statusToday }) =>
    latest
      ? `${subgroup.name} ${formatValue(latest.value, smart.unit)} on ${formatDay(latest.date)}, ${STATUS_LABEL[statusToday].toLowerCase()}`
      : `${subgroup.name} not measured yet`,
  );
  const gaps = widenedSubgroupGaps(node, { today }).flatMap((gap) => gap.sentence ?? []);
  return [`Subgroups: ${parts.join("; ")}.`, ...gaps];
}

/** The goal's sentences, in order: start, target, latest with status, and a stale warning. */
export function goalSentences(node: LogicNode, today: string): string[] {
  const smart = node.smart;
  if (!smart) return ["No SMART target is set for this goal yet."];
  const sentences = [startSentence(smart), targetSentence(smart)].filter(
    (s): s is string => s !== null,
  );
  const status = goalStatus(node, { today });
  const latest = status.latest;
  if (latest) {
    const standing = STATUS_LABEL[status.statusToday].toLowerCase();
    sentences.push(
      `Latest: ${valueWords(smart, latest.value)} on ${formatDay(latest.date)}, ${standing}.`,
    );
  } else {
    sentences.push("No measurement has been recorded yet.");
  }
  sentences.push(...subgroupSentences(node, smart, today));
  if (status.stale) {
    sentences.push(
      `No measurement for more than ${STALE_AFTER_DAYS} days: monitoring has stalled on this mid-journey goal.`,
    );
  }
  return sentences;
}
