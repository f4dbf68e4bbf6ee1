import { LoadedPart } from "../ui/LoadedPart.tsx";
import "./measurement-import.css";
import { lazy, type ReactNode, useEffect, useState } from "react";
import type { BindingSnapshot, YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import type { ToolbarAction } from "../editor/toolbar-actions.ts";
import { onMeasurementImportRequest } from "./import-request.ts";

// The dialog (file reading, mapping, checks) loads when first opened, not before the first cards.
const ImportDialog = lazy(() =>
  import("./ImportDialog.tsx").then((m) => ({ default: m.ImportDialog })),
);

/**
 * "Import measurements…" under More: a CSV or Excel file, its columns mapped (guessed from the
 * headers; none to map for Logic Canvas's own CSV), every row checked in words, problems fixed or
 * rows left out, then Apply writes every measurement in one transaction: one step of undo.
 */
export function useMeasurementImportActions(props: {
  binding: YjsFlowBinding;
  snapshot: BindingSnapshot;
  readOnly: boolean;
}): { actions: ToolbarAction[]; overlays: ReactNode } {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState("");
  useEffect(() => onMeasurementImportRequest(() => setOpen(true)), []);
  const actions: ToolbarAction[] = props.readOnly
    ? []
    : [
        {
          id: "import-measurements",
          label: "Import measurements…",
          title:
            "Measurements from a spreadsheet (CSV or Excel), mapped and checked before they are added",
          priority: 245,
          testId: "import-measurements",
          run: () => setOpen(true),
        },
      ];
  const overlays = (
    <>
      {open && (
        <LoadedPart fallback={null}>
          <ImportDialog
            binding={props.binding}
            snapshot={props.snapshot}
            onClose={() => setOpen(false)}
            onDone={(message) => {
              setOpen(false);
              setDone(message);
            }}
          />
        </LoadedPart>
      )}
      {done && (
        <div className="export-popover" role="status" data-testid="mi-done">
          {done}{" "}
          <button type="button" className="link-button" onClick={() => setDone("")}>
            Close
          </button>
        </div>
      )}
    </>
  );
  return { actions, overlays };
}
