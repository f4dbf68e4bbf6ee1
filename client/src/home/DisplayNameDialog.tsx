import { NAME_MAX } from "@logic-canvas/shared";
import { type FormEvent, useState } from "react";
import { setDisplayName } from "../app/local-store.ts";

/** Asked once; the name is shown to collaborators next to the cursor and on comments. */
export function DisplayNameDialog({ onDone }: { onDone: (name: string) => void }) {
  const [value, setValue] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    const name = value.trim();
    if (!name) return;
    setDisplayName(name);
    onDone(name);
  }
  return (
    <div className="modal-backdrop">
      <form className="modal" onSubmit={submit} aria-labelledby="name-title">
        <h2 id="name-title">What should collaborators call you?</h2>
        <p className="muted">Shown next to your cursor and your comments. Kept in this browser.</p>
        <label className="field">
          <span>Display name</span>
          <input
            // biome-ignore lint/a11y/noAutofocus: the dialog exists only to ask this one question
            autoFocus
            value={value}
            maxLength={NAME_MAX}
            onChange={(e) => setValue(e.target.value)}
            placeholder="e.g. Maria, grade 3 lead"
          />
        </label>
        <button type="submit" className="primary" disabled={!value.trim()}>
          Continue
        </button>
      </form>
    </div>
  );
}
