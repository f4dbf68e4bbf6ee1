import { type CafeSession, canEditGraph, stageLabel } from "@logic-canvas/shared";
import { useState } from "react";
import { useReviewContext } from "../review/review-context.ts";
import { Modal } from "../ui/Modal.tsx";
import { CafeSessionView } from "./CafeSessionView.tsx";
import { NewCafeForm } from "./NewCafeForm.tsx";
import { useCafes } from "./use-cafe.ts";

/** The World Café's sessions: the list, a new one's form, or one session (`cafe-actions.tsx`). */
export function CafeDialog(props: {
  selected: string | null;
  onSelect: (id: string | null) => void;
  onClose: () => void;
}) {
  const ctx = useReviewContext();
  const sessions = useCafes();
  const session = sessions.find((s) => s.id === props.selected);
  return (
    <Modal title="World Café" onClose={props.onClose} testId="cafe-dialog">
      <div className="cafe">
        {!ctx && <p>The session opens once the comments have loaded.</p>}
        {ctx && session && (
          <>
            <button type="button" className="link-button" onClick={() => props.onSelect(null)}>
              ← All sessions
            </button>
            <CafeSessionView session={session} />
          </>
        )}
        {ctx && !session && <CafeList sessions={sessions} onSelect={props.onSelect} />}
      </div>
    </Modal>
  );
}

function CafeList(props: { sessions: CafeSession[]; onSelect: (id: string) => void }) {
  const ctx = useReviewContext();
  const facilitator = canEditGraph(ctx?.role ?? "");
  const [creating, setCreating] = useState(false);
  return (
    <section aria-labelledby="cafe-sessions">
      <h3 id="cafe-sessions">Sessions</h3>
      {props.sessions.length === 0 && (
        <p className="muted">
          No session yet.{" "}
          {facilitator ? "Start one below." : "An editor or owner of the model facilitates."}
        </p>
      )}
      <ul className="cafe-list">
        {props.sessions.map((s) => (
          <li key={s.id}>
            <button type="button" onClick={() => props.onSelect(s.id)}>
              {s.title}
            </button>{" "}
            <span className="muted small">
              {stageLabel(s)} · {s.tables.length} tables · {s.notes.length} notes
            </span>
          </li>
        ))}
      </ul>
      {facilitator && !creating && (
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New session
        </button>
      )}
      {facilitator && creating && (
        <NewCafeForm
          onCreated={(id) => {
            setCreating(false);
            props.onSelect(id);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
    </section>
  );
}
