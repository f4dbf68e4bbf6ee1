import {
  ACTION_STATUS_LABELS,
  type ActionPlan,
  daysUntilDue,
  dueState,
  todayIso,
} from "@logic-canvas/shared";
import { memo } from "react";
import { formatDay } from "../ui/dates.ts";
import { OwnerMark } from "./OwnerMark.tsx";
import "./plans.css";

/** "due in 3 days", "2 days overdue": the words behind the card's short mark. */
export function dueWords(plan: ActionPlan | undefined, today: string): string | null {
  const days = daysUntilDue(plan, today);
  if (days === null || !plan?.due) return null;
  if (plan.status === "done") return `done (was due ${formatDay(plan.due)})`;
  if (days < 0) return `${-days} day${days === -1 ? "" : "s"} overdue (due ${formatDay(plan.due)})`;
  if (days === 0) return "due today";
  return `due ${formatDay(plan.due)}`;
}

function shortDue(state: ReturnType<typeof dueState>, due: string): string {
  if (state === "overdue") return `Overdue since ${formatDay(due)}`;
  if (state === "done") return "Done";
  return `Due ${formatDay(due)}`;
}

/**
 * An activity's owner initials and due or overdue mark on its card. Memoised on the plan object,
 * which the binding keeps identical until the card changes, so panning never recomputes it.
 */
function CardPlanMarkView({ plan, today }: { plan: ActionPlan; today?: string }) {
  const now = today ?? todayIso();
  const state = dueState(plan, now);
  const words = dueWords(plan, now);
  const status =
    plan.status && plan.status !== "notStarted" ? ACTION_STATUS_LABELS[plan.status] : null;
  return (
    <>
      {plan.owner && <OwnerMark owner={plan.owner} testId="plan-owner" />}
      {words && (
        <span className={`badge plan-due plan-due-${state}`} data-testid="plan-due" title={words}>
          {shortDue(state, plan.due ?? "")}
          <span className="visually-hidden">: {words}</span>
        </span>
      )}
      {status && plan.status !== "done" && (
        <span
          className={`badge plan-status plan-status-${plan.status}`}
          title={plan.blockedReason ?? status}
        >
          {status}
        </span>
      )}
    </>
  );
}

export const CardPlanMark = memo(CardPlanMarkView);
