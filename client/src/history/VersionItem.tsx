import { actorName } from "@logic-canvas/shared";
import { formatMoment } from "../ui/dates.ts";
import { Modal } from "../ui/Modal.tsx";
import { timeAgo } from "../ui/time-ago.ts";
import type { VersionSummary } from "./history-api.ts";

/** One saved version: who saved it and when, open it, see what changed, restore it. */
export function VersionItem(props: {
  version: VersionSummary;
  busy: boolean;
  canEdit: boolean;
  confirming: boolean;
  onOpen: () => void;
  onDiff: () => void;
  onConfirm: (yes: boolean) => void;
  onRestore: () => void;
}) {
  const { version: v, busy } = props;
  return (
    <li className={`version kind-${v.kind}`} data-testid="version">
      <div>
        <strong className="version-label">{v.label}</strong>
        {v.kind === "auto" && <span className="muted small"> (automatic)</span>}
      </div>
      <div className="muted small">
        {actorName(v.createdBy)} · {timeAgo(v.createdAt)} · {formatMoment(v.createdAt)}
      </div>
      <div className="version-actions">
        <button type="button" className="secondary" disabled={busy} onClick={props.onOpen}>
          Open
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={props.onDiff}>
          What changed
        </button>
        {props.canEdit && (
          <button type="button" disabled={busy} onClick={() => props.onConfirm(true)}>
            Restore
          </button>
        )}
      </div>
      {props.confirming && (
        <Modal title={`Restore “${v.label}”?`} onClose={() => props.onConfirm(false)}>
          <p>
            The cards and links become what they were then, for everyone connected. Comments stay.
            The current state is saved first, so this can be undone by restoring it.
          </p>
          <div className="modal-actions">
            <button type="button" className="link-button" onClick={() => props.onConfirm(false)}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={props.onRestore}>
              Yes, restore
            </button>
          </div>
        </Modal>
      )}
    </li>
  );
}
