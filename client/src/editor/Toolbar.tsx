import { KIND_LABELS, NODE_KINDS } from "@logic-canvas/shared";
import { useReactFlow } from "@xyflow/react";
import type { ReactNode } from "react";
import { fitModel } from "../canvas/fit-model.ts";
import { createCardToEdit } from "../canvas/title-edit.ts";
import { kindNoun, type YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";

/** Editing commands. Grouped so later features add their own group (export, versions…). */
export function Toolbar({
  binding,
  readOnly,
  canUndo,
  canRedo,
  onLayout,
  onHelp,
  extra,
}: {
  binding: YjsFlowBinding;
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onLayout: () => void;
  onHelp: () => void;
  /** Groups other features add (export, import, print). */
  extra?: ReactNode;
}) {
  const flow = useReactFlow();
  return (
    <div className="toolbar" role="toolbar" aria-label="Canvas tools">
      {!readOnly && (
        <fieldset className="tool-group">
          <legend className="visually-hidden">Add a card</legend>
          {NODE_KINDS.map((kind, i) => (
            <button
              key={kind}
              type="button"
              className={`add-button kind-${kind}`}
              title={`${KIND_LABELS[kind].explains} (N, ${i + 1})`}
              onClick={() => createCardToEdit(binding, flow, kind)}
            >
              <span className="swatch" aria-hidden="true" />+ {kindNoun(kind)}
            </button>
          ))}
        </fieldset>
      )}
      {!readOnly && (
        <div className="tool-group">
          <button
            type="button"
            onClick={() => binding.undoLast()}
            disabled={!canUndo}
            title="Undo your last change (Ctrl/Cmd+Z)"
          >
            Undo
          </button>
          <button
            type="button"
            onClick={() => binding.redoLast()}
            disabled={!canRedo}
            title="Redo (Shift+Ctrl/Cmd+Z)"
          >
            Redo
          </button>
          <button type="button" onClick={onLayout} title="Tidy cards within their lanes (T)">
            Tidy lanes
          </button>
        </div>
      )}
      <div className="tool-group">
        <button type="button" onClick={() => fitModel(flow)} title="Fit the whole model (F)">
          Fit view
        </button>
        <button
          type="button"
          onClick={onHelp}
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
      </div>
      {extra}
    </div>
  );
}
