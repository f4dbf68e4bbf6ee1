import { Modal } from "../ui/Modal.tsx";
import type { ImportErrors, PendingImport } from "./use-model-import.ts";

/** Asks before a checked file replaces the model's cards for everyone. */
export function ImportConfirm(props: {
  pending: PendingImport;
  cardCount: number;
  busy: boolean;
  onReplace: () => void;
  onCancel: () => void;
}) {
  const { pending } = props;
  return (
    <Modal title="Replace this model?" onClose={props.onCancel} testId="confirm-import">
      <p>
        Replace the {props.cardCount} cards of this model with the {pending.nodeCount} cards of{" "}
        <strong>{pending.name}</strong>? Everyone here sees the change.
      </p>
      <div className="modal-actions">
        <button type="button" className="link-button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={props.busy} onClick={props.onReplace}>
          Replace
        </button>
      </div>
    </Modal>
  );
}

/** Every problem that keeps a file from being imported; nothing was changed. */
export function ImportErrorList({
  errors,
  onClose,
}: {
  errors: ImportErrors;
  onClose: () => void;
}) {
  return (
    <div className="export-popover import-errors" role="alert" data-testid="import-errors">
      <strong>
        {errors.name} cannot be imported ({errors.list.length}{" "}
        {errors.list.length === 1 ? "problem" : "problems"}); nothing was changed:
      </strong>
      <ul>
        {errors.list.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of problems
          <li key={i}>
            {e.path ? <code>{e.path}</code> : "The file"} {e.message}
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
