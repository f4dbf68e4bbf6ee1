import { type FileError, parseModelFile } from "@logic-canvas/shared";
import { type DragEvent, useRef, useState } from "react";

/**
 * Import from a file (picker or drop). The file is checked here first so every problem is listed
 * at once; the server checks it again and its list is shown the same way.
 */
export function ImportModel({
  disabled,
  onCreate,
}: {
  disabled: boolean;
  onCreate: (file: unknown) => Promise<void>;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [errors, setErrors] = useState<FileError[] | null>(null);
  const [fileName, setFileName] = useState("");

  async function load(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    setErrors(null);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (e) {
      setErrors([{ path: "", message: `is not valid JSON (${(e as Error).message})` }]);
      return;
    }
    const parsed = parseModelFile(json);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    await onCreate(json);
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
        onChange={(e) => {
          void load(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      {errors && (
        <div className="import-errors" role="alert">
          <strong>
            {fileName || "This file"} cannot be imported ({errors.length}{" "}
            {errors.length === 1 ? "problem" : "problems"}); nothing was created:
          </strong>
          <ul>
            {errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: errors are a fixed list
              <li key={i}>
                {e.path ? <code>{e.path}</code> : "The file"} {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
