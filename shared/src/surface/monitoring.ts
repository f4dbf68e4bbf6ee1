/**
 * Part of the public surface (see ../index.ts).
 * Goals and their measurement: SMART, progress, subgroups, owners, PDCA, action plans, the radar, reports and imports.
 */

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
} from "../action-plan.ts";
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
} from "../action-plan-api.ts";
export {
  type AgendaAction,
  type AgendaGoal,
  type AgendaProposal,
  type AgendaThread,
  agendaIsEmpty,
  buildCheckInAgenda,
  type CheckInAgenda,
  nextCheckIn,
} from "../check-in-agenda.ts";
export {
  type CycleAct,
  type CycleCheck,
  type CycleDo,
  type CyclePlan,
  cycleSchema,
  PDCA_DECISIONS,
  type PdcaCycle,
  type PdcaDecision,
} from "../cycle-schema.ts";
export {
  fellBehindWithTime,
  offTrackStatusOf,
  type WentOffTrack,
  wentOffTrack,
} from "../goal-owner.ts";
// Measurements from spreadsheets (issue 18): dates, column mapping, row checks.
export {
  type CheckedRow,
  checkImport,
  type ImportCheck,
  type ImportChoices,
  type ImportEntry,
  type RowStatus,
} from "../import/check.ts";
export { type CsvTable, csvDelimiter, parseCsv, unguardCsvCell } from "../import/csv-read.ts";
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
} from "../import/dates.ts";
export { GoalFinder, goalNameKey, type ImportGoal, importGoalsOf } from "../import/goals.ts";
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
} from "../import/mapping.ts";
export { cellText, isPercentUnit, readValue } from "../import/values.ts";
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
} from "../pdca.ts";
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
} from "../progress.ts";
export { hasPurpose, type Purpose, purposeShape, tidyPurpose } from "../purpose.ts";
export {
  BLOSSOM_MAX_PER_OWNER,
  OVERLOAD_REASON,
  type Overload,
  overloads,
  type RadarItem,
  radarColumns,
  radarItemsOf,
} from "../radar.ts";
export { goalSentences } from "../report/goal-words.ts";
export {
  type PlanReport,
  type PlanReportInput,
  type PlanRevision,
  planReport,
  type ReportBlock,
  type ReportChart,
  WORKSPACE_PLAN_MODELS_MAX,
  workspacePlanReport,
} from "../report/plan-report.ts";
export { checkSmart, studentsView } from "../smart.ts";
export { formatValue, STATUS_EXPLAINS, STATUS_LABEL } from "../status-words.ts";
export {
  type SubgroupGap,
  subgroupAsGoal,
  subgroupGap,
  subgroupMeasurements,
  subgroupStatuses,
  wholeGroupMeasurements,
  widenedSubgroupGaps,
} from "../subgroups.ts";
