import { z } from "zod";
import { actionPlanSchema, personRefSchema } from "./action-plan.ts";
import { innovationStageSchema } from "./schema.ts";

/**
 * The API shapes of action plans and the radar across models: `GET /api/my-actions` (a signed-in
 * person's actions in every model they may see) and `GET /api/workspaces/:wid/radar` (the
 * activities of every model at and under a workspace). Defined once, parsed by the page.
 */

export const myActionSchema = z.object({
  modelId: z.string(),
  modelTitle: z.string(),
  nodeId: z.string(),
  title: z.string(),
  stage: innovationStageSchema.optional(),
  plan: actionPlanSchema,
});
export type MyAction = z.infer<typeof myActionSchema>;

export const myActionsResponseSchema = z.object({
  person: personRefSchema,
  actions: z.array(myActionSchema),
  /** Models that could not be read (named), so a gap is said rather than hidden. */
  unreadable: z.array(z.string()),
});
export type MyActionsResponse = z.infer<typeof myActionsResponseSchema>;

export const workspaceRadarItemSchema = z.object({
  modelId: z.string(),
  modelTitle: z.string(),
  nodeId: z.string(),
  title: z.string(),
  stage: innovationStageSchema.optional(),
  owner: personRefSchema.optional(),
  team: z.object({ id: z.string(), name: z.string() }).optional(),
});
export const workspaceRadarResponseSchema = z.object({
  items: z.array(workspaceRadarItemSchema),
  unreadable: z.array(z.string()),
});
export type WorkspaceRadarResponse = z.infer<typeof workspaceRadarResponseSchema>;

/** `GET /api/models/:id/people`: the members of the model's workspace (and above), by person id. */
export const modelPeopleResponseSchema = z.object({ people: z.array(personRefSchema) });
export type ModelPeopleResponse = z.infer<typeof modelPeopleResponseSchema>;
