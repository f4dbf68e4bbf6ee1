import { formatCount } from "./counts.ts";
import { dayNumber, todayIso } from "./dates.ts";
import type { LogicNode, Measurement, SmartGoal } from "./schema.ts";

/**
 * The goals cascade's arithmetic, pure: a parent goal (a school's) and the goals aligned to it a
 * level down (its grade teams'), counted in students, summed against the parent's target, and
 * the warnings a leader needs (seed 000: each team is judged against its own baseline, not only
 * against the parent's number). The server fills the inputs from many models; the pages show
 * the sentences.
 */

export const CASCADE_WARNING_CODES = [
  /** A child's target is at or below its own baseline while the parent's target rises. */
  "cascade-child-not-rising",
  /** A child's unit (or cohort) cannot be counted in the parent's students. */
  "cascade-units-incomparable",
  /** A goal with no aligned goal at the next level down, where that level exists. */
  "cascade-no-aligned-child",
  /** A long-term goal aligned to nothing while its workspace has a parent. */
  "cascade-unaligned",
  /** A child's target date is after its parent's. */
  "cascade-target-after-parent",
  /** An alignment to a goal that was deleted, or whose model was archived or moved. */
  "cascade-alignment-broken",
] as const;
export type CascadeWarningCode = (typeof CASCADE_WARNING_CODES)[number];

export interface CascadeWarning {
  code: CascadeWarningCode;
  message: string;
  /** The goal the warning is about: the child for child warnings, else the parent. */
  nodeId: string;
}

/** A goal as the cascade reads it: the card, and how to name it in sentences. */
export interface CascadeGoal {
  node: Pick<LogicNode, "id" | "title" | "smart" | "measurements">;
  /** "Grade 3 team" or the model's title: who owns the goal, in words. */
  owner: string;
}

const EPSILON = 1e-6;
const clean = (x: number) => Math.round(x * 1e6) / 1e6;

/** Whether a unit counts students: a percent of a cohort, or students outright. */
export function countsStudents(unit: string | undefined): unit is "percent" | "students" {
  return unit === "percent" || unit === "students";
}

/**
 * A value in students: a percent of the cohort (rounded up for a target that rises, down for
 * one that falls, to the nearest for a counted value), or students as they are. Null when it
 * cannot be counted (another unit, or a percent without a cohort).
 */
export function studentsFrom(
  value: number,
  unit: string | undefined,
  cohort: number | undefined,
  round: "nearest" | "up" | "down" = "nearest",
): number | null {
  if (unit === "students") return value;
  if (unit !== "percent" || cohort === undefined) return null;
  const raw = clean((value * cohort) / 100);
  return round === "up" ? Math.ceil(raw) : round === "down" ? Math.floor(raw) : Math.round(raw);
}

function latestOf(node: CascadeGoal["node"], today: string): Measurement | undefined {
  const cutoff = dayNumber(today);
  let best: { m: Measurement; day: number; index: number } | undefined;
  (node.measurements ?? []).forEach((m, index) => {
    const day = dayNumber(m.date);
    // The cascade adds up whole groups; a subgroup's measurement (issue 18) is part of one.
    if (day > cutoff || m.subgroup !== undefined) return;
    if (!best || day > best.day || (day === best.day && index > best.index))
      best = { m, day, index };
  });
  return best?.m;
}

/** A goal in students: baseline, target and latest measurement; null where not countable. */
export interface GoalInStudents {
  baseline: number | null;
  target: number | null;
  latest: number | null;
  latestMeasurement: Measurement | null;
  rises: boolean | null;
}

export function goalInStudents(node: CascadeGoal["node"], today = todayIso()): GoalInStudents {
  const smart: SmartGoal | undefined = node.smart;
  const base = smart?.baseline?.value;
  const target = smart?.target?.value;
  const rises = base !== undefined && target !== undefined ? target > base + EPSILON : null;
  const latest = latestOf(node, today);
  const at = (v: number | undefined, round: "nearest" | "up" | "down") =>
    v === undefined ? null : studentsFrom(v, smart?.unit, smart?.cohortSize, round);
  return {
    baseline: at(base, "nearest"),
    target: at(target, rises === false ? "down" : "up"),
    latest: at(latest?.value, "nearest"),
    latestMeasurement: latest ?? null,
    rises,
  };
}

export interface RollupChildResult {
  nodeId: string;
  inStudents: GoalInStudents;
  /** Why the child is not in the sum, in words; null when it is. */
  excluded: string | null;
}

export interface Rollup {
  parent: GoalInStudents;
  children: RollupChildResult[];
  sumBaseline: number | null;
  sumTarget: number | null;
  /** Children's latest measurements in students (a child not measured yet counts its baseline). */
  sumLatest: number | null;
  /** Where `sumLatest` sits from `sumBaseline` (0) to the parent's target (1), unclamped. */
  sumProgress: number | null;
  /** Parent's target minus `sumTarget`: positive is short, negative is more than needed. */
  shortfall: number | null;
  sentence: string;
  warnings: CascadeWarning[];
}

const WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
export function countWord(n: number): string {
  return WORDS[n] ?? String(n);
}
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

function percentText(v: number): string {
  return `${Math.round(v * 10) / 10}%`;
}

function valueText(value: number, unit: string | undefined): string {
  return unit === "percent" ? percentText(value) : `${value} ${unit ?? ""}`.trim();
}

/** Why a child cannot be counted against the parent, or null when it can. */
function incomparable(parent: CascadeGoal, child: CascadeGoal): string | null {
  const pu = parent.node.smart?.unit;
  const cu = child.node.smart?.unit;
  if (!parent.node.smart || !countsStudents(pu)) {
    return `“${parent.node.title}” is measured in ${pu ? `“${pu}”` : "no unit yet"}, not in percent or students, so its aligned goals cannot be added up`;
  }
  if (pu === "percent" && parent.node.smart.cohortSize === undefined) {
    return `“${parent.node.title}” has no cohort size, so its percent cannot be counted in students`;
  }
  if (!child.node.smart || !countsStudents(cu)) {
    return `${child.owner}'s “${child.node.title}” is measured in ${cu ? `“${cu}”` : "no unit yet"}, which cannot be compared with “${parent.node.title}” in ${pu}; it is left out of the sum`;
  }
  if (cu === "percent" && child.node.smart.cohortSize === undefined) {
    return `${child.owner}'s “${child.node.title}” is in percent without a cohort size, so it cannot be counted in students; it is left out of the sum`;
  }
  return null;
}

/**
 * The roll-up's warnings about `child` as one of the goals aligned to `parent`, the 84 % trap
 * among them: each is about the pair alone, so the progress rows ask it goal by goal.
 */
export function alignmentWarnings(
  parent: CascadeGoal,
  child: CascadeGoal,
  parentIn: GoalInStudents = goalInStudents(parent.node),
): CascadeWarning[] {
  const out: CascadeWarning[] = [];
  const excluded = incomparable(parent, child);
  if (excluded && countsStudents(parent.node.smart?.unit) && parentIn.target !== null)
    out.push({ code: "cascade-units-incomparable", nodeId: child.node.id, message: excluded });
  const ps = parent.node.smart;
  const cs = child.node.smart;
  const cb = cs?.baseline?.value;
  const ct = cs?.target?.value;
  if (parentIn.rises === true && cb !== undefined && ct !== undefined && ct <= cb + EPSILON) {
    const pt = ps?.target?.value;
    const above =
      pt !== undefined && ps?.unit === cs?.unit && ct >= pt
        ? `: it meets “${parent.node.title}” (${valueText(pt, ps?.unit)}) on paper`
        : "";
    out.push({
      code: "cascade-child-not-rising",
      nodeId: child.node.id,
      message: `${child.owner}'s target ${valueText(ct, cs?.unit)} is ${ct < cb - EPSILON ? "below" : "no higher than"} its own baseline ${valueText(cb, cs?.unit)} while “${parent.node.title}” rises${above}; judge it against its own baseline, which is ${valueText(cb, cs?.unit)}+`,
    });
  }
  const pd = ps?.target?.date;
  const cd = cs?.target?.date;
  if (pd && cd && dayNumber(cd) > dayNumber(pd)) {
    out.push({
      code: "cascade-target-after-parent",
      nodeId: child.node.id,
      message: `${child.owner}'s target date ${cd} is after the date of “${parent.node.title}” (${pd}), so it cannot count toward it in time`,
    });
  }
  return out;
}

export interface RollupOptions {
  today?: string;
  /** Plural noun of the children in the sentence ("grade teams"); "aligned goals" by default. */
  childrenNoun?: string;
  /** Noun of the parent in the sentence ("school goal"); "goal" by default. */
  parentNoun?: string;
}

/** The roll-up of a parent goal over the goals aligned to it a level down. */
export function rollUp(
  parent: CascadeGoal,
  children: readonly CascadeGoal[],
  options: RollupOptions = {},
): Rollup {
  const today = options.today ?? todayIso();
  const parentIn = goalInStudents(parent.node, today);
  const warnings: CascadeWarning[] = [];
  const rows: RollupChildResult[] = children.map((child) => {
    warnings.push(...alignmentWarnings(parent, child, parentIn));
    const excluded = incomparable(parent, child);
    return { nodeId: child.node.id, inStudents: goalInStudents(child.node, today), excluded };
  });
  const counted = rows.filter((r) => r.excluded === null);
  const sum = (pick: (r: RollupChildResult) => number | null) => {
    let total = 0;
    for (const r of counted) {
      const v = pick(r);
      if (v === null) return null;
      total += v;
    }
    return counted.length ? total : null;
  };
  const sumBaseline = sum((r) => r.inStudents.baseline);
  const sumTarget = sum((r) => r.inStudents.target);
  const sumLatest = sum((r) => r.inStudents.latest ?? r.inStudents.baseline);
  const shortfall =
    parentIn.target !== null && sumTarget !== null ? parentIn.target - sumTarget : null;
  const span = parentIn.target !== null && sumBaseline !== null ? parentIn.target - sumBaseline : 0;
  const sumProgress =
    sumLatest !== null && sumBaseline !== null && Math.abs(span) > EPSILON
      ? (sumLatest - sumBaseline) / span
      : null;
  return {
    parent: parentIn,
    children: rows,
    sumBaseline,
    sumTarget,
    sumLatest,
    sumProgress,
    shortfall,
    sentence: rollupSentence(parentIn, rows, { sumTarget, shortfall, sumLatest }, options),
    warnings,
  };
}

function rollupSentence(
  parentIn: GoalInStudents,
  rows: readonly RollupChildResult[],
  sums: { sumTarget: number | null; shortfall: number | null; sumLatest: number | null },
  options: RollupOptions,
): string {
  const { sumTarget, shortfall } = sums;
  const noun = options.childrenNoun ?? "aligned goals";
  const parentNoun = options.parentNoun ?? "goal";
  const counted = rows.filter((r) => r.excluded === null).length;
  if (rows.length === 0) return `No goal a level down aligns to this ${parentNoun} yet.`;
  if (parentIn.target === null) {
    return `The ${parentNoun} has no target in students (it needs a percent or students unit, a cohort size and a target), so its ${noun} cannot be added up against it.`;
  }
  if (sumTarget === null || shortfall === null) {
    return counted === 0
      ? `None of the ${rows.length} ${noun} can be counted in students against the ${parentNoun}.`
      : `The ${noun} cannot be added up yet: each needs a baseline and a target.`;
  }
  const left = rows.length - counted;
  const leftOut =
    left > 0 ? ` (${countWord(left)} more left out: units that cannot be compared)` : "";
  const who = `the ${countWord(counted)} ${noun}'${noun.endsWith("s") ? "" : "s"}`;
  const head = `${who} targets add up to ${formatCount(sumTarget)} of the ${formatCount(parentIn.target)} ${plural(parentIn.target, "student", "students")} the ${parentNoun} needs`;
  const tail =
    shortfall > 0
      ? `${formatCount(shortfall)} short`
      : shortfall < 0
        ? `${formatCount(-shortfall)} more than needed`
        : "exactly enough";
  return `${capitalize(head)}: ${tail}${leftOut}${standingNow(rows, sums.sumLatest)}.`;
}

/**
 * Where the counted children stand now, after the targets: the sum of their latest measurements
 * in students, a child not measured yet counted at its baseline (and said so, not passed off as
 * a measurement).
 */
function standingNow(rows: readonly RollupChildResult[], sumLatest: number | null): string {
  if (sumLatest === null) return "";
  const counted = rows.filter((r) => r.excluded === null);
  const unmeasured = counted.filter((r) => r.inStudents.latest === null).length;
  if (unmeasured === counted.length)
    return `; none is measured yet, so they stand at their baselines, ${formatCount(sumLatest)}`;
  const note =
    unmeasured > 0
      ? ` (${countWord(unmeasured)} ${plural(unmeasured, "is", "are")} not measured yet and ${plural(unmeasured, "counts its", "count their")} baseline)`
      : "";
  return `; today they stand at ${formatCount(sumLatest)}${note}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
