/**
 * Part of the public surface (see ../index.ts).
 * Workspaces, accounts and the goal cascade: alignment, roll-ups, the gallery walk.
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
} from "../accounts.ts";
export * from "../alignment.ts";
// The roll-up, and its parts as they were public before cascade.ts was split (their internals stay in).
export * from "../cascade.ts";
export * from "../cascade-api.ts";
export * from "../cascade-attention.ts";
export * from "../cascade-csv.ts";
// A model's goal facts as the server keeps them between restarts (goal-index.ts).
export * from "../cascade-digest.ts";
export * from "../cascade-levels.ts";
export * from "../cascade-map-api.ts";
export * from "../cascade-progress.ts";
export * from "../cascade-progress-api.ts";
export {
  type CascadeGoal,
  countsStudents,
  type GoalInStudents,
  goalInStudents,
  studentsFrom,
} from "../cascade-students.ts";
export {
  CASCADE_WARNING_CODES,
  type CascadeWarning,
  type CascadeWarningCode,
} from "../cascade-warnings.ts";
export * from "../cascade-wire.ts";
// The gallery walk: posting a model for sibling teams' feedback, its summary and its routes.
export * from "../gallery.ts";
export * from "../gallery-api.ts";
// The workspace tree, its roles and API shapes: everything those two modules export is public.
export * from "../workspace-api.ts";
export * from "../workspaces.ts";
