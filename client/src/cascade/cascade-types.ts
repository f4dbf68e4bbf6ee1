import type { GOAL_KINDS, GoalStatusName, WorkspaceKind } from "@logic-canvas/shared";

/**
 * TEMPORARY mirror of `shared/src/cascade-api.ts` (branch cascade-core, not merged yet); the
 * pages import these names from here only, so the merge turns this file into re-exports.
 */

type GoalKind = (typeof GOAL_KINDS)[number];
type Measured = { date: string; value: number };

export const CASCADE_EVENT = "cascade";
const enc = encodeURIComponent;
export const cascadePaths = {
  alignable: (modelId: string, cardId: string, q = "") =>
    `/api/models/${enc(modelId)}/cascade/alignable?card=${enc(cardId)}&q=${enc(q)}`,
  alignments: (modelId: string, cardId: string) =>
    `/api/models/${enc(modelId)}/cascade/alignments/${enc(cardId)}`,
  context: (modelId: string) => `/api/models/${enc(modelId)}/cascade/context`,
  rollup: (modelId: string, cardId: string) =>
    `/api/models/${enc(modelId)}/cascade/rollup/${enc(cardId)}`,
  map: (workspaceId: string, query = "") =>
    `/api/workspaces/${enc(workspaceId)}/cascade/map${query ? `?${query}` : ""}`,
  progress: (workspaceId: string) => `/api/workspaces/${enc(workspaceId)}/cascade/progress`,
  progressCsv: (workspaceId: string) => `/api/workspaces/${enc(workspaceId)}/cascade/progress.csv`,
  events: (workspaceId: string) => `/api/workspaces/${enc(workspaceId)}/cascade/events`,
};

export const BROKEN_REASON_TEXT: Record<BrokenReason, string> = {
  "goal-deleted": "the goal it aligned to was deleted",
  "model-deleted": "the model it aligned to was deleted",
  archived: "the model it aligned to is archived",
  moved: "the model it aligned to is no longer in a workspace above this one",
  "not-visible": "you may not see the goal it aligns to",
};
export type BrokenReason = "goal-deleted" | "model-deleted" | "archived" | "moved" | "not-visible";

export interface Alignment {
  modelId: string;
  cardId: string;
  note?: string;
}

interface GoalPlace {
  modelId: string;
  modelTitle: string;
  workspaceId: string;
  workspaceName: string;
  workspaceKind: WorkspaceKind;
  cardId: string;
  kind: GoalKind;
  title: string;
}

export interface AlignableGoal extends GoalPlace {
  unit: string | null;
  target: { value: number; date: string | null } | null;
  status: GoalStatusName;
  aligned: boolean;
}

export interface UpTarget {
  modelId: string;
  cardId: string;
  note: string | null;
  broken: BrokenReason | null;
  title: string | null;
  modelTitle: string | null;
  workspaceName: string | null;
  status: GoalStatusName | null;
}

export interface CardAlignment {
  cardId: string;
  up: UpTarget[];
  alignedFromBelow: number;
  hiddenFromBelow: number;
}
export interface AlignmentContextAnswer {
  modelId: string;
  hasParentWorkspace: boolean;
  cards: CardAlignment[];
}

export interface CascadeWarningView {
  code: string;
  message: string;
  modelId: string;
  cardId: string;
}

export interface RollupChild extends GoalPlace {
  status: GoalStatusName;
  unit: string | null;
  cohortSize: number | null;
  baselineStudents: number | null;
  targetStudents: number | null;
  latestStudents: number | null;
  latest: Measured | null;
  excluded: string | null;
}
export interface RollupAnswer {
  parent: GoalPlace & { status: GoalStatusName; latest: Measured | null; unit: string | null };
  children: RollupChild[];
  sumTargetStudents: number | null;
  sumBaselineStudents: number | null;
  sumLatestStudents: number | null;
  sumProgress: number | null;
  shortfall: number | null;
  sentence: string;
  warnings: CascadeWarningView[];
  hiddenChildren: number;
}

export interface MapNodeView {
  modelId: string;
  modelTitle: string;
  workspaceId: string;
  workspaceName: string;
  workspaceKind: WorkspaceKind;
  schoolId: string | null;
  cardId: string;
  kind: GoalKind;
  title: string;
  status: GoalStatusName;
  stale: boolean;
  latest: Measured | null;
  unit: string | null;
  studentsSentence: string | null;
  rollupSentence: string | null;
  broken: { modelId: string; cardId: string; reason: BrokenReason }[];
  warnings: CascadeWarningView[];
  needsAttention: boolean;
  children: MapNodeView[];
}
export interface AlignmentMapAnswer {
  workspaceId: string;
  workspaceName: string;
  roots: MapNodeView[];
  unaligned: MapNodeView[];
  schools: { id: string; name: string }[];
  generatedAt: string;
}

export interface ProgressRow extends GoalPlace {
  status: GoalStatusName;
  statusToday: GoalStatusName;
  stale: boolean;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  targetDate: string | null;
  latest: Measured | null;
  lastMeasured: string | null;
  nextCheckIn: string | null;
  alignedUp: number;
  brokenUp: number;
}
export interface WorkspaceProgressAnswer {
  workspaceId: string;
  workspaceName: string;
  rows: ProgressRow[];
  generatedAt: string;
}
