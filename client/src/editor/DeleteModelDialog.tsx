import { type FormEvent, useState } from "react";
import { deleteModel } from "../app/api.ts";
import { ApiError } from "../app/json-api.ts";
import { forgetDeletedModel } from "../app/local-store.ts";
import { Modal } from "../ui/Modal.tsx";

/**
 * Deleting is for everyone and for good, so the owner types the model's title to confirm (a
 * click alone is too easy to make on the wrong model). People connected now are disconnected by
 * the server with "This model was deleted by its owner".
 */
export function DeleteModelDialog(props: {
  modelId: string;
  token: string;
  title: string;
  onClose: () => void;
}) {
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim() === props.title.trim();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!matches || busy) return;
    setBusy(true);
    setError(null);
    try {
      await deleteModel(props.modelId, props.token);
      forgetDeletedModel(props.modelId);
      window.location.assign(`/?deleted=${encodeURIComponent(props.title)}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setBusy(false);
    }
  }

  return (
    <Modal title="Delete this model?" onClose={props.onClose} testId="delete-model-dialog">
      <form className="delete-form" onSubmit={submit}>
        <p>
          This deletes <strong>“{props.title}”</strong> for everyone: its cards, links, comments,
          votes, versions and history. People who have it open are disconnected. It cannot be
          undone; export the model file first if you may want it back.
        </p>
        <label className="field">
          <span>Type the model's title to confirm</span>
          <input
            // biome-ignore lint/a11y/noAutofocus: the dialog asks for this one thing
            autoFocus
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="danger" disabled={!matches || busy}>
            {busy ? "Deleting…" : "Delete model"}
          </button>
        </div>
      </form>
    </Modal>
  );
}
