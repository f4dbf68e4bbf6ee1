/** The cascade's wire shapes, from the one definition in shared (`cascade-api.ts`). */
export {
  type AlignableGoal,
  type Alignment,
  type AlignmentContextAnswer,
  type AlignmentMapAnswer,
  BROKEN_REASON_TEXT,
  type BrokenReason,
  CASCADE_EVENT,
  type CardAlignment,
  type CascadeWarningView,
  cascadePaths,
  type MapNodeView,
  type ProgressRow,
  type RollupAnswer,
  type RollupChild,
  type UpTarget,
  type WorkspaceProgressAnswer,
} from "@logic-canvas/shared";
