import { NAME_MAX } from "@logic-canvas/shared";
import { type FormEvent, useState } from "react";
import { setDisplayName } from "../app/local-store.ts";
import { Modal } from "../ui/Modal.tsx";

/**
 * Asks for the name shown to collaborators next to the cursor and on comments. A real dialog
 * (ui/Modal: role=dialog, aria-modal, labelled, Escape or Close cancels); focus starts in the
 * field. `onCancel` (Escape, Close, a click outside) lets the person go on without a name.
 */
export function DisplayNameDialog({
  onDone,
  onCancel,
  initial = "",
  why,
}: {
  onDone: (name: string) => void;
  onCancel: () => void;
  initial?: string;
  /** Why the name is asked now, e.g. "Your comments are signed with it." */
  why?: string;
}) {
  const [value, setValue] = useState(initial);
  function submit(event: FormEvent) {
    event.preventDefault();
    const name = value.trim();
    if (!name) return;
    setDisplayName(name);
    onDone(name);
  }
  return (
    <Modal title="What should collaborators call you?" onClose={onCancel} testId="name-dialog">
      <form className="name-form" onSubmit={submit}>
        <p className="muted">
          {why || "Shown next to your cursor and your comments."} Kept in this browser.
        </p>
        <label className="field">
          <span>Display name</span>
          <input
            data-autofocus
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
    </Modal>
  );
}
