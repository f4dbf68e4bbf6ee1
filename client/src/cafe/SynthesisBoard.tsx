import { CAFE_LIMITS, type CafeNote, type CafeSession } from "@logic-canvas/shared";
import { type DragEvent, type FormEvent, useState } from "react";
import { StickyNote } from "./NotesBoard.tsx";
import { ProposalList } from "./Proposals.tsx";
import { useCafeApi } from "./use-cafe.ts";

/**
 * Synthesis: the notes of every table, grouped into themes by dragging a note onto a theme (or,
 * from the keyboard, by the theme menu on each note). Each theme can carry proposed revisions.
 */
export function SynthesisBoard(props: { session: CafeSession; facilitator: boolean }) {
  const { session } = props;
  const editing = props.facilitator && session.phase === "synthesis";
  const api = useCafeApi();
  const [error, setError] = useState<string | null>(null);
  const group = (note: string, theme: string | null) =>
    api?.group(session.id, note, theme).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  const columns = [
    { id: null, title: "Not grouped yet" },
    ...session.themes.map((t) => ({ id: t.id, title: t.title })),
  ];
  return (
    <section className="synthesis" aria-labelledby="synthesis-title" data-testid="synthesis">
      <h4 id="synthesis-title">Themes</h4>
      {editing && <NewTheme session={session} onError={setError} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="theme-board">
        {columns.map((column) => {
          const notes = session.notes.filter((n) => (n.theme ?? null) === column.id);
          const drop = (event: DragEvent) => {
            event.preventDefault();
            const id = event.dataTransfer.getData("text/x-cafe-note");
            if (id) group(id, column.id);
          };
          return (
            <section
              key={column.id ?? "none"}
              className="theme-column"
              aria-label={column.title}
              data-testid={column.id ? "theme" : "ungrouped"}
              onDragOver={editing ? (e) => e.preventDefault() : undefined}
              onDrop={editing ? drop : undefined}
            >
              <h5>
                {column.title} <span className="muted small">({notes.length})</span>
              </h5>
              <ul className="sticky-list">
                {notes.map((note) => (
                  <StickyNote key={note.id} note={note} draggable={editing}>
                    {editing && <ThemeMenu session={session} note={note} onGroup={group} />}
                  </StickyNote>
                ))}
              </ul>
              {column.id && (
                <ProposalList session={session} theme={column.id} facilitator={props.facilitator} />
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}

/** The keyboard's way to group: a labelled menu of themes on each note. */
function ThemeMenu(props: {
  session: CafeSession;
  note: CafeNote;
  onGroup: (note: string, theme: string | null) => void;
}) {
  const { note } = props;
  return (
    <label className="small theme-menu">
      Theme
      <select
        value={note.theme ?? ""}
        onChange={(e) => props.onGroup(note.id, e.target.value || null)}
        aria-label={`Theme of the note “${note.text.slice(0, 40)}”`}
      >
        <option value="">Not grouped</option>
        {props.session.themes.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </select>
    </label>
  );
}

function NewTheme(props: { session: CafeSession; onError: (message: string | null) => void }) {
  const api = useCafeApi();
  const [title, setTitle] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return props.onError("Name the theme first.");
    try {
      await api?.theme(props.session.id, title);
      setTitle("");
      props.onError(null);
    } catch (e) {
      props.onError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form className="row" onSubmit={submit} aria-label="New theme">
      <label>
        New theme
        <input
          value={title}
          maxLength={CAFE_LIMITS.themeTitleLength}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <button type="submit">Add theme</button>
    </form>
  );
}
