import type { LogicNode } from "@logic-canvas/shared";
import { alignmentRefusal, newInFile } from "../cascade/alignment-gate.ts";
import type { ApiDeps } from "./api.ts";
import { ApiError } from "./respond.ts";

/**
 * A model file sent to the API (new content, or a new model in a workspace) may not bring
 * alignments to goals its sender may not see: the rule the write gate and the alignments route
 * apply, on the alignments the file adds to what the model holds. Refused with 403, nothing written.
 */
export async function refuseUnseenAlignments(
  deps: ApiDeps,
  accountId: string | null,
  modelId: string | null,
  nodes: readonly LogicNode[],
  workspaceId?: string,
): Promise<void> {
  if (!nodes.some((n) => n.alignsTo?.length)) return;
  const current = modelId ? (await deps.cascade.goals.digest(modelId))?.goals : undefined;
  const added = newInFile(
    nodes,
    (current ?? []).map((g) => ({ id: g.node.id, alignsTo: g.alignsTo })),
  );
  const record = modelId ? await deps.store.getModel(modelId) : undefined;
  const refusal = await alignmentRefusal(
    deps.store,
    deps.cascade.goals,
    accountId,
    workspaceId ?? record?.workspaceId ?? null,
    added,
  );
  if (refusal)
    throw new ApiError(
      403,
      "alignment-refused",
      `This file cannot be saved: ${refusal}. Nothing was changed.`,
    );
}
