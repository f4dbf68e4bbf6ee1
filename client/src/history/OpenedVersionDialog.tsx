import type { LogicModel } from "@logic-canvas/shared";
import { PrintView } from "../exports/PrintView.tsx";
import { Modal } from "../ui/Modal.tsx";
import { DiffView } from "./DiffView.tsx";
import type { OpenedVersion } from "./use-version-history.ts";

/** A version opened from the list: what changed since it, or the model as it was (read-only). */
export function OpenedVersionDialog(props: {
  opened: OpenedVersion;
  model: LogicModel;
  onClose: () => void;
}) {
  const { opened, model, onClose } = props;
  if (opened.kind === "diff") {
    return (
      <Modal
        title={`What changed since “${opened.version.label}”`}
        onClose={onClose}
        testId="diff-dialog"
      >
        <DiffView diff={opened.diff} label={opened.version.label} model={model} />
      </Modal>
    );
  }
  return (
    <Modal title={`“${opened.version.label}” (read-only)`} onClose={onClose} testId="version-view">
      <PrintView model={opened.model} />
    </Modal>
  );
}
