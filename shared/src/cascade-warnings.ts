import {
  type CascadeGoal,
  countsStudents,
  CASCADE_EPSILON as EPSILON,
  type GoalInStudents,
} from "./cascade-students.ts";
import { dayNumber } from "./dates.ts";

/**
 * The warnings a roll-up gives about a goal aligned to its parent (seed 000: each team is judged
 * against its own baseline, not only against the parent's number), and their codes, which the
 * wire (cascade-wire.ts) and the tree's warnings (cascade-levels.ts) share.
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

function percentText(v: number): string {
  return `${Math.round(v * 10) / 10}%`;
}

function valueText(value: number, unit: string | undefined): string {
  return unit === "percent" ? percentText(value) : `${value} ${unit ?? ""}`.trim();
}

/** Why a child cannot be counted against the parent, or null when it can. */
export function incomparable(parent: CascadeGoal, child: CascadeGoal): string | null {
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

/** What a child's own numbers say against its parent's: a target that does not rise, a late date. */
export function childWarnings(
  parent: CascadeGoal,
  parentIn: GoalInStudents,
  child: CascadeGoal,
): CascadeWarning[] {
  const out: CascadeWarning[] = [];
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
