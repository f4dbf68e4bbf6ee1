/**
 * Part of the public surface (see ../index.ts).
 * The model itself and what crosses the wire: schema, lanes, rules, the file format, roles, links, limits and messages.
 */

export {
  type CanvasSnapshot,
  canvasSnapshotPath,
  canvasSnapshotSchema,
  readCanvasSnapshotAnswer,
  type SnapshotCard,
  type SnapshotLink,
} from "../canvas-snapshot.ts";
export {
  type CardFilter,
  describeFilter,
  filteredCardIds,
  isFiltering,
  NO_FILTER,
  passesFilter,
  STATUS_FILTER_LABELS,
  STATUS_FILTERS,
  type StatusFilter,
} from "../card-filter.ts";
export {
  type CardMatch,
  findCards,
  findInOrder,
  foldForSearch,
  inReadingOrder,
  prepareSearch,
  SEARCHED_FIELDS,
  type SearchedField,
} from "../card-search.ts";
export { type Chain, type ChainLink, onChain, traceChain } from "../chain.ts";
export {
  CLOSE_REASONS,
  type CloseCode,
  type CloseExplanation,
  closeReason,
  explainClose,
  fitCloseReason,
  isCloseCode,
  parseCloseReason,
} from "../close-reasons.ts";
export { CONNECTION_LIMITS } from "../connection-limits.ts";
export { CSV_HEADER, csvCell, modelToCsv } from "../csv.ts";
export { addDays, dayNumber, formatDay, formatDayNumber, todayIso } from "../dates.ts";
export { diffModels, type FieldChange, type ModelDiff } from "../diff.ts";
export { DomainError } from "../errors.ts";
export {
  FILE_VERSION,
  type FileError,
  type ModelFile,
  type ModelFileExtensions,
  migrateFileObject,
  parseModelFile,
  toModelFile,
} from "../file-format.ts";
export { newId } from "../ids.ts";
export { initialsOf } from "../initials.ts";
export {
  columnOf,
  GOAL_KINDS,
  INNOVATION_STAGE_LABELS,
  INNOVATION_STAGES,
  isGoalKind,
  KIND_LABELS,
  NODE_KINDS,
  type NodeKind,
} from "../kinds.ts";
export {
  CARD_GAP,
  type CardSize,
  estimateCardSize,
  needsLayout,
  tidyLanes,
  withCardsPlaced,
} from "../lane-layout.ts";
export { LANE_PADDING, LANE_ROW_SPACING, LANE_WIDTH, laneX, placeInLane } from "../lanes.ts";
export {
  CAFE_LIMITS,
  COMMENT_MAX,
  CYCLE_REASON_MAX,
  CYCLE_TEXT_MAX,
  INDICATOR_MAX,
  LINK_LABEL_MAX,
  LINKS_PER_MODEL_MAX,
  MAX_CHECK_INS,
  MAX_MEASUREMENTS,
  MAX_NODES,
  MAX_SUBGROUPS,
  MAX_VALUES,
  MISSION_MAX,
  NAME_MAX,
  NOTES_MAX,
  NOTIFICATION_LIMITS,
  PENDING_REASONS_MAX,
  REVIEW_LIMITS,
  REVISION_REASON_MAX,
  SUBGROUP_NAME_MAX,
  TITLE_MAX,
  UNIT_MAX,
  VALUE_MAX,
  VERSION_LABEL_MAX,
  VISION_MAX,
} from "../limits.ts";
export { canChangeKind, canConnect, checkLink, type LinkEnd, quoteTitle } from "../link-rules.ts";
export { copyTitle, droppedAlignmentsText, withoutAlignments } from "../model-copy.ts";
export { onlyPositionsDiffer } from "../position-only.ts";
export {
  decodeClientMessage,
  decodeServerMessage,
  encodeClientMessage,
  encodeServerMessage,
  noticeType,
  REVISION_REASON,
  REVISION_REASON_REFUSED,
  REVISION_REASON_SAVED,
  type RevisionReasonReply,
  SESSION,
  sessionInfoSchema,
  VERSIONS_CHANGED,
} from "../protocol.ts";
export {
  canEditGraph,
  canWriteReview,
  MODEL_ACTION_ROLE,
  ROLE_LABELS,
  ROLES,
  type Role,
  roleAtLeast,
} from "../roles.ts";
export {
  ERROR_CODES,
  type ModelIssue,
  type ValidationResult,
  validateModel,
  WARNING_CODES,
} from "../rules.ts";
export {
  type DatedValue,
  GOAL_OWNER_ONLY,
  idSchema,
  isoDateSchema,
  type LogicEdge,
  type LogicModel,
  type LogicNode,
  type Measurement,
  modelSchema,
  nodeKindSchema,
  type SmartGoal,
  type Subgroup,
  subgroupNameKey,
  subgroupNameSchema,
  subgroupSchema,
  subgroupsSchema,
  titleProblem,
} from "../schema.ts";
export { decodeSessionToken, encodeSessionToken } from "../session-token.ts";
export {
  canManageLinks,
  isLinkExpired,
  type NewLink,
  newLinkProblem,
  newLinkSchema,
  type ShareLink,
  visibleLinkRoles,
} from "../share-links.ts";
export { blankModel, coachingTemplate } from "../template.ts";
export { AUTH_MESSAGE, MESSAGE_TYPE, SYNC_STEP } from "../wire-types.ts";
