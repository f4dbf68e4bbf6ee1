import type { GraphSummary } from "../http/graph-cache.ts";
import type { Draft } from "./service.ts";

/**
 * "A check-in date arriving": on a model's check-in day, each person who owns an activity of it
 * (its action plan's owner) gets one item naming their actions, so they come to the check-in
 * with them. The day is the server's UTC day. Every process may sweep: the dedupe key (model and
 * date) lets each person be rung once whoever sweeps first.
 */
export function checkInDrafts(modelId: string, summary: GraphSummary, today: string): Draft[] {
  if (!summary.checkIns.includes(today)) return [];
  const byOwner = new Map<string, string[]>();
  for (const a of summary.activities) {
    const owner = a.plan?.owner;
    if (!owner || a.plan?.status === "done") continue;
    byOwner.set(owner.id, [...(byOwner.get(owner.id) ?? []), a.title]);
  }
  return [...byOwner].map(([personId, titles]) => ({
    personId,
    kind: "checkIn" as const,
    dedupeKey: `checkIn:${modelId}:${today}`,
    modelId,
    excerpt: `your ${titles.length === 1 ? "action" : "actions"} ${titles.map((t) => `“${t}”`).join(", ")}`,
  }));
}
