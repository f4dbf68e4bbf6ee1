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
  const placed = placeActions(actions);
  // Each group is its own component so that this function reads as the row's order; the groups
  // render exactly the markup they did inline.
  return (
    <div className="toolbar" role="toolbar" aria-label="Canvas tools">
      {!readOnly && canvasTools && <AddCardGroup binding={binding} />}
      {!readOnly && (
        <UndoGroup
          binding={binding}
          canUndo={canUndo}
          canRedo={canRedo}
          onLayout={onLayout}
          canvasTools={canvasTools}
        />
      )}
      <ViewGroup canvasTools={canvasTools} onHelp={onHelp} />
      {placed.buttons.length > 0 && <ActionButtons actions={placed.buttons} />}
      {tools}
      <div className="tool-group toolbar-more">
        <MenuButton label="More" ariaLabel="More actions" items={placed.menu} testId="more-menu" />
      </div>
      {extra}
    </div>
  );
}

/** One "+ Kind" button per card kind; the digit in the hint is the kind's keyboard shortcut. */
function AddCardGroup({ binding }: { binding: YjsFlowBinding }) {
  const flow = useReactFlow();
  return (
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
  );
}

/** Commands that change the model as a whole (undo, redo, tidy): editors only. */
function UndoGroup(props: {
  binding: YjsFlowBinding;
  canUndo: boolean;
  canRedo: boolean;
  onLayout: () => void;
  canvasTools: boolean;
}) {
  const { binding } = props;
  return (
    <div className="tool-group">
      <button
        type="button"
        onClick={() => binding.undoLast()}
        disabled={!props.canUndo}
        title="Undo your last change (Ctrl/Cmd+Z)"
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => binding.redoLast()}
        disabled={!props.canRedo}
        title="Redo (Shift+Ctrl/Cmd+Z)"
      >
        Redo
      </button>
      {props.canvasTools && (
        <button type="button" onClick={props.onLayout} title="Tidy cards within their lanes (T)">
          Tidy lanes
        </button>
      )}
    </div>
  );
}

/** Commands that change only what this person sees (fit, help): shown to every role. */
function ViewGroup({ canvasTools, onHelp }: { canvasTools: boolean; onHelp: () => void }) {
  const flow = useReactFlow();
  return (
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
  );
}

/** The features' actions with the highest priority, shown as buttons rather than under "More". */
function ActionButtons({ actions }: { actions: ToolbarAction[] }) {
  return (
    <div className="tool-group">
      {actions.map((action) => (
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
  );
}
