import {
  actorName,
  describeActivity,
  type PlanReportInput,
  type PlanRevision,
  todayIso,
} from "@logic-canvas/shared";
import type { ApiDeps } from "../http/api.ts";
import { readModelFile } from "../models/model-files.ts";

/** The revision log entries a plan tells at most; older ones are summed up in one line. */
export const PLAN_REVISIONS_MAX = 200;

/**
 * What the written plan is made of, read from the server's own records: the model file (graph,
 * check-ins, review), the newest named version, and the revision log since it.
 */
export async function planInput(
  deps: Pick<ApiDeps, "store" | "hocuspocus" | "versions" | "activity">,
  modelId: string,
): Promise<PlanReportInput> {
  const file = await readModelFile(deps.store, deps.hocuspocus, modelId);
  const named = (await deps.versions.list(modelId))
    .filter((v) => v.kind === "named")
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
  // Entries of the last second may still be in memory only.
  await deps.activity.flush();
  const entries = await deps.store.listActivity(modelId, { limit: PLAN_REVISIONS_MAX });
  const revisions: PlanRevision[] = entries
    .filter((e) => !named || e.at > named.createdAt)
    .reverse()
    .map((e) => ({ at: e.at, who: actorName(e.by), what: describeActivity(e), reason: e.reason }));
  return {
    model: {
      title: file.title,
      masteryGoal: file.masteryGoal,
      nodes: file.nodes,
      edges: file.edges,
    },
    checkIns: file.checkIns ?? [],
    threads: file.review?.threads ?? [],
    revisions,
    since: named ? { label: named.label, createdAt: named.createdAt } : null,
    today: todayIso(),
  };
}
