import { type FileError, parseModelFile } from "@logic-canvas/shared";
import { type DragEvent, useRef, useState } from "react";

/**
 * Import from a file (picker or drop). The file is checked here first so every problem is listed
 * at once (the page shows them in the import report); the server checks it again, and its list
 * is shown the same way.
 */
export function ImportModel({
  disabled,
  onCreate,
  onProblems,
}: {
  disabled: boolean;
  onCreate: (file: unknown, fileName: string) => Promise<void>;
  /** The file cannot be imported: its problems, or null when a new file is being read. */
  onProblems: (report: { fileName: string; problems: FileError[] } | null) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  async function load(file: File | undefined) {
    if (!file) return;
    onProblems(null);
    const parsed = parseModelFile(await file.text());
    if (!parsed.ok) {
      onProblems({ fileName: file.name, problems: parsed.errors });
      return;
    }
    // The file as read (a byte-order mark and all): the server checks it again.
    await onCreate(parsed.file, file.name);
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    void load(event.dataTransfer.files[0]);
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the button inside is the keyboard path
    <div
      className={`start-card import-card${over ? " drop-over" : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="import-drop"
    >
      <span className="start-title">Import a model file</span>
      <span className="start-sub">Drop a .json model file here, or</span>
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
        Choose a file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        aria-label="Model file to import"
        // Invisible: the "Choose a file…" button opens it, so it must not be a Tab stop of its own.
        tabIndex={-1}
        onChange={(e) => {
          void load(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
    </div>
  );
}
