import {
  type CascadeGoal,
  countsStudents,
  CASCADE_EPSILON as EPSILON,
  type GoalInStudents,
  goalInStudents,
} from "./cascade-students.ts";
import { type CascadeWarning, childWarnings, incomparable } from "./cascade-warnings.ts";
import { formatCount } from "./counts.ts";
import { todayIso } from "./dates.ts";

/**
 * The goals cascade's arithmetic, pure: a parent goal (a school's) and the goals aligned to it a
 * level down (its grade teams'), counted in students, summed against the parent's target, and
 * the warnings a leader needs (seed 000: each team is judged against its own baseline, not only
 * against the parent's number). The server fills the inputs from many models; the pages show
 * the sentences.
 *
 * The parts: a goal in students (cascade-students.ts), the warnings and their codes
 * (cascade-warnings.ts); here, the roll-up and its sentence.
 */

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

export interface RollupOptions {
  today?: string;
  /** Plural noun of the children in the sentence ("grade teams"); "aligned goals" by default. */
  childrenNoun?: string;
  /** Noun of the parent in the sentence ("school goal"); "goal" by default. */
  parentNoun?: string;
}

/** What the roll-up warns about one child, in its order: counted apart, then its own numbers. */
function warningsAbout(
  parent: CascadeGoal,
  parentIn: GoalInStudents,
  child: CascadeGoal,
  excluded: string | null,
): CascadeWarning[] {
  const out: CascadeWarning[] = [];
  if (excluded && countsStudents(parent.node.smart?.unit) && parentIn.target !== null)
    out.push({ code: "cascade-units-incomparable", nodeId: child.node.id, message: excluded });
  out.push(...childWarnings(parent, parentIn, child));
  return out;
}

/**
 * The roll-up's warnings alone (the same, in the same order), without its sums and sentence:
 * for goals the map folds into counts, where only whether a goal needs attention is shown.
 */
export function rollupWarnings(
  parent: CascadeGoal,
  children: readonly CascadeGoal[],
  options: Pick<RollupOptions, "today"> = {},
): CascadeWarning[] {
  const parentIn = goalInStudents(parent.node, options.today ?? todayIso());
  return children.flatMap((child) =>
    warningsAbout(parent, parentIn, child, incomparable(parent, child)),
  );
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
  return warningsAbout(parent, parentIn, child, incomparable(parent, child));
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
    const inStudents = goalInStudents(child.node, today);
    const excluded = incomparable(parent, child);
    warnings.push(...warningsAbout(parent, parentIn, child, excluded));
    return { nodeId: child.node.id, inStudents, excluded };
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
