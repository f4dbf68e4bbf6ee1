import { dayNumber } from "./dates.ts";
import { goalStatus } from "./progress.ts";
import type { LogicNode, Measurement, Subgroup } from "./schema.ts";

/**
 * Subgroups of a goal (issue 18; seed 003: performance goals "show how subgroups progress"): each
 * subgroup's series, its status by the same rules as the whole group's (`progress.ts`), and the
 * flag a leader needs most, a gap to the whole group that keeps widening.
 */

/** The whole group's measurements: those that name no subgroup. */
export function wholeGroupMeasurements(measurements: readonly Measurement[] | undefined) {
  return (measurements ?? []).filter((m) => m.subgroup === undefined);
}

/** One subgroup's measurements, without the subgroup id (they read as a goal's own). */
export function subgroupMeasurements(
  measurements: readonly Measurement[] | undefined,
  subgroupId: string,
): Measurement[] {
  return (measurements ?? [])
    .filter((m) => m.subgroup === subgroupId)
    .map(({ subgroup: _subgroup, ...m }) => m);
}

/**
 * The subgroup as a goal of its own, for the status rules and charts: its baseline, and its
 * target or, when it has none, the whole group's (a school usually holds every group to one bar).
 */
export function subgroupAsGoal(node: LogicNode, subgroup: Subgroup): LogicNode {
  const smart = node.smart ?? { indicator: "", unit: "percent" };
  const target = subgroup.target ?? smart.target;
  const { baseline: _b, target: _t, cohortSize: _c, ...rest } = smart;
  return {
    ...node,
    smart: {
      ...rest,
      ...(subgroup.baseline ? { baseline: subgroup.baseline } : {}),
      ...(target ? { target } : {}),
    },
    measurements: subgroupMeasurements(node.measurements, subgroup.id),
    subgroups: undefined,
  };
}

/** The status of every subgroup of the goal, by the rules of `goalStatus`. */
export function subgroupStatuses(node: LogicNode, options: { today?: string } = {}) {
  return (node.subgroups ?? []).map((subgroup) => ({
    subgroup,
    ...goalStatus(subgroupAsGoal(node, subgroup), options),
  }));
}

/** Latest value per date (a later entry corrects an earlier one of the same day). */
function byDate(measurements: readonly Measurement[], today?: string): Map<string, number> {
  const cutoff = today ? dayNumber(today) : Number.POSITIVE_INFINITY;
  const values = new Map<string, number>();
  for (const m of measurements) if (dayNumber(m.date) <= cutoff) values.set(m.date, m.value);
  return values;
}

export interface SubgroupGap {
  subgroup: Subgroup;
  /** The dates measured for both, oldest first (the last three at most). */
  dates: string[];
  /** How far the subgroup trails the whole group on each date, in the goal's direction. */
  gaps: number[];
  widened: boolean;
  /** "English learners’ gap to the whole group widened from 4 to 9 points over …", when widened. */
  sentence?: string;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** "English learners’", "Grade 3 — class A’s". */
function possessive(name: string): string {
  return /s$/i.test(name.trim()) ? `${name.trim()}’` : `${name.trim()}’s`;
}

function unitWord(unit: string | undefined, amount: number): string {
  if (!unit || unit === "percent" || unit === "score") return amount === 1 ? "point" : "points";
  if (unit === "students") return amount === 1 ? "student" : "students";
  return unit;
}

/**
 * The gap between a subgroup and the whole group over their last three common measurement dates
 * (days on which both were measured; a gap needs both numbers of one day). It is flagged as
 * widening when the subgroup trails the whole group by more at each of the three, in the goal's
 * direction (a goal to lower absences trails when its value is higher). Null with fewer than
 * three common dates.
 */
export function subgroupGap(
  node: LogicNode,
  subgroup: Subgroup,
  options: { today?: string } = {},
): SubgroupGap | null {
  const whole = byDate(wholeGroupMeasurements(node.measurements), options.today);
  const own = byDate(subgroupMeasurements(node.measurements, subgroup.id), options.today);
  const dates = [...own.keys()]
    .filter((date) => whole.has(date))
    .sort((a, b) => dayNumber(a) - dayNumber(b))
    .slice(-3);
  if (dates.length < 3) return null;
  const smart = node.smart;
  const down = smart?.baseline && smart.target ? smart.target.value < smart.baseline.value : false;
  const direction = down ? -1 : 1;
  const gaps = dates.map((d) => round(direction * ((whole.get(d) ?? 0) - (own.get(d) ?? 0))));
  const [first, second, third] = gaps as [number, number, number];
  const widened = third > 0 && first < second && second < third;
  const result: SubgroupGap = { subgroup, dates, gaps, widened };
  if (widened) {
    const from = Math.max(0, first);
    result.sentence = `${possessive(subgroup.name)} gap to the whole group widened from ${from} to ${third} ${unitWord(smart?.unit, third)} over the last three measurements.`;
  }
  return result;
}

/** The goal's subgroups whose gap to the whole group widened, each with its sentence. */
export function widenedSubgroupGaps(
  node: LogicNode,
  options: { today?: string } = {},
): SubgroupGap[] {
  return (node.subgroups ?? [])
    .map((s) => subgroupGap(node, s, options))
    .filter((gap): gap is SubgroupGap => gap?.widened === true);
}
