import { dayNumber, todayIso } from "./dates.ts";
import type { LogicNode, Measurement, SmartGoal } from "./schema.ts";

/**
 * The goals cascade's arithmetic in students, pure: a goal's baseline, target and latest whole-
 * group measurement counted in students (a percent of its cohort, or students outright), so
 * goals of different teams add up against their parent's target (cascade.ts).
 */

/** A goal as the cascade reads it: the card, and how to name it in sentences. */
export interface CascadeGoal {
  node: Pick<LogicNode, "id" | "title" | "smart" | "measurements">;
  /** "Grade 3 team" or the model's title: who owns the goal, in words. */
  owner: string;
}

/** Below this, two values in a goal's unit count as equal (floats from percent arithmetic). */
export const CASCADE_EPSILON = 1e-6;
const EPSILON = CASCADE_EPSILON;
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
