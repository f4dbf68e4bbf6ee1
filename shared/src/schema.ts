import { z } from "zod";
import { alignsToSchema } from "./alignment.ts";
import { idSchema } from "./id-schema.ts";
import { INNOVATION_STAGES, isGoalKind, NODE_KINDS } from "./kinds.ts";
import {
  INDICATOR_MAX,
  MAX_EDGES,
  MAX_MEASUREMENTS,
  MAX_NODES,
  NOTES_MAX,
  TITLE_MAX,
  UNIT_MAX,
} from "./limits.ts";

/**
 * The one definition of a logic model. Every type in the project is inferred from here, so the
 * file format, the Yjs layout, the server's write validation and the UI agree by construction.
 */

export { idSchema };

/** ISO calendar date; `z.iso.date` also rejects impossible dates such as 2025-02-30. */
export const isoDateSchema = z.iso.date("must be a date written YYYY-MM-DD");

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

const smartSchema = z.strictObject({
  indicator: indicatorSchema,
  unit: unitSchema,
  baseline: datedValueSchema.optional(),
  target: datedValueSchema.optional(),
  cohortSize: cohortSizeSchema.optional(),
});

export const measurementSchema = z.strictObject({
  date: isoDateSchema,
  value: finiteNumber,
  note: z.string().max(NOTES_MAX).optional(),
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

export const nodeSchema = z
  .strictObject({
    id: idSchema,
    kind: nodeKindSchema,
    title: titleSchema,
    notes: notesSchema.optional(),
    position: positionSchema.optional(),
    stage: innovationStageSchema.optional(),
    smart: smartSchema.optional(),
    measurements: z.array(measurementSchema).max(MAX_MEASUREMENTS).optional(),
    /** Goals of models above that this goal contributes to (file and layout version 2). */
    alignsTo: alignsToSchema.optional(),
  })
  .superRefine((node, ctx) => {
    if (node.stage !== undefined && node.kind !== "activity") {
      ctx.addIssue({
        code: "custom",
        path: ["stage"],
        message: "only activities carry an innovation stage",
      });
    }
    if (!isGoalKind(node.kind)) {
      for (const field of ["smart", "measurements", "alignsTo"] as const) {
        if (node[field] !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message:
              field === "alignsTo"
                ? "only goals (small-win, mid-journey, long-term) align to goals above"
                : "only goals (small-win, mid-journey, long-term) carry SMART targets and measurements",
          });
        }
      }
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
  nodes: z.array(nodeSchema).max(MAX_NODES, "a model holds at most 20,000 nodes"),
  edges: z.array(edgeSchema).max(MAX_EDGES, "a model holds at most 100,000 links"),
});

export type LogicNode = z.infer<typeof nodeSchema>;
export type LogicEdge = z.infer<typeof edgeSchema>;
export type LogicModel = z.infer<typeof modelSchema>;
export type SmartGoal = z.infer<typeof smartSchema>;
export type Measurement = z.infer<typeof measurementSchema>;
export type DatedValue = z.infer<typeof datedValueSchema>;
export type Position = z.infer<typeof positionSchema>;
