import {
  type CafeNote,
  type CafeSession,
  canEditGraph,
  canWriteReview,
  clockText,
  nextStepLabel,
  remainingMs,
  revealedPrompts,
  stageKey,
  stageLabel,
} from "@logic-canvas/shared";
import { useState } from "react";
import { useReviewContext } from "../review/review-context.ts";
import { useReviewSnapshot } from "../review/review-hooks.ts";
import { CafeRecord } from "./CafeRecord.tsx";
import { NoteForm, NotesBoard } from "./NotesBoard.tsx";
import { SynthesisBoard } from "./SynthesisBoard.tsx";
import { useCafeApi, useServerNow } from "./use-cafe.ts";

/** One session, live: the stage and its timer, the prompts, the tables and their notes. */
export function CafeSessionView({ session }: { session: CafeSession }) {
  const ctx = useReviewContext();
  const me = useReviewSnapshot().me;
  const facilitator = canEditGraph(ctx?.role ?? "");
  const seat = session.participants.find((p) => p.person.id === me?.id);
  const [printing, setPrinting] = useState(false);
  const rounds = session.phase === "draft" || session.phase === "round";
  return (
    <article className="cafe-session" aria-labelledby="cafe-title">
      <header className="cafe-head">
        <h3 id="cafe-title">{session.title}</h3>
        <span className="cafe-stage" data-testid="cafe-stage">
          {stageLabel(session)}
        </span>
        {session.phase === "round" && <RoundTimer session={session} />}
        <button type="button" onClick={() => setPrinting(!printing)}>
          {printing ? "Hide the record" : "Record…"}
        </button>
      </header>
      <Prompts session={session} />
      {facilitator && <FacilitatorStep session={session} />}
      {rounds && <TablePicker session={session} seatTable={seat?.table ?? null} />}
      {rounds && seat && session.phase === "round" && <NoteForm session={session} />}
      {rounds && (
        <NotesBoard
          session={session}
          tables={facilitator ? session.tables.map((t) => t.id) : seat ? [seat.table] : []}
        />
      )}
      {!rounds && <SynthesisBoard session={session} facilitator={facilitator} />}
      {printing && <CafeRecord session={session} />}
    </article>
  );
}

function RoundTimer({ session }: { session: CafeSession }) {
  const now = useServerNow(useCafeApi());
  const left = remainingMs(session, now);
  return (
    <span
      className={`cafe-timer${left === 0 ? " cafe-timer-over" : ""}`}
      data-testid="cafe-timer"
      role="timer"
      aria-label={`Time left in round ${session.round}`}
    >
      {left === 0 ? "Time is up" : clockText(left)}
    </span>
  );
}

function Prompts({ session }: { session: CafeSession }) {
  const shown = revealedPrompts(session);
  if (shown.length === 0)
    return (
      <p className="muted">The facilitator reveals the first prompt when the room is ready.</p>
    );
  return (
    <ol className="cafe-prompts" aria-label="Prompts">
      {shown.map((prompt, i) => (
        <li key={prompt} aria-current={session.round === i + 1 ? "step" : undefined}>
          {prompt}
        </li>
      ))}
    </ol>
  );
}

function FacilitatorStep({ session }: { session: CafeSession }) {
  const api = useCafeApi();
  const [error, setError] = useState<string | null>(null);
  const label = nextStepLabel(session);
  if (!label) return null;
  const step = () =>
    api?.advance(session.id, stageKey(session)).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  return (
    <div className="cafe-step">
      <button type="button" className="primary" onClick={step} data-testid="cafe-next">
        {label}
      </button>
      <span className="muted small">
        {session.participants.length} seated · {session.notes.length} notes
      </span>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function TablePicker({ session, seatTable }: { session: CafeSession; seatTable: string | null }) {
  const ctx = useReviewContext();
  const api = useCafeApi();
  const [error, setError] = useState<string | null>(null);
  if (!ctx || !canWriteReview(ctx.role)) return null;
  if (!ctx.displayName)
    return (
      <p>
        <button type="button" onClick={ctx.askName}>
          Give your name to join a table
        </button>
      </p>
    );
  const sit = (table: string) =>
    api?.seat(session.id, table).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  return (
    <fieldset className="cafe-tables">
      <legend>{seatTable ? "Your table (move between rounds)" : "Choose a table"}</legend>
      {session.tables.map((table) => {
        const people = session.participants.filter((p) => p.table === table.id).length;
        return (
          <button
            key={table.id}
            type="button"
            aria-pressed={seatTable === table.id}
            onClick={() => sit(table.id)}
          >
            {table.name} <span className="small">({people})</span>
          </button>
        );
      })}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export const notesAt = (session: CafeSession, table: string): CafeNote[] =>
  session.notes.filter((n) => n.table === table);
