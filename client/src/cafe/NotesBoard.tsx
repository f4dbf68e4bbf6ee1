import {
  CAFE_LIMITS,
  type CafeNote,
  type CafeSession,
  NOTE_TAGS,
  type NoteTag,
} from "@logic-canvas/shared";
import { type FormEvent, type ReactNode, useState } from "react";
import { cardTitle, useCafeModel } from "./cafe-model.ts";
import { useCafeApi } from "./use-cafe.ts";

export const TAG_LABELS: Record<NoteTag, string> = {
  concern: "Concern",
  celebration: "Celebration",
  idea: "Idea",
};

/** A sticky note: its tag (in words and colour), text, the card it is pinned to, its author. */
export function StickyNote(props: { note: CafeNote; children?: ReactNode; draggable?: boolean }) {
  const { note } = props;
  const model = useCafeModel();
  const pinned = cardTitle(model, note.cardId);
  return (
    <li
      className={`sticky sticky-${note.tag}`}
      data-testid="sticky-note"
      draggable={props.draggable}
      onDragStart={(e) => e.dataTransfer.setData("text/x-cafe-note", note.id)}
    >
      <span className="sticky-tag">{TAG_LABELS[note.tag]}</span>
      <p className="sticky-text">{note.text}</p>
      {pinned && <p className="sticky-card small">On “{pinned}”</p>}
      <p className="sticky-author small">
        {note.author.name} · round {note.round}
      </p>
      {props.children}
    </li>
  );
}

/** The notes of the given tables, one column each. */
export function NotesBoard({ session, tables }: { session: CafeSession; tables: string[] }) {
  if (tables.length === 0)
    return <p className="muted">Choose a table to see and write its notes.</p>;
  return (
    <div className="cafe-board">
      {session.tables
        .filter((t) => tables.includes(t.id))
        .map((table) => {
          const notes = session.notes.filter((n) => n.table === table.id);
          return (
            <section key={table.id} className="cafe-table" aria-label={`Table ${table.name}`}>
              <h4>
                {table.name} <span className="muted small">({notes.length} notes)</span>
              </h4>
              <ul className="sticky-list">
                {notes.map((note) => (
                  <StickyNote key={note.id} note={note} />
                ))}
              </ul>
            </section>
          );
        })}
    </div>
  );
}

/** A new note at this person's table: a tag, the text, and optionally a card it is about. */
export function NoteForm({ session }: { session: CafeSession }) {
  const api = useCafeApi();
  const model = useCafeModel();
  const [tag, setTag] = useState<NoteTag>("idea");
  const [text, setText] = useState("");
  const [card, setCard] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setError("Write the note first.");
    try {
      await api?.note(session.id, { tag, text, ...(card ? { cardId: card } : {}) });
      setText("");
      setCard("");
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form className="cafe-note-form" onSubmit={submit} aria-label="New note">
      <fieldset className="tag-choice">
        <legend>Kind of note</legend>
        {NOTE_TAGS.map((t) => (
          <label key={t} className={`tag-${t}`}>
            <input type="radio" name="tag" checked={tag === t} onChange={() => setTag(t)} />
            {TAG_LABELS[t]}
          </label>
        ))}
      </fieldset>
      <label>
        Note
        <textarea
          rows={2}
          value={text}
          maxLength={CAFE_LIMITS.noteLength}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <label>
        About a card (optional)
        <select value={card} onChange={(e) => setCard(e.target.value)}>
          <option value="">The model as a whole</option>
          {model.nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.title.slice(0, 80)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary">
        Add note
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
