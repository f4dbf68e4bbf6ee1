import { z } from "zod";
import { alignsToSchema, modelIdSchema } from "./alignment.ts";
import {
  BROKEN_REASONS,
  cascadeWarningSchema,
  goalPlace,
  measurementView,
  statusSchema,
} from "./cascade-wire.ts";
import { idSchema, isoDateSchema } from "./schema.ts";

/**
 * The goals cascade's HTTP API: the paths, the one request body, and every answer as a zod
 * schema (the server builds answers of these types; the pages may parse them). Permissions:
 * every answer holds only goals of models the caller may see (their workspace role or a share
 * link gives them a role on it); a goal they may not see is never named, only counted as hidden.
 */

/** Paths (Fastify syntax); `cascadePaths` fills them in. */
export const CASCADE_ROUTES = {
  /** GET `?card=<cardId>&q=<text>`: goals this model's goal may align to (workspaces above). */
  alignable: "/api/models/:id/cascade/alignable",
  /** PUT `{ alignsTo }`: replaces a goal's alignments (editor; each target must be alignable). */
  alignments: "/api/models/:id/cascade/alignments/:cardId",
  /** GET: for every goal of the model, where it aligns up to and how many align to it. */
  context: "/api/models/:id/cascade/context",
  /** GET: the roll-up of one goal: its aligned children in students, the sum, the warnings. */
  rollup: "/api/models/:id/cascade/rollup/:cardId",
  /**
   * GET `?status=&school=&attention=1&open=1&under=&more=`: the cascade below a workspace as a
   * tree, in parts (cascade-map-api.ts).
   */
  map: "/api/workspaces/:wid/cascade/map",
  /**
   * GET `?q=&status=&kind=&place=&attention=1&sort=&limit=&cursor=`: every goal of every model
   * at or below a workspace that passes the filters, one row each, sorted on the server; a page
   * of `limit` rows from `cursor` (an earlier answer's `nextCursor`), or all without one.
   */
  progress: "/api/workspaces/:wid/cascade/progress",
  /** GET, same filters and sort: every matching row as CSV (UTF-8 with BOM, CRLF). */
  progressCsv: "/api/workspaces/:wid/cascade/progress.csv",
  /**
   * GET: server-sent events (`text/event-stream`) while a page is open: one `cascade` event
   * (data: `CascadeEvent` JSON) whenever a model at or below the workspace changes its goals,
   * measurements or alignments, on any server process. Refetch the map / roll-up on it.
   */
  events: "/api/workspaces/:wid/cascade/events",
  /**
   * GET: the same events for an open model (signed in): models above it and at or below its
   * workspace, other than itself, that changed; its marks and roll-ups refetch on them.
   */
  modelEvents: "/api/models/:id/cascade/events",
} as const;

export { CASCADE_EVENT, cascadePaths } from "./cascade-paths.ts";

/** Search text for alignable goals. */
export const ALIGNABLE_QUERY_MAX = 200;
/** At most this many goals per search answer (the picker asks again as the person types). */
export const ALIGNABLE_RESULTS_MAX = 50;
/** How often the event stream sends a comment to keep proxies from closing it. */
export const CASCADE_EVENTS_KEEPALIVE_MS = 25_000;

/** PUT body of `alignments`. */
export const alignmentsBodySchema = z.strictObject({ alignsTo: alignsToSchema });
export type AlignmentsBody = z.infer<typeof alignmentsBodySchema>;

export const alignableGoalSchema = z.object({
  ...goalPlace,
  unit: z.string().nullable(),
  target: z.object({ value: z.number(), date: isoDateSchema.nullable() }).nullable(),
  status: statusSchema,
  /** Already one of the card's alignments. */
  aligned: z.boolean(),
});
export const alignableAnswerSchema = z.object({ goals: z.array(alignableGoalSchema) });
export type AlignableGoal = z.infer<typeof alignableGoalSchema>;
export type AlignableAnswer = z.infer<typeof alignableAnswerSchema>;

/** One of a goal's alignments up, resolved. Fields of the goal are null when it is broken. */
export const upTargetSchema = z.object({
  modelId: modelIdSchema,
  cardId: idSchema,
  note: z.string().nullable(),
  broken: z.enum(BROKEN_REASONS).nullable(),
  title: z.string().nullable(),
  modelTitle: z.string().nullable(),
  workspaceName: z.string().nullable(),
  status: statusSchema.nullable(),
});
export type UpTarget = z.infer<typeof upTargetSchema>;

export const cardAlignmentSchema = z.object({
  cardId: idSchema,
  up: z.array(upTargetSchema),
  /** Goals (in models the caller may see) that align to this one. */
  alignedFromBelow: z.number().int(),
  /** Goals that align to it in models the caller may not see. */
  hiddenFromBelow: z.number().int(),
});
export const alignmentContextSchema = z.object({
  modelId: modelIdSchema,
  /** The model's workspace has a parent: goals here are expected to align up. */
  hasParentWorkspace: z.boolean(),
  cards: z.array(cardAlignmentSchema),
});
export type CardAlignment = z.infer<typeof cardAlignmentSchema>;
export type AlignmentContextAnswer = z.infer<typeof alignmentContextSchema>;

/** One aligned child in a roll-up, with its own numbers in students (null when not countable). */
export const rollupChildSchema = z.object({
  ...goalPlace,
  status: statusSchema,
  unit: z.string().nullable(),
  cohortSize: z.number().nullable(),
  baselineStudents: z.number().nullable(),
  targetStudents: z.number().nullable(),
  latestStudents: z.number().nullable(),
  latest: measurementView.nullable(),
  /** Why it is not in the sum, in words (units that cannot be compared…); null when it is. */
  excluded: z.string().nullable(),
});

export const rollupSchema = z.object({
  parent: z.object({
    ...goalPlace,
    status: statusSchema,
    unit: z.string().nullable(),
    cohortSize: z.number().nullable(),
    baselineStudents: z.number().nullable(),
    targetStudents: z.number().nullable(),
    latest: measurementView.nullable(),
  }),
  children: z.array(rollupChildSchema),
  /** Children's targets summed, in students; null when none can be counted. */
  sumTargetStudents: z.number().nullable(),
  sumBaselineStudents: z.number().nullable(),
  /** Students the children's latest measurements add up to (their latest, or baseline). */
  sumLatestStudents: z.number().nullable(),
  /** Where that sum sits between the summed baselines (0) and the parent's target (1). */
  sumProgress: z.number().nullable(),
  /** Parent target minus the children's summed target (positive: short). */
  shortfall: z.number().nullable(),
  /** "the three grade teams' targets add up to 212 of the 240 students …: 28 short". */
  sentence: z.string(),
  warnings: z.array(cascadeWarningSchema),
  /** Aligned children in models the caller may not see: counted, never shown. */
  hiddenChildren: z.number().int(),
});
export type RollupChild = z.infer<typeof rollupChildSchema>;
export type RollupAnswer = z.infer<typeof rollupSchema>;

/** The data of one `cascade` server-sent event. */
export const cascadeEventSchema = z.object({
  /** The models whose goals changed (the page refetches what shows them). */
  modelIds: z.array(z.string()),
  at: z.string(),
});
export type CascadeEvent = z.infer<typeof cascadeEventSchema>;
