import type { CascadeWarningCode } from "./cascade-warnings.ts";
import type { GoalStatusName } from "./progress.ts";

/**
 * What "Only what needs attention" keeps, one definition for the alignment map and the progress
 * page: a goal off track or at risk (by its status or today's), stale, aligned to a goal that
 * leads nowhere, or warned about as one of the goals aligned to another: the 84 % trap (its
 * target no higher than its own baseline while the goal above rises, seed 000), a unit that
 * cannot be counted in the goal above's students, a target date after the goal above's.
 * Warnings about alignments still to make (no goal aligned below, aligned to nothing) are shown
 * but do not ask for attention: every new model has them.
 */
export const ATTENTION_WARNINGS: ReadonlySet<CascadeWarningCode> = new Set<CascadeWarningCode>([
  "cascade-child-not-rising",
  "cascade-units-incomparable",
  "cascade-target-after-parent",
  "cascade-alignment-broken",
]);

export interface AttentionFacts {
  status: GoalStatusName;
  statusToday: GoalStatusName;
  stale: boolean;
  /** Alignments of the goal that lead nowhere. */
  broken: number;
  /** The codes of the cascade's warnings about the goal. */
  warnings: readonly CascadeWarningCode[];
}

const bad = (s: GoalStatusName) => s === "off-track" || s === "at-risk";

export function needsAttention(goal: AttentionFacts): boolean {
  return (
    bad(goal.status) ||
    bad(goal.statusToday) ||
    goal.stale ||
    goal.broken > 0 ||
    goal.warnings.some((code) => ATTENTION_WARNINGS.has(code))
  );
}
