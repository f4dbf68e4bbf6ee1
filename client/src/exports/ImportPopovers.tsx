import { Modal } from "../ui/Modal.tsx";
import { ImportReport } from "./ImportReport.tsx";
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

/** Every problem that keeps a file from being imported (the import report); nothing was changed. */
export function ImportErrorList({
  errors,
  onClose,
}: {
  errors: ImportErrors;
  onClose: () => void;
}) {
  return (
    <Modal title="This file cannot be imported" onClose={onClose} testId="import-dialog">
      <ImportReport fileName={errors.name} problems={errors.list} nothing="Nothing was changed." />
    </Modal>
  );
}
