import { stageLabel } from "@logic-canvas/shared";
import { formatMoment } from "../ui/dates.ts";
import { requestCafe, useCafes } from "./use-cafe.ts";

/** The History panel's list of World Café sessions, each opening its record. */
export function CafeHistory() {
  const sessions = useCafes();
  if (sessions.length === 0) return null;
  return (
    <section aria-labelledby="cafe-history">
      <div className="history-head">
        <h4 id="cafe-history">World Café sessions</h4>
      </div>
      <ul className="cafe-list" data-testid="cafe-history">
        {sessions.map((s) => {
          const decided = s.proposals.filter((p) => p.status !== "open").length;
          return (
            <li key={s.id}>
              <button type="button" className="link-button" onClick={() => requestCafe(s.id)}>
                {s.title}
              </button>
              <span className="muted small">
                {" "}
                {formatMoment(s.createdAt)} · {stageLabel(s)} · {s.notes.length} notes · {decided}{" "}
                of {s.proposals.length} proposals decided
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
