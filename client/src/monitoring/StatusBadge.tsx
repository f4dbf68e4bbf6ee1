import type { GoalStatusName } from "@logic-canvas/shared";
import { STATUS_EXPLAINS, STATUS_LABEL } from "./status-labels.ts";

/** A goal's status in words and colour, with the stale flag for mid-journey goals. */
export function StatusBadge({
  status,
  stale = false,
  compact = false,
}: {
  status: GoalStatusName;
  stale?: boolean;
  compact?: boolean;
}) {
  return (
    <span className="status-badges">
      <span
        className={`badge goal-status status-${status}${compact ? " compact" : ""}`}
        title={`${STATUS_LABEL[status]}: ${STATUS_EXPLAINS[status]}`}
        data-testid="goal-status"
        data-status={status}
      >
        <span className="status-dot" aria-hidden="true" />
        {compact ? (
          <span className="visually-hidden">{STATUS_LABEL[status]}</span>
        ) : (
          STATUS_LABEL[status]
        )}
      </span>
      {stale && (
        <span
          className="badge stale-flag"
          data-testid="stale-flag"
          title="No measurement for more than 60 days: mid-journey is where monitoring usually stalls."
        >
          Stale
        </span>
      )}
    </span>
  );
}
