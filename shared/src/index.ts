/**
 * The public surface of `@logic-canvas/shared`: exactly what the server, the client and the tests
 * import, by name. Add a name here when another package needs it; what is not listed stays
 * internal to shared/ (its own tests import modules directly).
 */

export {
  ACCOUNT_MESSAGES,
  type Account,
  accountSchema,
  meSchema,
  PASSWORD_MAX,
  PASSWORD_MIN,
  type SetupRequest,
  type SetupState,
  type SignInOptions,
  SSO_PROVIDER_ID,
  setupRequestSchema,
  setupStateSchema,
  signInOptionsSchema,
} from "./accounts.ts";
export {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  type ActionPlan,
  type ActionStatus,
  actionPlanProblem,
  actionPlanSchema,
  BLOCKED_REASON_MAX,
  bySoonestDue,
  DUE_SOON_DAYS,
  type DueState,
  daysUntilDue,
  dueState,
  type PersonRef,
  personRefSchema,
} from "./action-plan.ts";
export {
  type ModelPeopleResponse,
  type MyAction,
  type MyActionsResponse,
  modelPeopleResponseSchema,
  myActionSchema,
  myActionsResponseSchema,
  type WorkspaceRadarResponse,
  workspaceRadarItemSchema,
  workspaceRadarResponseSchema,
} from "./action-plan-api.ts";
export {
  type ActivityWordsEntry,
  type Actor,
  actorName,
  describeActivity,
  fieldWord,
} from "./activity-words.ts";
export * from "./alignment.ts";
// World Café sessions (issue 17).
export * from "./cafe/index.ts";
export {
  type CanvasSnapshot,
  canvasSnapshotPath,
  canvasSnapshotSchema,
  readCanvasSnapshotAnswer,
  type SnapshotCard,
  type SnapshotLink,
} from "./canvas-snapshot.ts";
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
} from "./card-filter.ts";
export {
  type CardMatch,
  findCards,
  findInOrder,
  foldForSearch,
  inReadingOrder,
  prepareSearch,
  SEARCHED_FIELDS,
  type SearchedField,
} from "./card-search.ts";
export * from "./cascade.ts";
export * from "./cascade-api.ts";
export * from "./cascade-csv.ts";
export * from "./cascade-levels.ts";
export * from "./cascade-map-api.ts";
export * from "./cascade-progress.ts";
export * from "./cascade-progress-api.ts";
export * from "./cascade-wire.ts";
export { type Chain, type ChainLink, onChain, traceChain } from "./chain.ts";
export {
  type AgendaAction,
  type AgendaGoal,
  type AgendaProposal,
  type AgendaThread,
  agendaIsEmpty,
  buildCheckInAgenda,
  type CheckInAgenda,
  nextCheckIn,
} from "./check-in-agenda.ts";
export {
  CLOSE_REASONS,
  type CloseCode,
  type CloseExplanation,
  closeReason,
  explainClose,
  fitCloseReason,
  isCloseCode,
  parseCloseReason,
} from "./close-reasons.ts";
export { CONNECTION_LIMITS } from "./connection-limits.ts";
export { CSV_HEADER, csvCell, modelToCsv } from "./csv.ts";
export {
  type CycleAct,
  type CycleCheck,
  type CycleDo,
  type CyclePlan,
  cycleSchema,
  PDCA_DECISIONS,
  type PdcaCycle,
  type PdcaDecision,
} from "./cycle-schema.ts";
export { addDays, dayNumber, formatDay, formatDayNumber, todayIso } from "./dates.ts";
export { diffModels, type FieldChange, type ModelDiff } from "./diff.ts";
export { alignmentsOf, alignTo, copyAlignments, setAlignments, unalign } from "./doc/alignment.ts";
export {
  type AnyType,
  type ChangedTypes,
  entryFate,
  entryField,
  type GraphChange,
  graphChanges,
  insertedItems,
  isDeletedType,
  itemsInside,
  lineage,
  newItem,
  type Step,
  type StoredItem,
  valueBefore,
} from "./doc/changes.ts";
export {
  addCheckIn,
  checkInsMap,
  readCheckIns,
  removeCheckIn,
  replaceCheckIns,
} from "./doc/check-ins.ts";
export {
  decideCycle,
  foldCycles,
  readCycles,
  saveCheck,
  saveDo,
  savePlan,
  startCycle,
} from "./doc/cycles.ts";
export {
  CHECK_INS_COLLECTION,
  type CollectionDef,
  EDGES_COLLECTION,
  type FieldDef,
  kindsSentence,
  type MapFields,
  META_FIELDS,
  NODES_COLLECTION,
  plainFieldProblem,
  plainFields,
  readOnKind,
} from "./doc/fields.ts";
export { edgesMap, measurementsOf, metaMap, nodesMap, SCHEMA_VERSION } from "./doc/layout.ts";
export {
  addMeasurement,
  addMeasurements,
  removeMeasurement,
  updateMeasurement,
} from "./doc/measurements.ts";
export {
  docSchemaVersion,
  migrateDoc,
  NewerSchemaError,
  UnreadableLayoutError,
} from "./doc/migrate.ts";
export {
  addNode,
  connect,
  deleteElements,
  deleteNode,
  disconnect,
  moveNode,
  moveNodes,
  type NodePatch,
  type SmartPatch,
  setMeta,
  updateEdge,
  updateNode,
  updateSmart,
} from "./doc/mutate.ts";
export { readPurpose, setPurpose } from "./doc/purpose.ts";
export {
  compareNodes,
  isUnreadable,
  readEdge,
  readModel,
  readModelTitle,
  readModelWithIssues,
  readNode,
  UNTITLED,
  type UnreadableEntry,
} from "./doc/read.ts";
export { loadModel, replaceModel } from "./doc/replace.ts";
export { readCanvasSnapshot } from "./doc/snapshot.ts";
export {
  addSubgroup,
  removeSubgroup,
  renameSubgroup,
  setSubgroups,
  setSubgroupValue,
  subgroupByName,
  subgroupsOfCard,
} from "./doc/subgroups.ts";
export { DomainError } from "./errors.ts";
export {
  FILE_VERSION,
  type FileError,
  type ModelFile,
  type ModelFileExtensions,
  migrateFileObject,
  parseModelFile,
  toModelFile,
} from "./file-format.ts";
// The gallery walk: posting a model for sibling teams' feedback, its summary and its routes.
export * from "./gallery.ts";
export * from "./gallery-api.ts";
export {
  fellBehindWithTime,
  offTrackStatusOf,
  type WentOffTrack,
  wentOffTrack,
} from "./goal-owner.ts";
export { newId } from "./ids.ts";
// Measurements from spreadsheets (issue 18): dates, column mapping, row checks.
export {
  type CheckedRow,
  checkImport,
  type ImportCheck,
  type ImportChoices,
  type ImportEntry,
  type RowStatus,
} from "./import/check.ts";
export { type CsvTable, csvDelimiter, parseCsv, unguardCsvCell } from "./import/csv-read.ts";
export {
  calendarDate,
  DATE_ORDER_WORDS,
  type DateCell,
  type DateOrder,
  type DateOrderEvidence,
  type DateReading,
  dateOrderOfFile,
  excelSerialDate,
  fullYear,
  readSpreadsheetDate,
} from "./import/dates.ts";
export { GoalFinder, goalNameKey, type ImportGoal, importGoalsOf } from "./import/goals.ts";
export {
  type Cell,
  type ColumnMapping,
  EXPORT_MAPPING,
  FIELD_WORDS,
  guessMapping,
  IMPORT_FIELDS,
  type ImportField,
  type ImportTable,
  importTableOf,
  isLogicCanvasExport,
  mappingProblems,
  normalizeHeader,
} from "./import/mapping.ts";
export { cellText, isPercentUnit, readValue } from "./import/values.ts";
export { initialsOf } from "./initials.ts";
export {
  columnOf,
  GOAL_KINDS,
  INNOVATION_STAGE_LABELS,
  INNOVATION_STAGES,
  isGoalKind,
  KIND_LABELS,
  NODE_KINDS,
  type NodeKind,
} from "./kinds.ts";
export {
  CARD_GAP,
  type CardSize,
  estimateCardSize,
  needsLayout,
  tidyLanes,
  withCardsPlaced,
} from "./lane-layout.ts";
export { LANE_PADDING, LANE_ROW_SPACING, LANE_WIDTH, laneX, placeInLane } from "./lanes.ts";
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
} from "./limits.ts";
export { canChangeKind, canConnect, checkLink, type LinkEnd, quoteTitle } from "./link-rules.ts";
export { copyTitle, droppedAlignmentsText, withoutAlignments } from "./model-copy.ts";
export { modelFileOfDocs } from "./model-file-of-docs.ts";
export * from "./notifications-api.ts";
export {
  type CyclePhase,
  checkDay,
  currentCycle,
  cycleBadge,
  cyclePhase,
  DECISION_LABELS,
  decisionProblem,
  type GoalCycleRow,
  goalsByCyclePhase,
  isCheckOverdue,
  measurementsOfCycle,
  nextCycleDraft,
  PHASE_LABELS,
  PHASE_ORDER,
  startCycleProblem,
  suggestCheckDate,
} from "./pdca.ts";
export {
  AT_RISK_MAX_SHORTFALL,
  GOAL_STATUSES,
  type GoalProgress,
  type GoalStatusName,
  goalStatus,
  isMidJourneyStale,
  MEASUREMENT_HOLDS_DAYS,
  type ModelProgressSummary,
  modelProgressSummary,
  STALE_AFTER_DAYS,
} from "./progress.ts";
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
} from "./protocol.ts";
export { hasPurpose, type Purpose, purposeShape, tidyPurpose } from "./purpose.ts";
export {
  BLOSSOM_MAX_PER_OWNER,
  OVERLOAD_REASON,
  type Overload,
  overloads,
  type RadarItem,
  radarColumns,
  radarItemsOf,
} from "./radar.ts";
export {
  mergeReadMarks,
  READ_MARKS_MAX,
  type ReadMarks,
  type ReadState,
  readStatePath,
  readStateSchema,
} from "./read-state.ts";
export { goalSentences } from "./report/goal-words.ts";
export {
  type PlanReport,
  type PlanReportInput,
  type PlanRevision,
  planReport,
  type ReportBlock,
  type ReportChart,
  WORKSPACE_PLAN_MODELS_MAX,
  workspacePlanReport,
} from "./report/plan-report.ts";
export { reviewChanges } from "./review/changes.ts";
export {
  type Consensus,
  consensusFor,
  consensusSummary,
  FIST_TO_FIVE_LABELS,
  namesOfPeopleWhoTookPart,
  peopleWhoTookPart,
  QUORUM_MIN_SHARE,
  QUORUM_MIN_VOTES,
  type Quorum,
  quorumFor,
  quorumRuleText,
  WIDE_AGREEMENT_SHARE,
} from "./review/consensus.ts";
export {
  castVote,
  deleteMessage,
  editMessage,
  loadReview,
  reply,
  setThreadStatus,
  startThread,
  threadsMap,
  voteKey,
  votesMap,
  withdrawVote,
} from "./review/doc.ts";
export { type ReviewSnapshot, reviewWriteViolations } from "./review/permissions.ts";
export {
  readReview,
  readThreadEntry,
  readVoteEntry,
  type ThreadEntry,
  type VoteEntry,
} from "./review/read.ts";
export {
  type Anchor,
  type Author,
  authorSchema,
  type CommentMessage,
  MASTERY_TARGET,
  mentionsIn,
  type Review,
  THREAD_TYPES,
  type Thread,
  type ThreadType,
  type Vote,
} from "./review/schema.ts";
export {
  canEditGraph,
  canWriteReview,
  MODEL_ACTION_ROLE,
  ROLE_LABELS,
  ROLES,
  type Role,
  roleAtLeast,
} from "./roles.ts";
export {
  ERROR_CODES,
  type ModelIssue,
  type ValidationResult,
  validateModel,
  WARNING_CODES,
} from "./rules.ts";
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
} from "./schema.ts";
export { decodeSessionToken, encodeSessionToken } from "./session-token.ts";
export {
  canManageLinks,
  isLinkExpired,
  type NewLink,
  newLinkProblem,
  newLinkSchema,
  type ShareLink,
  visibleLinkRoles,
} from "./share-links.ts";
export { checkSmart, studentsView } from "./smart.ts";
export { formatValue, STATUS_EXPLAINS, STATUS_LABEL } from "./status-words.ts";
export {
  type SubgroupGap,
  subgroupAsGoal,
  subgroupGap,
  subgroupMeasurements,
  subgroupStatuses,
  wholeGroupMeasurements,
  widenedSubgroupGaps,
} from "./subgroups.ts";
export { blankModel, coachingTemplate } from "./template.ts";
export { AUTH_MESSAGE, MESSAGE_TYPE, SYNC_STEP } from "./wire-types.ts";
// The workspace tree, its roles and API shapes: everything those two modules export is public.
export * from "./workspace-api.ts";
export * from "./workspaces.ts";
