import { formatCount } from "./counts.ts";
import { formatDay } from "./dates.ts";
import { isGoalKind } from "./kinds.ts";
import type { LogicNode, SmartGoal } from "./schema.ts";

/**
 * The SMART check of one goal. Specific and Attainable need judgement no program has, so those
 * two letters use simple, stated heuristics; their reasons say what was checked, not more.
 */

interface SmartLetterCheck {
  letter: "S" | "M" | "A" | "R" | "T";
  name: string;
  pass: boolean;
  reason: string;
}

/**
 * First words that make a title read as a means rather than an end ("buy a reading program" is
 * an activity; "every student reading at grade level" is a goal).
 */
const ACTIVITY_VERBS = new Set(
  "buy purchase hire provide implement adopt train hold run create develop launch use organize organise schedule attend introduce install offer fund hold host plan conduct deliver".split(
    " ",
  ),
);

function firstWord(text: string): string {
  return (text.trim().split(/\s+/)[0] ?? "").toLowerCase().replace(/[^a-z]/g, "");
}

function specific(node: LogicNode, smart: SmartGoal | undefined): SmartLetterCheck {
  const base = { letter: "S", name: "Specific" } as const;
  const verb = firstWord(node.title);
  if (ACTIVITY_VERBS.has(verb)) {
    return {
      ...base,
      pass: false,
      reason: `The title starts with "${verb}", which reads as an action; a goal names the result for students.`,
    };
  }
  const indicator = smart?.indicator.trim() ?? "";
  if (indicator.split(/\s+/).filter(Boolean).length < 2) {
    return {
      ...base,
      pass: false,
      reason: indicator
        ? `The indicator "${indicator}" is too short to say what exactly is measured.`
        : "There is no indicator naming what will be measured.",
    };
  }
  return {
    ...base,
    pass: true,
    reason: `It names what is measured ("${indicator}"). (Checked simply: an indicator of a few words and a title that does not start like an action.)`,
  };
}

function measurable(smart: SmartGoal | undefined): SmartLetterCheck {
  const base = { letter: "M", name: "Measurable" } as const;
  const missing: string[] = [];
  if (!smart?.indicator.trim()) missing.push("an indicator");
  if (!smart?.unit.trim()) missing.push("a unit");
  if (!smart?.baseline) missing.push("a baseline value");
  if (!smart?.target) missing.push("a target value");
  if (missing.length) return { ...base, pass: false, reason: `It needs ${missing.join(", ")}.` };
  return {
    ...base,
    pass: true,
    reason: `Progress can be tracked from ${smart?.baseline?.value} to ${smart?.target?.value} (${smart?.unit}).`,
  };
}

function attainable(smart: SmartGoal | undefined): SmartLetterCheck {
  const base = { letter: "A", name: "Attainable" } as const;
  const baseline = smart?.baseline?.value;
  const target = smart?.target?.value;
  if (baseline === undefined || target === undefined) {
    return {
      ...base,
      pass: false,
      reason: "Without a baseline and a target we cannot tell whether the target is within reach.",
    };
  }
  if (target === baseline)
    return { ...base, pass: false, reason: "The target is the same as the baseline." };
  if (smart?.unit === "percent" && (target < 0 || target > 100))
    return { ...base, pass: false, reason: `${target}% is not a possible share of students.` };
  if (smart?.unit === "students" && target < 0)
    return { ...base, pass: false, reason: "A number of students cannot be negative." };
  if (smart?.unit === "students" && smart.cohortSize !== undefined && target > smart.cohortSize) {
    return {
      ...base,
      pass: false,
      reason: `The target of ${target} students is more than the ${smart.cohortSize} in the cohort.`,
    };
  }
  return {
    ...base,
    pass: true,
    reason: `The target moves beyond the baseline and is possible (${baseline} → ${target}). Whether it is realistic for your team is for you to judge.`,
  };
}

function resultsOriented(node: LogicNode, smart: SmartGoal | undefined): SmartLetterCheck {
  const base = { letter: "R", name: "Results-oriented" } as const;
  if (!isGoalKind(node.kind))
    return { ...base, pass: false, reason: "Inputs and activities are means, not results." };
  if (!smart?.target)
    return { ...base, pass: false, reason: "It states no target result to reach." };
  return {
    ...base,
    pass: true,
    reason: `It is a goal with a result to reach: ${smart.target.value} (${smart.unit}).`,
  };
}

function timeBound(smart: SmartGoal | undefined): SmartLetterCheck {
  const base = { letter: "T", name: "Time-bound" } as const;
  const targetDate = smart?.target?.date;
  const baselineDate = smart?.baseline?.date;
  if (!targetDate) return { ...base, pass: false, reason: "The target has no date." };
  if (!baselineDate)
    return { ...base, pass: false, reason: "The baseline has no date: when was it measured?" };
  if (targetDate <= baselineDate)
    return { ...base, pass: false, reason: "The target date is not after the baseline date." };
  return {
    ...base,
    pass: true,
    reason: `From ${formatDay(baselineDate)} to ${formatDay(targetDate)}.`,
  };
}

export function checkSmart(node: LogicNode, _options: { today?: string } = {}): SmartLetterCheck[] {
  const smart = node.smart;
  return [
    specific(node, smart),
    measurable(smart),
    attainable(smart),
    resultsOriented(node, smart),
    timeBound(smart),
  ];
}

interface StudentsView {
  /** Students in the cohort the baseline was measured on. */
  baselineCohortSize: number;
  /** Students in the cohort the target is set for (the goal's `cohortSize`). */
  cohortSize: number;
  baselineStudents: number;
  targetStudents: number;
  /** Positive: more students; negative: fewer (e.g. fewer chronically absent). */
  difference: number;
  baselinePercent: number;
  targetPercent: number;
  sentence: string;
}

function plural(n: number): string {
  return n === 1 ? "student" : "students";
}

function percentText(value: number): string {
  return `${Math.round(value * 10) / 10}%`;
}

/**
 * The goal in numbers of students ("60% → 66% of 150 students: 90 → 99, 9 more students").
 * A target is "at least" (or "at most", for a decreasing goal), so it is rounded toward the
 * target's side; a baseline was counted, so it is rounded to the nearest student.
 *
 * The schema holds one cohort size, the target's. When the baseline was counted on another
 * cohort (last year's 90 third graders, this year's 100), pass `baselineCohortSize`; for a
 * `students` goal it defaults to the same cohort.
 */
export function studentsView(
  smart: SmartGoal,
  options: { baselineCohortSize?: number } = {},
): StudentsView | null {
  const cohort = smart.cohortSize;
  const baseline = smart.baseline?.value;
  const target = smart.target?.value;
  if (cohort === undefined || baseline === undefined || target === undefined) return null;
  const baselineCohort = options.baselineCohortSize ?? cohort;
  const up = target >= baseline;
  if (smart.unit === "percent") {
    const raw = (target * cohort) / 100;
    // Round away from float noise first: 66% of 150 is 99, not 99.00000000000001 → 100.
    const clean = Math.round(raw * 1e6) / 1e6;
    const baselineStudents = Math.round((baseline * baselineCohort) / 100);
    const targetStudents = up ? Math.ceil(clean) : Math.floor(clean);
    const difference = targetStudents - baselineStudents;
    const cohortText =
      baselineCohort === cohort
        ? `of ${formatCount(cohort)} students`
        : `of ${formatCount(baselineCohort)} → ${formatCount(cohort)} students`;
    return {
      baselineCohortSize: baselineCohort,
      cohortSize: cohort,
      baselineStudents,
      targetStudents,
      difference,
      baselinePercent: baseline,
      targetPercent: target,
      sentence: `${percentText(baseline)} → ${percentText(target)} ${cohortText}: ${formatCount(baselineStudents)} → ${formatCount(targetStudents)}, ${describeDifference(difference)}`,
    };
  }
  if (smart.unit === "students") {
    const difference = target - baseline;
    const baselinePercent = (baseline / baselineCohort) * 100;
    const targetPercent = (target / cohort) * 100;
    return {
      baselineCohortSize: baselineCohort,
      cohortSize: cohort,
      baselineStudents: baseline,
      targetStudents: target,
      difference,
      baselinePercent,
      targetPercent,
      sentence: `from ${formatCount(baseline)} of ${formatCount(baselineCohort)} to ${formatCount(target)} of ${formatCount(cohort)} students (${percentText(baselinePercent)} → ${percentText(targetPercent)}): ${describeDifference(difference)}`,
    };
  }
  return null;
}

function describeDifference(difference: number): string {
  if (difference === 0) return "no change in students";
  const n = Math.abs(difference);
  return `${formatCount(n)} ${difference > 0 ? "more" : "fewer"} ${plural(n)}`;
}
