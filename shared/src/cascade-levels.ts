import type { CascadeGoal } from "./cascade-students.ts";
import type { CascadeWarning } from "./cascade-warnings.ts";
import type { LogicNode } from "./schema.ts";

/** The cascade's warnings about a goal's place between levels (the tree, not the numbers). */

/** A goal with nothing aligned to it from the next level down, where that level exists. */
export function noAlignedChildWarning(
  goal: CascadeGoal,
  childCount: number,
  levelBelow: string | null,
): CascadeWarning | null {
  if (childCount > 0 || levelBelow === null) return null;
  return {
    code: "cascade-no-aligned-child",
    nodeId: goal.node.id,
    message: `No ${levelBelow} goal aligns to “${goal.node.title}” yet: who contributes to it?`,
  };
}

/**
 * A long-term goal (the level that cascades) that aligns to nothing while its workspace sits
 * under another. Small wins and mid-journey goals are a team's own steps and need not align.
 */
export function unalignedWarning(
  goal: CascadeGoal & { kind: LogicNode["kind"]; alignments: number },
  parentLevel: string | null,
): CascadeWarning | null {
  if (goal.kind !== "longTerm" || goal.alignments > 0 || parentLevel === null) return null;
  return {
    code: "cascade-unaligned",
    nodeId: goal.node.id,
    message: `${goal.owner}'s “${goal.node.title}” aligns to no ${parentLevel} goal: each level's goal should serve one above it.`,
  };
}
