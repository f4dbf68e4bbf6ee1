import { z } from "zod";
import { MAX_VALUES, MISSION_MAX, VALUE_MAX, VISION_MAX } from "./limits.ts";

/**
 * The school's mission, vision and values (seed 002), which a model may carry above its mastery
 * goal: shown in the banner, the exports and the print view. All three are optional; an empty
 * text or list is the same as none and is never stored.
 */

const chars = (max: number) => `must be at most ${max.toLocaleString("en")} characters`;

export const missionSchema = z.string().max(MISSION_MAX, chars(MISSION_MAX));
export const visionSchema = z.string().max(VISION_MAX, chars(VISION_MAX));
/** One value, such as "Every student known by name". The length is checked before trimming. */
export const valueSchema = z
  .string()
  .max(VALUE_MAX, chars(VALUE_MAX))
  .trim()
  .min(1, "must not be empty");
export const valuesSchema = z
  .array(valueSchema, { error: "must be a list of short texts" })
  .max(MAX_VALUES, `a model lists at most ${MAX_VALUES} values`);

/** The optional model fields, spread into `modelSchema`. */
export const purposeShape = {
  mission: missionSchema.optional(),
  vision: visionSchema.optional(),
  values: valuesSchema.optional(),
};

export interface Purpose {
  mission?: string;
  vision?: string;
  values?: string[];
}

/** The purpose as stored: blank texts and blank values dropped, values trimmed. */
export function tidyPurpose(purpose: Purpose): Purpose {
  const out: Purpose = {};
  if (purpose.mission?.trim()) out.mission = purpose.mission.trim();
  if (purpose.vision?.trim()) out.vision = purpose.vision.trim();
  const values = (purpose.values ?? []).map((v) => v.trim()).filter((v) => v !== "");
  if (values.length) out.values = values;
  return out;
}

export function hasPurpose(purpose: Purpose): boolean {
  return !!(purpose.mission || purpose.vision || purpose.values?.length);
}
