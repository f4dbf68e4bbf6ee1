import type { LogicModel } from "@logic-canvas/shared";
import type * as Y from "yjs";
import type { DragTracker } from "../drag-tracker.ts";
import type { Notice } from "../flow-types.ts";
import type { FlowView } from "../flow-view.ts";
import type { ModelMirror } from "../model-mirror.ts";

/**
 * What the parts of the binding (local writes, dragging) share with `YjsFlowBinding`, which owns
 * all of it: the document and the origin its writes carry, the model mirror, the React Flow view,
 * the drag in progress and the undo history.
 */
export interface BindingContext {
  readonly doc: Y.Doc;
  readonly origin: { binding: string };
  readonly mirror: ModelMirror;
  readonly view: FlowView;
  readonly drag: DragTracker;
  readonly undo: Y.UndoManager;
  /** The model of the current snapshot. */
  model(): LogicModel;
  readOnly(): boolean;
  notify(notice: Notice): void;
  select(nodeIds: string[], edgeIds?: string[]): void;
}
