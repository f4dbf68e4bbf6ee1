import { z } from "zod";
import { CYCLE_REASON_MAX, CYCLE_TEXT_MAX, MAX_CYCLE_ACTIVITIES, MAX_CYCLES } from "./limits.ts";
import { idSchema, isoDateSchema } from "./scalars.ts";

/**
 * A PDCA cycle on a goal (issue 17): Plan (what we will try, until when), Do (the activities
 * involved), Check (the date the team looks at the cycle's measurements, and what it saw), Act
 * (adopt, adapt or abandon, with a reason). Each phase is optional and holds only plain fields,
 * with no rule across phases: the same schema describes a whole cycle in the file and one saved
 * phase in the document's cycle log, so whatever the gate stores folds into a cycle every reader
 * accepts. The rules between phases live in `pdca.ts` and the typed mutations.
 */

export const PDCA_DECISIONS = ["adopt", "adapt", "abandon"] as const;
export type PdcaDecision = (typeof PDCA_DECISIONS)[number];

const cycleTextSchema = z
  .string()
  .max(CYCLE_TEXT_MAX, `must be at most ${CYCLE_TEXT_MAX.toLocaleString("en")} characters`);

export const cyclePlanSchema = z.strictObject({
  what: cycleTextSchema,
  until: isoDateSchema.optional(),
  /** The day the cycle was started. */
  started: isoDateSchema.optional(),
});

export const cycleDoSchema = z.strictObject({
  activities: z
    .array(idSchema)
    .max(MAX_CYCLE_ACTIVITIES, `a cycle links at most ${MAX_CYCLE_ACTIVITIES} activities`),
});

export const cycleCheckSchema = z.strictObject({
  date: isoDateSchema.optional(),
  findings: cycleTextSchema.optional(),
});

export const cycleActSchema = z.strictObject({
  decision: z.enum(PDCA_DECISIONS, { error: `must be one of ${PDCA_DECISIONS.join(", ")}` }),
  reason: z
    .string()
    .max(CYCLE_REASON_MAX, `must be at most ${CYCLE_REASON_MAX.toLocaleString("en")} characters`),
  decided: isoDateSchema.optional(),
});

export const cycleSchema = z.strictObject({
  id: idSchema,
  plan: cyclePlanSchema.optional(),
  do: cycleDoSchema.optional(),
  check: cycleCheckSchema.optional(),
  act: cycleActSchema.optional(),
});

export const cyclesSchema = z
  .array(cycleSchema)
  .max(MAX_CYCLES, `a goal runs at most ${MAX_CYCLES} cycles`);

export type PdcaCycle = z.infer<typeof cycleSchema>;
export type CyclePlan = z.infer<typeof cyclePlanSchema>;
export type CycleDo = z.infer<typeof cycleDoSchema>;
export type CycleCheck = z.infer<typeof cycleCheckSchema>;
export type CycleAct = z.infer<typeof cycleActSchema>;
