import { z } from "zod";
import { actionPlanSchema, personRefSchema } from "./action-plan.ts";
import { alignsToSchema } from "./alignment.ts";
import { cyclesSchema } from "./cycle-schema.ts";
import { INNOVATION_STAGES, isGoalKind, NODE_KINDS } from "./kinds.ts";
import {
  INDICATOR_MAX,
  MAX_EDGES,
  MAX_MEASUREMENTS,
  MAX_NODES,
  MAX_SUBGROUPS,
  NOTES_MAX,
  SUBGROUP_NAME_MAX,
  TITLE_MAX,
  UNIT_MAX,
} from "./limits.ts";
import { purposeShape } from "./purpose.ts";
import { idSchema, isoDateSchema } from "./scalars.ts";

/**
 * The one definition of a logic model. Every type in the project is inferred from here, so the
 * file format, the Yjs layout, the server's write validation and the UI agree by construction.
 */

export { idSchema, isoDateSchema };

export const nodeKindSchema = z.enum(NODE_KINDS, {
  error: `must be one of ${NODE_KINDS.join(", ")}`,
});
export const innovationStageSchema = z.enum(INNOVATION_STAGES, {
  error: `must be one of ${INNOVATION_STAGES.join(", ")}`,
});

/** A measurement's unit: any short text ("percent", "students", "lexile level"…). */
export const unitSchema = z.string().max(UNIT_MAX).trim().min(1, "must not be empty");

export const finiteNumber = z
  .number({ error: "must be a number" })
  .refine(Number.isFinite, "must be finite");

/** A baseline or target. The date may still be missing while a team drafts: `validateModel` warns. */
const datedValueSchema = z.strictObject({
  value: finiteNumber,
  date: isoDateSchema.optional(),
});

export const indicatorSchema = z.string().max(INDICATOR_MAX);
export const cohortSizeSchema = z
  .number()
  .int("must be a whole number")
  .positive("must be more than 0");

export const smartSchema = z.strictObject({
  indicator: indicatorSchema,
  unit: unitSchema,
  baseline: datedValueSchema.optional(),
  target: datedValueSchema.optional(),
  cohortSize: cohortSizeSchema.optional(),
});

/**
 * A subgroup of the goal's students (issue 18): its own baseline and target beside the whole
 * group's. Measurements name it by `id`, so renaming it keeps its series; names are unique on a
 * goal (ignoring case and surrounding spaces) so that a spreadsheet column of names maps to one.
 */
export const subgroupNameSchema = z
  .string()
  .max(SUBGROUP_NAME_MAX, `must be at most ${SUBGROUP_NAME_MAX} characters`)
  .trim()
  .min(1, "must not be empty");

export const subgroupSchema = z.strictObject({
  id: idSchema,
  name: subgroupNameSchema,
  baseline: datedValueSchema.optional(),
  target: datedValueSchema.optional(),
});

/** The key under which two subgroup names count as the same name. */
export function subgroupNameKey(name: string): string {
  return name.trim().toLocaleLowerCase("en");
}

export const subgroupsSchema = z
  .array(subgroupSchema, { error: "must be a list of subgroups" })
  .max(MAX_SUBGROUPS, { error: `a goal tracks at most ${MAX_SUBGROUPS} subgroups` })
  .superRefine((list, ctx) => {
    const ids = new Set<string>();
    const names = new Set<string>();
    list.forEach((subgroup, index) => {
      if (ids.has(subgroup.id))
        ctx.addIssue({ code: "custom", path: [index, "id"], message: "repeats a subgroup id" });
      const key = subgroupNameKey(subgroup.name);
      if (names.has(key))
        ctx.addIssue({
          code: "custom",
          path: [index, "name"],
          message: `repeats the subgroup name “${subgroup.name}”; each subgroup needs its own`,
        });
      ids.add(subgroup.id);
      names.add(key);
    });
  });

export const measurementSchema = z.strictObject({
  date: isoDateSchema,
  value: finiteNumber,
  note: z.string().max(NOTES_MAX).optional(),
  /** The id of one of the goal's subgroups; absent: the whole group (issue 18). */
  subgroup: idSchema.optional(),
});

export const positionSchema = z.strictObject({ x: finiteNumber, y: finiteNumber });
/** The length is checked before trimming, so blank padding cannot carry megabytes. */
export const titleSchema = z
  .string()
  .max(TITLE_MAX, `must be at most ${TITLE_MAX} characters`)
  .trim()
  .min(1, "must not be empty");
/**
 * Why a title cannot be saved, in the words of the import report; null when it can. Title
 * fields show this instead of cutting what was typed or pasted at the limit.
 */
export function titleProblem(title: string): string | null {
  if (title.length <= TITLE_MAX) return null;
  const n = (x: number) => x.toLocaleString("en");
  return `The title is ${n(title.length)} characters long; at most ${n(TITLE_MAX)} are allowed.`;
}
export const notesSchema = z.string().max(NOTES_MAX, `must be at most ${NOTES_MAX} characters`);

/** Why an owner on an input or activity is refused (the file format and the write gate alike). */
export const GOAL_OWNER_ONLY =
  "only goals (small-win, mid-journey, long-term) have an owner here; an activity's owner is in its action plan";

export const nodeSchema = z
  .strictObject({
    id: idSchema,
    kind: nodeKindSchema,
    title: titleSchema,
    notes: notesSchema.optional(),
    position: positionSchema.optional(),
    stage: innovationStageSchema.optional(),
    plan: actionPlanSchema.optional(),
    smart: smartSchema.optional(),
    measurements: z.array(measurementSchema).max(MAX_MEASUREMENTS).optional(),
    /** PDCA cycles (issue 17), goals only; see `cycle-schema.ts`. */
    cycles: cyclesSchema.optional(),
    /** Goals of models above that this goal contributes to (file and layout version 2). */
    alignsTo: alignsToSchema.optional(),
    /** Subgroups tracked beside the whole group (issue 18, optional under version 2). */
    subgroups: subgroupsSchema.optional(),
    /**
     * Who answers for a goal (issue 18: they hear when it goes off track); optional under
     * version 2. An activity's owner lives in its action plan, so only goals carry this one.
     */
    owner: personRefSchema.optional(),
  })
  .superRefine((node, ctx) => {
    for (const [field, what] of [
      ["stage", "an innovation stage"],
      ["plan", "an action plan"],
    ] as const) {
      if (node[field] !== undefined && node.kind !== "activity")
        ctx.addIssue({ code: "custom", path: [field], message: `only activities carry ${what}` });
    }
    if (!isGoalKind(node.kind)) {
      for (const field of ["smart", "measurements", "cycles", "alignsTo", "subgroups"] as const) {
        if (node[field] !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message:
              field === "cycles"
                ? "only goals (small-win, mid-journey, long-term) run PDCA cycles"
                : field === "alignsTo"
                  ? "only goals (small-win, mid-journey, long-term) align to goals above"
                  : "only goals (small-win, mid-journey, long-term) carry SMART targets and measurements",
          });
        }
      }
      if (node.owner !== undefined)
        ctx.addIssue({ code: "custom", path: ["owner"], message: GOAL_OWNER_ONLY });
    }
  });

export const edgeSchema = z.strictObject({
  id: idSchema,
  source: idSchema,
  target: idSchema,
  rationale: notesSchema.optional(),
});

export const modelSchema = z.strictObject({
  title: titleSchema,
  masteryGoal: notesSchema,
  /** The school's mission, vision and values (issue 17), optional; see `purpose.ts`. */
  ...purposeShape,
  nodes: z.array(nodeSchema).max(MAX_NODES, "a model holds at most 20,000 nodes"),
  edges: z.array(edgeSchema).max(MAX_EDGES, "a model holds at most 100,000 links"),
});

export type LogicNode = z.infer<typeof nodeSchema>;
export type LogicEdge = z.infer<typeof edgeSchema>;
export type LogicModel = z.infer<typeof modelSchema>;
export type SmartGoal = z.infer<typeof smartSchema>;
export type Measurement = z.infer<typeof measurementSchema>;
export type DatedValue = z.infer<typeof datedValueSchema>;
export type Subgroup = z.infer<typeof subgroupSchema>;
export type Position = z.infer<typeof positionSchema>;
