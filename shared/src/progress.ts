import { dayNumber, todayIso } from "./dates.ts";
import { type GoalKind, isGoalKind } from "./kinds.ts";
import type { LogicModel, LogicNode, Measurement } from "./schema.ts";

/**
 * Status of a goal against the straight line from its baseline to its target. Used by the
 * canvas (status colour), the dashboard and the `midjourney-stale` rule, so all agree.
 */

/** How long a mid-journey goal may go without a measurement before it is flagged (seed 003). */
export const STALE_AFTER_DAYS = 60;

/**
 * A goal below its line by at most this share of the whole baseline→target distance is "at
 * risk" rather than "off track". A quarter of the way is roughly one grading period of a
 * four-period year: a gap a team can still close with the plan it has, and larger than the
 * noise between two administrations of one assessment. Beyond it, the plan needs rethinking.
 */
export const AT_RISK_MAX_SHORTFALL = 0.25;

/**
 * A measurement speaks for the month after it: schools measure at most monthly (a grading
 * period is about nine weeks), so within this many days the status at the last measurement is
 * the status today. After it, the measurement is judged against where the line is today, so a
 * goal measured on the line in September does not read "on track" in June.
 */
export const MEASUREMENT_HOLDS_DAYS = 30;

/** Float tolerance so that a goal exactly on its line (e.g. 63.000000001) counts as on track. */
const EPSILON = 1e-9;

export const GOAL_STATUSES = [
  "achieved",
  "on-track",
  "at-risk",
  "off-track",
  "not-measured",
] as const;
export type GoalStatusName = (typeof GOAL_STATUSES)[number];

interface GoalStatus {
  status: GoalStatusName;
  /** Where the latest measurement sits between baseline (0) and target (1), clamped. */
  progress: number | null;
  latest?: Measurement;
  /** The line's value at the latest measurement's date: what "on track" is judged against. */
  expectedAtLatest?: number;
  /** The line's value today, for the dashboard. */
  expectedNow?: number;
  /**
   * The same latest measurement judged against the line as it stands today: what the status
   * means now that time has passed since it was taken. Equal to `status` when the measurement
   * is today's, when there is no line, or when the goal is achieved.
   */
  statusToday: GoalStatusName;
  /**
   * True when `statusToday` is worse than `status`: the line has moved past an old measurement,
   * so "on track at the last measurement" no longer says what a leader needs to hear.
   */
  behindToday: boolean;
  stale: boolean;
}

/** Worse is larger; "achieved" and "not measured" are never "behind". */
const SEVERITY: Record<GoalStatusName, number> = {
  achieved: 0,
  "on-track": 1,
  "at-risk": 2,
  "off-track": 3,
  "not-measured": 0,
};

/**
 * On track, at risk or off track: how far `value` falls short of the line's `expected` value,
 * as a share of the whole baseline→target distance, in the goal's direction. A zero distance
 * (baseline = target, not yet met) leaves no line to be on: off track.
 */
function judge(direction: number, expected: number, value: number, distance: number) {
  const shortfall = (direction * (expected - value)) / distance;
  if (shortfall <= EPSILON) return "on-track";
  if (shortfall <= AT_RISK_MAX_SHORTFALL + EPSILON) return "at-risk";
  return "off-track";
}

/**
 * The whole group's measurements up to `today`, oldest first; later entries win ties so a
 * correction counts. A subgroup's (issue 18) are judged on their own, by `subgroups.ts`.
 */
function measurementsUpTo(node: LogicNode, today: string): Measurement[] {
  const cutoff = dayNumber(today);
  return (node.measurements ?? [])
    .filter((m) => m.subgroup === undefined)
    .map((m, index) => ({ m, index, day: dayNumber(m.date) }))
    .filter((entry) => entry.day <= cutoff)
    .sort((a, b) => a.day - b.day || a.index - b.index)
    .map((entry) => entry.m);
}

/**
 * A mid-journey goal is stale when more than STALE_AFTER_DAYS have passed since the later of its
 * baseline date and its latest measurement. So a goal gets a full 60 days after its baseline
 * before the first measurement is due, and no goal without a baseline date is ever stale.
 */
export function isMidJourneyStale(node: LogicNode, today: string): boolean {
  if (node.kind !== "midJourney") return false;
  const baselineDate = node.smart?.baseline?.date;
  if (!baselineDate) return false;
  const now = dayNumber(today);
  let lastSignal = dayNumber(baselineDate);
  if (lastSignal >= now) return false;
  for (const m of node.measurements ?? []) {
    const day = dayNumber(m.date);
    if (day <= now && day > lastSignal) lastSignal = day;
  }
  return now - lastSignal > STALE_AFTER_DAYS;
}

function lineAt(
  baseline: { value: number; date: string },
  target: { value: number; date: string },
  date: string,
): number {
  const span = dayNumber(target.date) - dayNumber(baseline.date);
  if (span <= 0) return target.value;
  const t = Math.min(1, Math.max(0, (dayNumber(date) - dayNumber(baseline.date)) / span));
  return baseline.value + t * (target.value - baseline.value);
}

/**
 * Judges a goal. A target below its baseline (fewer absences) is handled by measuring in the
 * goal's own direction. Without a baseline there is no line, and without both dates no "when",
 * so such goals are "not-measured" unless their latest value already meets the target.
 */
export function goalStatus(node: LogicNode, options: { today?: string } = {}): GoalStatus {
  const today = options.today ?? todayIso();
  const stale = isMidJourneyStale(node, today);
  const latest = measurementsUpTo(node, today).at(-1);
  const smart = node.smart;
  const target = smart?.target;
  const baseline = smart?.baseline;
  const result: GoalStatus = {
    status: "not-measured",
    statusToday: "not-measured",
    behindToday: false,
    progress: null,
    latest,
    stale,
  };
  if (!latest || !target) return result;
  const direction = baseline && target.value < baseline.value ? -1 : 1;
  const achieved = direction * (latest.value - target.value) >= -EPSILON;
  if (baseline && baseline.value !== target.value) {
    const raw = (latest.value - baseline.value) / (target.value - baseline.value);
    result.progress = Math.min(1, Math.max(0, raw));
  } else if (achieved) {
    result.progress = 1;
  }
  if (achieved) return { ...result, status: "achieved", statusToday: "achieved", progress: 1 };
  if (!baseline?.date || !target.date) return result;
  const line = { value: baseline.value, date: baseline.date };
  const end = { value: target.value, date: target.date };
  const distance = Math.abs(target.value - baseline.value);
  result.expectedAtLatest = lineAt(line, end, latest.date);
  result.expectedNow = lineAt(line, end, today);
  result.status = judge(direction, result.expectedAtLatest, latest.value, distance);
  const old = dayNumber(today) - dayNumber(latest.date) > MEASUREMENT_HOLDS_DAYS;
  result.statusToday = old
    ? judge(direction, result.expectedNow, latest.value, distance)
    : result.status;
  result.behindToday = SEVERITY[result.statusToday] > SEVERITY[result.status];
  return result;
}

export interface GoalProgress extends GoalStatus {
  nodeId: string;
  kind: GoalKind;
  title: string;
  /** True when check-ins are known and the goal has no measurement since the last one. */
  notMeasuredSinceLastCheckIn: boolean;
}

export interface ModelProgressSummary {
  goals: GoalProgress[];
  counts: Record<GoalStatusName, number>;
  staleNodeIds: string[];
  lastCheckIn?: string;
  nextCheckIn?: string;
}

/** Every goal's status, lane by lane, with the check-in dates ("signposts") if the team set any. */
export function modelProgressSummary(
  model: Pick<LogicModel, "nodes">,
  options: { today?: string; checkIns?: readonly string[] } = {},
): ModelProgressSummary {
  const today = options.today ?? todayIso();
  const now = dayNumber(today);
  const checkIns = [...(options.checkIns ?? [])].sort();
  const lastCheckIn = checkIns.filter((d) => dayNumber(d) <= now).at(-1);
  const nextCheckIn = checkIns.find((d) => dayNumber(d) > now);
  const counts = Object.fromEntries(GOAL_STATUSES.map((s) => [s, 0])) as Record<
    GoalStatusName,
    number
  >;
  const goals: GoalProgress[] = [];
  for (const node of model.nodes) {
    if (!isGoalKind(node.kind)) continue;
    const status = goalStatus(node, { today });
    counts[status.status] += 1;
    const notMeasuredSinceLastCheckIn =
      lastCheckIn !== undefined &&
      !(status.latest && dayNumber(status.latest.date) >= dayNumber(lastCheckIn));
    goals.push({
      ...status,
      nodeId: node.id,
      kind: node.kind,
      title: node.title,
      notMeasuredSinceLastCheckIn,
    });
  }
  const order = { smallWin: 0, midJourney: 1, longTerm: 2 } as const;
  goals.sort((a, b) => order[a.kind] - order[b.kind]);
  const staleNodeIds = goals.filter((g) => g.stale).map((g) => g.nodeId);
  const summary: ModelProgressSummary = { goals, counts, staleNodeIds };
  if (lastCheckIn) summary.lastCheckIn = lastCheckIn;
  if (nextCheckIn) summary.nextCheckIn = nextCheckIn;
  return summary;
}
