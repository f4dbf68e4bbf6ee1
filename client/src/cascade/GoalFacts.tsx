import { KIND_LABELS } from "@logic-canvas/shared";
import { StatusBadge } from "../monitoring/StatusBadge.tsx";
import { formatValue } from "../monitoring/status-labels.ts";
import { formatDay } from "../ui/dates.ts";
import type { CascadeGoal } from "./cascade-types.ts";
import { attentionReasons } from "./map-tree.ts";

/** The model a goal lives in, opened by the person's workspace role. */
export const modelHref = (goal: Pick<CascadeGoal, "modelId">) => `/m/${goal.modelId}`;

/** "62% on 15 Sep 2026 → 80% by May 2027", or what is missing. */
export function latestText(goal: CascadeGoal): string {
  const latest = goal.latest
    ? `${formatValue(goal.latest.value, goal.unit)} on ${formatDay(goal.latest.date)}`
    : "not measured yet";
  const target = goal.target
    ? ` → ${formatValue(goal.target.value, goal.unit)} by ${formatDay(goal.target.date)}`
    : "";
  return `${latest}${target}`;
}

/** Status, latest value, the students arithmetic and what needs attention, for one goal. */
export function GoalFacts({ goal, compact = false }: { goal: CascadeGoal; compact?: boolean }) {
  const reasons = attentionReasons(goal);
  const broken = goal.alignsTo.filter((a) => a.broken);
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
        {latestText(goal)}
      </span>
      {goal.rollup && (
        <span
          className={`cascade-rollup${goal.rollup.short > 0 ? " is-short" : ""}`}
          data-testid="rollup"
        >
          {goal.rollup.text}
        </span>
      )}
      {broken.map((a) => (
        <span key={`${a.modelId}:${a.nodeId}`} className="cascade-warning is-broken">
          Broken alignment: {a.broken}
        </span>
      ))}
      {!compact &&
        reasons
          .filter((r) => !/^(off track|at risk|stale mid-journey goal|broken alignment)$/.test(r))
          .map((r) => (
            <span key={r} className="cascade-warning">
              {r}
            </span>
          ))}
    </>
  );
}
