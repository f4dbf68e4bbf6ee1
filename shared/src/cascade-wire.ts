import { z } from "zod";
import { modelIdSchema } from "./alignment.ts";
import { CASCADE_WARNING_CODES } from "./cascade-warnings.ts";
import { GOAL_KINDS } from "./kinds.ts";
import { GOAL_STATUSES } from "./progress.ts";
import { idSchema, isoDateSchema } from "./schema.ts";
import { workspaceKindSchema } from "./workspaces.ts";

export { searchOf } from "./search-params.ts";

/**
 * The pieces every cascade answer is built of (cascade-api.ts for a model's goals,
 * cascade-map-api.ts for the map, cascade-progress-api.ts for the progress rows): where a goal
 * sits, its status, a measurement, a warning, and why an alignment leads nowhere.
 */

export const goalKindSchema = z.enum(GOAL_KINDS);
export const statusSchema = z.enum(GOAL_STATUSES);
export const measurementView = z.object({ date: isoDateSchema, value: z.number() });

/** Where a goal sits: its model and that model's workspace. */
export const goalPlace = {
  modelId: modelIdSchema,
  modelTitle: z.string(),
  workspaceId: z.string(),
  workspaceName: z.string(),
  workspaceKind: workspaceKindSchema,
  cardId: idSchema,
  kind: goalKindSchema,
  title: z.string(),
};

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

export const cascadeWarningSchema = z.object({
  code: z.enum(CASCADE_WARNING_CODES),
  message: z.string(),
  modelId: modelIdSchema,
  cardId: idSchema,
});
export type CascadeWarningView = z.infer<typeof cascadeWarningSchema>;

/** A yes/no query parameter: `1`/`true` or `0`/`false`, read as a boolean. */
export const flagParam = (name: string) =>
  z
    .enum(["1", "0", "true", "false"], { error: `${name} must be 1 or 0` })
    .transform((v) => v === "1" || v === "true");
