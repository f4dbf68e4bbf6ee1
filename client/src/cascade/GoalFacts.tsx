import { KIND_LABELS } from "@logic-canvas/shared/light";
import { modelHref } from "../app/routes.ts";
import { StatusBadge } from "../monitoring/StatusBadge.tsx";
import { formatValue } from "../monitoring/status-labels.ts";
import { formatDay } from "../ui/dates.ts";
import type { MapNodeView } from "./cascade-types.ts";
import { attentionReasons } from "./map-tree.ts";

/** "62% on 15 Sep 2026", or "Not measured yet". */
export function latestText(goal: Pick<MapNodeView, "latest" | "unit">): string {
  return goal.latest
    ? `${formatValue(goal.latest.value, goal.unit ?? undefined)} on ${formatDay(goal.latest.date)}`
    : "Not measured yet";
}

const STATUS_REASONS = /^(Off track|At risk|Stale: )/;

/** Status, latest value, the students arithmetic and what needs attention, for one goal. */
export function GoalFacts({
  goal,
  level,
}: {
  goal: MapNodeView;
  /** A top goal says everything; a goal in a workspace card, less; a row, the least. */
  level: "root" | "card" | "row";
}) {
  const compact = level !== "root";
  const reasons = attentionReasons(goal).filter((r) => !STATUS_REASONS.test(r));
  return (
    <>
      <span className="cascade-goal-line">
        <StatusBadge status={goal.status} stale={goal.stale} compact />
        <a href={modelHref(goal)} className="cascade-goal-title">
          {goal.title}
        </a>
        {!compact && <span className="cascade-kind">{KIND_LABELS[goal.kind].short}</span>}
      </span>
      <span className="cascade-latest" data-testid="latest-value">
        {level === "row" && <span className="map-place-inline">{goal.workspaceName} · </span>}
        Latest: {latestText(goal)}
        {goal.studentsSentence && level === "root" && ` · ${goal.studentsSentence}`}
      </span>
      {goal.rollupSentence && (
        <span className="cascade-rollup" data-testid="rollup">
          {goal.rollupSentence}
        </span>
      )}
      {reasons.map((r) => (
        <span key={r} className={`cascade-warning${r.startsWith("Broken") ? " is-broken" : ""}`}>
          {r}
        </span>
      ))}
    </>
  );
}
