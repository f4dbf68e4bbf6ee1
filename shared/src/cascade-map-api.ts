import { z } from "zod";
import { modelIdSchema } from "./alignment.ts";
import {
  BROKEN_REASONS,
  type BrokenReason,
  type CascadeWarningView,
  cascadeWarningSchema,
  flagParam,
  goalKindSchema,
  measurementView,
  searchOf,
  statusSchema,
} from "./cascade-wire.ts";
import type { GOAL_KINDS } from "./kinds.ts";
import { GOAL_STATUSES, type GoalStatusName } from "./progress.ts";
import { type WORKSPACE_KINDS, workspaceKindSchema } from "./workspaces.ts";

/**
 * The alignment map's answer and query. A district of 500 models is tens of thousands of goals,
 * so the map comes in parts: the workspace's goals and the goals a level below them, with what
 * hangs deeper folded into a count per status (`folded`), which the page asks for when the person
 * opens it (`under`); and the goals that align to nothing, a page at a time (`more`).
 */

/** Goals aligned to nothing listed per page of the map. */
export const MAP_UNALIGNED_PAGE = 50;

/** What a folded node holds below it: every goal once, counted by status. */
export interface FoldedView {
  total: number;
  byStatus: Partial<Record<GoalStatusName, number>>;
  /** Of them, goals that need attention (off track, at risk, stale, broken, a warning). */
  attention: number;
}

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
  status: GoalStatusName;
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
  /** False when the goal is shown only as the context of a match below it (filters on). */
  matches?: boolean;
  /** Set when the goals below were left out of this answer: ask with `under` for them. */
  folded?: FoldedView;
  children: MapNodeView[];
}

const foldedSchema = z.object({
  total: z.number().int(),
  byStatus: z.partialRecord(statusSchema, z.number().int()),
  attention: z.number().int(),
});

export const mapNodeSchema: z.ZodType<MapNodeView> = z.lazy(() =>
  z.object({
    modelId: modelIdSchema,
    modelTitle: z.string(),
    workspaceId: z.string(),
    workspaceName: z.string(),
    workspaceKind: workspaceKindSchema,
    schoolId: z.string().nullable(),
    cardId: z.string(),
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
    matches: z.boolean().optional(),
    folded: foldedSchema.optional(),
    children: z.array(mapNodeSchema),
  }),
);

export const alignmentMapSchema = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  /** The workspace's own goals (district goals for a district), each with its tree below. */
  roots: z.array(mapNodeSchema),
  /** Goals below that align to nothing the caller sees at this level or under it: a page. */
  unaligned: z.array(mapNodeSchema),
  /** How many goals align to nothing (after the filters); the page is `unaligned`. */
  unalignedTotal: z.number().int().optional(),
  /** The `more` of the next page of them; null on the last. */
  unalignedNext: z.number().int().nullable().optional(),
  /** Schools under the workspace, for the school filter. */
  schools: z.array(z.object({ id: z.string(), name: z.string() })),
  generatedAt: z.string(),
});
export type AlignmentMapAnswer = z.infer<typeof alignmentMapSchema>;

/** `modelId:cardId`, the key of a goal in the map (and the `under` parameter). */
const goalKeyParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64}$/, {
  error: "under must name a goal of the map as modelId:cardId",
});

/** The map route's query: the filters the issue names, and which part of the map. */
export const mapQuerySchema = z.strictObject({
  status: z.enum(GOAL_STATUSES, { error: `must be one of ${GOAL_STATUSES.join(", ")}` }).optional(),
  school: z.string().max(64, { error: "school must be a workspace id" }).optional(),
  attention: flagParam("attention").optional(),
  /** Every level at once, nothing folded. */
  open: flagParam("open").optional(),
  /** Only this goal and everything aligned below it (a folded node being opened). */
  under: goalKeyParam.optional(),
  /** Where the page of goals aligned to nothing starts (an earlier answer's `unalignedNext`). */
  more: z.coerce
    .number({ error: "more must be a number of goals" })
    .int({ error: "more must be a whole number" })
    .min(0, { error: "more must be 0 or more" })
    .max(1_000_000, { error: "more is past any map" })
    .optional(),
});
export type MapQuery = z.output<typeof mapQuerySchema>;

export const mapSearch = (q: MapQuery = {}): string => searchOf({ ...q });
