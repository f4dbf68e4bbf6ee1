import type { GOAL_KINDS, GoalStatusName, WorkspaceKind } from "@logic-canvas/shared";

type GoalKind = (typeof GOAL_KINDS)[number];

/**
 * What the cascade pages read. Placeholder shapes until `shared/src/cascade-api.ts` lands; the
 * pages import them from here only, so the swap touches this file alone.
 */

export interface CascadeAlignment {
  modelId: string;
  nodeId: string;
  note?: string;
  /** Why the goal it points at cannot be followed (deleted, archived, moved out); kept, shown. */
  broken?: string;
}

export interface CascadeRollup {
  /** The sentence: "The children's targets add up to 212 of the 240 students needed: 28 short." */
  text: string;
  childTargetStudents: number;
  neededStudents: number;
  /** Positive: short by; zero or negative: reached. */
  short: number;
  /** The latest sum of the children's measurements, in students, when they have any. */
  latestStudents?: number;
}

export interface CascadeGoal {
  modelId: string;
  modelTitle: string;
  workspaceId: string;
  workspaceName: string;
  workspaceKind: WorkspaceKind;
  nodeId: string;
  kind: GoalKind;
  title: string;
  unit?: string;
  cohortSize?: number;
  baseline?: { value: number; date: string };
  target?: { value: number; date: string };
  status: GoalStatusName;
  stale: boolean;
  latest?: { value: number; date: string };
  nextCheckIn?: string;
  alignsTo: CascadeAlignment[];
  rollup?: CascadeRollup;
  warnings: { code: string; message: string }[];
}

export interface CascadeAnswer {
  goals: CascadeGoal[];
}

/** A goal one may align a card to. */
export interface AlignCandidate {
  modelId: string;
  modelTitle: string;
  workspaceName: string;
  workspaceKind: WorkspaceKind;
  nodeId: string;
  kind: GoalKind;
  title: string;
  status: GoalStatusName;
  unit?: string;
}

/** Where a card aligns up to, resolved: the parent's title and status, or why it is broken. */
export interface AlignedParent {
  modelId: string;
  nodeId: string;
  note?: string;
  title?: string;
  status?: GoalStatusName;
  workspaceName?: string;
  broken?: string;
}

export interface ModelAlignments {
  up: Record<string, AlignedParent[]>;
  down: Record<string, number>;
  rollups: Record<string, CascadeRollup>;
}
