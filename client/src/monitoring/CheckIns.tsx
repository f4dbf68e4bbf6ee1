import { isoDateSchema, type ModelProgressSummary } from "@logic-canvas/shared";
import { useId, useState } from "react";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import { formatDay } from "../ui/dates.ts";

/** The model's check-in dates ("signposts"): the next one, the list, and what is not measured. */
export function CheckIns({
  binding,
  checkIns,
  summary,
  readOnly,
}: {
  binding: YjsFlowBinding;
  checkIns: string[];
  summary: ModelProgressSummary;
  readOnly: boolean;
}) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const [error, setError] = useState("");
  const unmeasured = summary.goals.filter((g) => g.notMeasuredSinceLastCheckIn);
  return (
    <section className="check-ins" aria-label="Check-ins" data-testid="check-ins">
      <h3>Check-ins</h3>
      <p data-testid="next-check-in">
        {summary.nextCheckIn ? (
          <>
            Next check-in: <strong>{formatDay(summary.nextCheckIn)}</strong>
          </>
        ) : (
          "No check-in planned."
        )}
        {summary.lastCheckIn && (
          <span className="muted"> · last: {formatDay(summary.lastCheckIn)}</span>
        )}
      </p>
      {checkIns.length > 0 && (
        <ul className="check-in-list">
          {checkIns.map((date) => (
            <li key={date}>
              {formatDay(date)}
              {!readOnly && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Remove the check-in of ${formatDay(date)}`}
                  onClick={() => binding.removeCheckIn(date)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form
          className="check-in-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!isoDateSchema.safeParse(draft).success) {
              setError("Choose a date for the check-in.");
              return;
            }
            if (binding.addCheckIn(draft)) {
              setDraft("");
              setError("");
            }
          }}
        >
          <label htmlFor={id}>Add a check-in</label>
          <input
            id={id}
            type="date"
            value={draft}
            data-testid="check-in-date"
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit">Add</button>
          {error && (
            <span className="field-error" role="alert">
              {error}
            </span>
          )}
        </form>
      )}
      {summary.lastCheckIn && (
        <div data-testid="not-measured-since">
          {unmeasured.length === 0 ? (
            <p className="muted">
              Every goal has a measurement since {formatDay(summary.lastCheckIn)}.
            </p>
          ) : (
            <details className="unmeasured">
              <summary>
                {unmeasured.length} {unmeasured.length === 1 ? "goal has" : "goals have"} no
                measurement since the last check-in ({formatDay(summary.lastCheckIn)})
              </summary>
              <ul className="unmeasured-list">
                {unmeasured.map((g) => (
                  <li key={g.nodeId}>{g.title}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
