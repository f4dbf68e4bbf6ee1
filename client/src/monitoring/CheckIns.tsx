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
  return (
    <section className="check-ins" aria-label="Check-ins" data-testid="check-ins">
      <h3>Check-ins</h3>
      <NextCheckIn summary={summary} />
      {checkIns.length > 0 && (
        <CheckInList binding={binding} checkIns={checkIns} readOnly={readOnly} />
      )}
      {!readOnly && <AddCheckInForm binding={binding} />}
      {summary.lastCheckIn && (
        <NotMeasuredSince summary={summary} lastCheckIn={summary.lastCheckIn} />
      )}
    </section>
  );
}

/** The one line a leader reads first: when the next check-in is, and when the last one was. */
function NextCheckIn({ summary }: { summary: ModelProgressSummary }) {
  return (
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
  );
}

/** Every planned date; editors get a remove button per date, readers only the dates. */
function CheckInList({
  binding,
  checkIns,
  readOnly,
}: {
  binding: YjsFlowBinding;
  checkIns: string[];
  readOnly: boolean;
}) {
  return (
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
  );
}

/**
 * Adds one date. The date is checked here so an empty or half-typed input gets words, not a
 * silent refusal; the draft is cleared only when the binding accepted it.
 */
function AddCheckInForm({ binding }: { binding: YjsFlowBinding }) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const [error, setError] = useState("");
  return (
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
  );
}

/** Which goals went unmeasured since the last check-in: the list a leader chases before the next. */
function NotMeasuredSince({
  summary,
  lastCheckIn,
}: {
  summary: ModelProgressSummary;
  lastCheckIn: string;
}) {
  const unmeasured = summary.goals.filter((g) => g.notMeasuredSinceLastCheckIn);
  return (
    <div data-testid="not-measured-since">
      {unmeasured.length === 0 ? (
        <p className="muted">Every goal has a measurement since {formatDay(lastCheckIn)}.</p>
      ) : (
        <details className="unmeasured">
          <summary>
            {unmeasured.length} {unmeasured.length === 1 ? "goal has" : "goals have"} no measurement
            since the last check-in ({formatDay(lastCheckIn)})
          </summary>
          <ul className="unmeasured-list">
            {unmeasured.map((g) => (
              <li key={g.nodeId}>{g.title}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
