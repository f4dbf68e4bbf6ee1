import { KIND_LABELS, NODE_KINDS } from "@logic-canvas/shared";
import { useReactFlow } from "@xyflow/react";
import type { ReactNode } from "react";
import { fitModel } from "../canvas/fit-model.ts";
import { createCardToEdit } from "../canvas/title-edit.ts";
import { kindNoun, type YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import { MenuButton } from "../ui/MenuButton.tsx";
import { placeActions, type ToolbarAction } from "./toolbar-actions.ts";

/**
 * Editing commands, on one row: the canvas tools (only where the canvas is shown), undo and
 * help, then the features' actions placed by priority — the most used as buttons, the rest
 * under "More".
 */
export function Toolbar({
  binding,
  readOnly,
  canUndo,
  canRedo,
  onLayout,
  onHelp,
  canvasTools,
  actions = [],
  tools,
  extra,
}: {
  binding: YjsFlowBinding;
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onLayout: () => void;
  onHelp: () => void;
  /** Whether the canvas is shown: adding cards, tidying and fitting mean nothing elsewhere. */
  canvasTools: boolean;
  /** The features' commands (export, import, print…), placed by their priority. */
  actions?: ToolbarAction[];
  /** Groups of controls of their own (find, filter), placed before "More". */
  tools?: ReactNode;
  /** What those commands show next to the toolbar (confirmations, messages). */
  extra?: ReactNode;
}) {
  const flow = useReactFlow();
  const placed = placeActions(actions);
  return (
    <div className="toolbar" role="toolbar" aria-label="Canvas tools">
      {!readOnly && canvasTools && (
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
          {canvasTools && (
            <button type="button" onClick={onLayout} title="Tidy cards within their lanes (T)">
              Tidy lanes
            </button>
          )}
        </div>
      )}
      <div className="tool-group">
        {canvasTools && (
          <button type="button" onClick={() => fitModel(flow)} title="Fit the whole model (F)">
            Fit view
          </button>
        )}
        <button
          type="button"
          onClick={onHelp}
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
      </div>
      {placed.buttons.length > 0 && (
        <div className="tool-group">
          {placed.buttons.map((action) => (
            <button
              key={action.id}
              type="button"
              title={action.title}
              disabled={action.disabled}
              data-testid={action.testId}
              onClick={action.run}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
      {tools}
      <div className="tool-group toolbar-more">
        <MenuButton label="More" ariaLabel="More actions" items={placed.menu} testId="more-menu" />
      </div>
      {extra}
    </div>
  );
}
