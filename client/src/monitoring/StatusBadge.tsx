import type { GoalStatusName, Measurement } from "@logic-canvas/shared";
import { STATUS_EXPLAINS, STATUS_LABEL, statusTodayText } from "./status-labels.ts";

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

/**
 * The judgement today beside the status at the last measurement, when they differ: the whole
 * sentence in panels and tables; on a card, "Off track today" with the sentence as its title.
 */
export function StatusToday({
  status,
  unit,
  compact = false,
}: {
  status: {
    behindToday: boolean;
    statusToday: GoalStatusName;
    latest?: Measurement;
    expectedNow?: number;
  };
  unit: string | undefined;
  compact?: boolean;
}) {
  const text = statusTodayText(status, unit);
  if (!text) return null;
  const className = `status-today status-${status.statusToday}${compact ? " badge compact" : ""}`;
  return (
    <span className={className} data-testid="status-today" title={compact ? text : undefined}>
      {compact ? `${STATUS_LABEL[status.statusToday]} today` : text}
      {compact && <span className="visually-hidden">: {text.slice(text.indexOf(":") + 1)}</span>}
    </span>
  );
}
