import type { GraphSummary } from "../http/graph-summary.ts";
import type { Draft } from "./service.ts";

/**
 * "A goal they own going off track" when no one changed it: the plan's line moved past its
 * latest measurement as the days went by (`fellBehindWithTime`). The daily sweep asks each
 * model's summary; the key names the goal and that measurement, so the owner hears once per
 * measurement however many processes sweep, and again only after a new one falls behind too.
 */
export function fellBehindDrafts(modelId: string, summary: GraphSummary): Draft[] {
  return summary.fellBehind.map((goal) => ({
    personId: goal.owner.id,
    kind: "offTrack" as const,
    dedupeKey: `fellBehind:${modelId}:${goal.nodeId}:${goal.latestDate}`,
    modelId,
    excerpt: goal.words,
    nodeId: goal.nodeId,
  }));
}
