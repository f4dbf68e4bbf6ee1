import { z } from "zod";
import { alignsToSchema, modelIdSchema } from "./alignment.ts";
import { CASCADE_WARNING_CODES } from "./cascade.ts";
import { GOAL_KINDS } from "./kinds.ts";
import { GOAL_STATUSES } from "./progress.ts";
import { idSchema, isoDateSchema } from "./schema.ts";
import { WORKSPACE_KINDS } from "./workspaces.ts";

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
  /** GET `?status=&school=&attention=1`: the cascade below a workspace as a tree. */
  map: "/api/workspaces/:wid/cascade/map",
  /**
   * GET `?limit=&cursor=`: every goal of every model at or below a workspace, one row each; a
   * page of `limit` rows from `cursor` (an earlier answer's `nextCursor`), or all without one.
   */
  progress: "/api/workspaces/:wid/cascade/progress",
  /** GET: the same rows as CSV (UTF-8 with BOM, CRLF). */
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
  progress: (workspaceId: string, page: { limit?: number; cursor?: string } = {}) => {
    const query = new URLSearchParams();
    if (page.limit !== undefined) query.set("limit", String(page.limit));
    if (page.cursor !== undefined) query.set("cursor", page.cursor);
    const q = query.toString();
    return `/api/workspaces/${enc(workspaceId)}/cascade/progress${q ? `?${q}` : ""}`;
  },
  progressCsv: (workspaceId: string) => `/api/workspaces/${enc(workspaceId)}/cascade/progress.csv`,
  events: (workspaceId: string) => `/api/workspaces/${enc(workspaceId)}/cascade/events`,
  modelEvents: (modelId: string) => `/api/models/${enc(modelId)}/cascade/events`,
};

/** Search text for alignable goals. */
export const ALIGNABLE_QUERY_MAX = 200;
/** At most this many goals per search answer (the picker asks again as the person types). */
export const ALIGNABLE_RESULTS_MAX = 50;
/** The SSE event name, and how often the stream sends a comment to keep proxies from closing it. */
export const CASCADE_EVENT = "cascade";
export const CASCADE_EVENTS_KEEPALIVE_MS = 25_000;

/** PUT body of `alignments`. */
export const alignmentsBodySchema = z.strictObject({ alignsTo: alignsToSchema });
export type AlignmentsBody = z.infer<typeof alignmentsBodySchema>;

const goalKindSchema = z.enum(GOAL_KINDS);
const statusSchema = z.enum(GOAL_STATUSES);
const workspaceKindSchema = z.enum(WORKSPACE_KINDS);
const measurementView = z.object({ date: isoDateSchema, value: z.number() });

/** Where a goal sits: its model and that model's workspace. */
const goalPlace = {
  modelId: modelIdSchema,
  modelTitle: z.string(),
  workspaceId: z.string(),
  workspaceName: z.string(),
  workspaceKind: workspaceKindSchema,
  cardId: idSchema,
  kind: goalKindSchema,
  title: z.string(),
};

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

/**
 * Why an alignment does not lead to a goal: the goal was deleted (or is no longer a goal), its
 * model was deleted, archived (its workspace archived) or moved out of the tree above, or the
 * caller may not see it (then nothing else of it is told).
 */
export const BROKEN_REASONS = [
  "goal-deleted",
  "model-deleted",
  "archived",
  "moved",
  "not-visible",
] as const;
export type BrokenReason = (typeof BROKEN_REASONS)[number];
export const BROKEN_REASON_TEXT: Record<BrokenReason, string> = {
  "goal-deleted": "the goal it aligned to was deleted",
  "model-deleted": "the model it aligned to was deleted",
  archived: "the model it aligned to is archived",
  moved: "the model it aligned to is no longer in a workspace above this one",
  "not-visible": "you may not see the goal it aligns to",
};

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

export const cascadeWarningSchema = z.object({
  code: z.enum(CASCADE_WARNING_CODES),
  message: z.string(),
  modelId: modelIdSchema,
  cardId: idSchema,
});
export type CascadeWarningView = z.infer<typeof cascadeWarningSchema>;

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

/** One goal in the alignment map; `children` are the goals aligned to it, a level down. */
export interface MapNodeView {
  modelId: string;
  modelTitle: string;
  workspaceId: string;
  workspaceName: string;
  workspaceKind: (typeof WORKSPACE_KINDS)[number];
  /** The school the goal belongs to (its own workspace for a school, the parent for a team). */
  schoolId: string | null;
  cardId: string;
  kind: (typeof GOAL_KINDS)[number];
  title: string;
  status: (typeof GOAL_STATUSES)[number];
  stale: boolean;
  latest: { date: string; value: number } | null;
  unit: string | null;
  /** The goal in students, ("60% → 66% of 150 students: 90 → 99, 9 more students"). */
  studentsSentence: string | null;
  /** The roll-up sentence of its children, when it has any countable ones. */
  rollupSentence: string | null;
  broken: { modelId: string; cardId: string; reason: BrokenReason }[];
  warnings: CascadeWarningView[];
  /** Any of: off track, at risk, stale, broken alignment, a warning. */
  needsAttention: boolean;
  children: MapNodeView[];
}
export const mapNodeSchema: z.ZodType<MapNodeView> = z.lazy(() =>
  z.object({
    modelId: modelIdSchema,
    modelTitle: z.string(),
    workspaceId: z.string(),
    workspaceName: z.string(),
    workspaceKind: workspaceKindSchema,
    schoolId: z.string().nullable(),
    cardId: idSchema,
    kind: goalKindSchema,
    title: z.string(),
    status: statusSchema,
    stale: z.boolean(),
    latest: measurementView.nullable(),
    unit: z.string().nullable(),
    studentsSentence: z.string().nullable(),
    rollupSentence: z.string().nullable(),
    broken: z.array(
      z.object({ modelId: z.string(), cardId: z.string(), reason: z.enum(BROKEN_REASONS) }),
    ),
    warnings: z.array(cascadeWarningSchema),
    needsAttention: z.boolean(),
    children: z.array(mapNodeSchema),
  }),
);

export const alignmentMapSchema = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  /** The workspace's own goals (district goals for a district), each with its tree below. */
  roots: z.array(mapNodeSchema),
  /** Goals below that align to nothing the caller sees at this level or under it. */
  unaligned: z.array(mapNodeSchema),
  /** Schools under the workspace, for the school filter. */
  schools: z.array(z.object({ id: z.string(), name: z.string() })),
  generatedAt: z.string(),
});
export type AlignmentMapAnswer = z.infer<typeof alignmentMapSchema>;

export const progressRowSchema = z.object({
  ...goalPlace,
  status: statusSchema,
  /** The status the latest measurement has today (see progress.ts `statusToday`). */
  statusToday: statusSchema,
  stale: z.boolean(),
  unit: z.string().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  targetDate: isoDateSchema.nullable(),
  latest: measurementView.nullable(),
  lastMeasured: isoDateSchema.nullable(),
  nextCheckIn: isoDateSchema.nullable(),
  /** How many goals above it aligns to, and how many of those are broken. */
  alignedUp: z.number().int(),
  brokenUp: z.number().int(),
});
export const workspaceProgressSchema = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  /** Stale mid-journey goals first, then by workspace, model and lane. */
  rows: z.array(progressRowSchema),
  generatedAt: z.string(),
  /** Rows in all (the page is `rows`); absent from answers of servers before paging. */
  total: z.number().int().optional(),
  /** The cursor of the next page; null on the last page. */
  nextCursor: z.string().nullable().optional(),
});
export type ProgressRow = z.infer<typeof progressRowSchema>;
export type WorkspaceProgressAnswer = z.infer<typeof workspaceProgressSchema>;
