import {
  canConnect,
  connect,
  edgesMap,
  type Measurement,
  metaMap,
  moveNodes,
  type NodeKind,
  type NodePatch,
  nodesMap,
  type SmartPatch,
} from "@logic-canvas/shared";
import type { Connection, EdgeChange, NodeChange, XYPosition } from "@xyflow/react";
import * as Y from "yjs";
import type { BindingContext } from "./binding/context.ts";
import { observeGraph, type Touched } from "./binding/doc-observer.ts";
import { readAll, readTouched } from "./binding/doc-reads.ts";
import { applyDrag } from "./binding/drag-writes.ts";
import { ElementsStore } from "./binding/elements-store.ts";
import { LocalWrites } from "./binding/local-writes.ts";
import { RevisitWrites } from "./binding/revisit-writes.ts";
import { SettleLater } from "./binding/settle-later.ts";
import type { CardIndex } from "./cull/card-index.ts";
import { DragTracker } from "./drag-tracker.ts";
import type { BindingSnapshot, CardNode, LinkEdge, Notice } from "./flow-types.ts";
import { FlowView } from "./flow-view.ts";
import { type Clip, ModelMirror } from "./model-mirror.ts";

/**
 * The one bridge between the Yjs graph document and React Flow. It keeps a plain model mirror
 * (`ModelMirror`) re-read only for the ids a transaction touched (`binding/doc-observer.ts`), so
 * unchanged React Flow node objects (`FlowView`) keep their identity and memoised cards do not
 * re-render. Selection, measured sizes and drag positions are local state and never enter the
 * document. Writes live in `binding/local-writes.ts` and `binding/drag-writes.ts`.
 */

export type {
  BindingSnapshot,
  CardData,
  CardNode,
  LinkData,
  LinkEdge,
  Notice,
} from "./flow-types.ts";
export { CARD_WIDTH, DRAG_WRITE_INTERVAL_MS, kindNoun, laneAt } from "./flow-types.ts";

/** Quiet time after the last card measured before the drawn arrays take the sizes. */
const SIZES_SETTLE_MS = 400;

export class YjsFlowBinding {
  readonly origin: { binding: string };
  private readonly undo: Y.UndoManager;
  private readonly mirror = new ModelMirror();
  private readonly drag = new DragTracker((moves) => moveNodes(this.doc, moves, this.origin));
  private readonly view: FlowView;
  /** The cards and links as drawn, sizes and drags included (`binding/elements-store.ts`). */
  readonly elements = new ElementsStore();
  private readonly context: BindingContext;
  private readonly writes: LocalWrites;
  /** PDCA cycles and mission, vision, values (issue 17). */
  readonly revisit: RevisitWrites;
  private readonly stopObserving: () => void;
  private snapshot: BindingSnapshot;
  private listeners = new Set<() => void>();
  private noticeListeners = new Set<(n: Notice) => void>();
  private readOnly: boolean;
  /**
   * Cards measured for the first time (each card panned into view) reach the drawn arrays once
   * the sizes settle, not at once: React Flow measured them itself and holds their sizes; handing
   * it new arrays in the same frame cost a second full pass over every mounted card and link.
   * The index takes them at once (culling, centring on a card), and the next arrays carry them.
   */
  private readonly sizes = new SettleLater(() => this.refresh(false, true), SIZES_SETTLE_MS);

  constructor(
    readonly doc: Y.Doc,
    options: { readOnly?: boolean } = {},
  ) {
    this.origin = { binding: `local-${doc.clientID}` };
    this.readOnly = options.readOnly ?? false;
    this.view = new FlowView(this.drag, this.readOnly);
    this.undo = new Y.UndoManager([nodesMap(doc), edgesMap(doc), metaMap(doc)], {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: 400,
    });
    this.context = {
      doc,
      origin: this.origin,
      mirror: this.mirror,
      view: this.view,
      drag: this.drag,
      undo: this.undo,
      model: () => this.snapshot.model,
      readOnly: () => this.readOnly,
      notify: (notice) => this.notify(notice),
      select: (nodeIds, edgeIds) => this.select(nodeIds, edgeIds),
    };
    this.writes = new LocalWrites(this.context);
    this.revisit = new RevisitWrites(this.context, this.writes);
    readAll(this.context);
    this.snapshot = this.buildSnapshot(true);
    this.elements.set(this.snapshot.nodes, this.snapshot.edges);
    this.stopObserving = observeGraph(doc, this.onDocChange);
    this.undo.on("stack-item-added", this.emit);
    this.undo.on("stack-item-popped", this.emit);
  }

  destroy(): void {
    this.stopObserving();
    this.undo.destroy();
    this.drag.cancel();
    this.sizes.stop();
  }

  // ---- subscription (useSyncExternalStore) ----
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getSnapshot = (): BindingSnapshot => this.snapshot;
  /** Every card, as drawn (React Flow may hold only those near the view). */
  getNodes = (): readonly CardNode[] => {
    this.sizes.flush();
    return this.elements.get().nodes;
  };
  /** Every card and link of the snapshot by place, for culling and whole-model lookups. */
  get index(): CardIndex {
    return this.view.index;
  }
  onNotice(listener: (n: Notice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => void this.noticeListeners.delete(listener);
  }
  private notify(notice: Notice): void {
    for (const l of this.noticeListeners) l(notice);
  }

  setReadOnly(readOnly: boolean): void {
    if (this.readOnly === readOnly) return;
    this.readOnly = readOnly;
    this.view.setReadOnly(readOnly);
    this.refresh(true);
  }

  // ---- the document changed: re-read what the transaction touched ----
  private onDocChange = (touched: Touched): void => {
    readTouched(this.context, touched);
    this.refresh(true);
  };

  // ---- snapshot building ----
  /** `docChanged`: false reuses the model; `canvasOnly` (sizes, drags): the snapshot stays. */
  private refresh(docChanged: boolean, canvasOnly = false): void {
    this.sizes.stop();
    if (canvasOnly) {
      const nodes = this.view.buildNodes(this.snapshot.model.nodes);
      this.elements.set(nodes, this.elements.get().edges);
      return;
    }
    this.snapshot = this.buildSnapshot(docChanged);
    this.emit();
  }

  private emit = (): void => {
    if (
      this.snapshot.canUndo !== this.undo.canUndo() ||
      this.snapshot.canRedo !== this.undo.canRedo()
    )
      this.snapshot = {
        ...this.snapshot,
        canUndo: this.undo.canUndo(),
        canRedo: this.undo.canRedo(),
      };
    this.elements.set(this.snapshot.nodes, this.snapshot.edges);
    for (const l of this.listeners) l();
  };

  private buildSnapshot(docChanged: boolean): BindingSnapshot {
    const previous = this.snapshot?.model;
    const model = docChanged || !previous ? this.mirror.model() : previous;
    return {
      ...this.view.build(model.nodes, this.mirror.drawnEdges()),
      model,
      canUndo: this.undo.canUndo(),
      canRedo: this.undo.canRedo(),
      checkIns: this.mirror.checkIns,
    };
  }

  // ---- React Flow handlers ----
  onNodesChange = (changes: NodeChange<CardNode>[]): void => {
    const { selection, sized, positions } = this.view.applyNodeChanges(changes);
    const moved = positions.length > 0 && !this.readOnly;
    if (moved) applyDrag(this.context, positions);
    if (sized.length > 0) {
      this.view.buildNodes(sized.flatMap((id) => this.mirror.node(id) ?? []));
      if (!selection && !moved) this.sizes.schedule();
    }
    if (selection) this.refresh(false);
    else if (moved) this.refresh(false, true);
  };

  onEdgesChange = (changes: EdgeChange<LinkEdge>[]): void => {
    if (this.view.applyEdgeChanges(changes)) this.refresh(false);
  };

  onDelete = ({ nodes, edges }: { nodes: { id: string }[]; edges: { id: string }[] }): void => {
    this.deleteSelection({ nodeIds: nodes.map((n) => n.id), edgeIds: edges.map((e) => e.id) });
  };

  onConnect = (connection: Connection): void => {
    if (this.readOnly) return;
    const check = canConnect(this.snapshot.model, connection.source, connection.target);
    if (!check.ok) {
      this.notify({ kind: "error", message: check.message });
      return;
    }
    connect(this.doc, { source: connection.source, target: connection.target }, this.origin);
  };

  isValidConnection = (connection: { source: string; target: string }): boolean =>
    !this.readOnly && canConnect(this.snapshot.model, connection.source, connection.target).ok;

  connectionProblem(source: string, target: string): string | undefined {
    const check = canConnect(this.snapshot.model, source, target);
    return check.ok ? undefined : check.message;
  }

  // ---- domain actions (binding/local-writes.ts) ----
  createNode(kind: NodeKind, at?: XYPosition, title?: string): string | undefined {
    return this.writes.createNode(kind, at, title);
  }
  updateNode(id: string, patch: NodePatch): void {
    this.writes.updateNode(id, patch);
  }
  changeKind(id: string, kind: NodeKind): void {
    this.writes.changeKind(id, kind);
  }
  updateSmart(id: string, patch: SmartPatch): void {
    this.writes.updateSmart(id, patch);
  }
  addMeasurement(id: string, measurement: Measurement): boolean {
    return this.writes.addMeasurement(id, measurement);
  }
  addMeasurements(entries: readonly { goalId: string; measurement: Measurement }[]): boolean {
    return this.writes.addMeasurements(entries);
  }
  updateMeasurement(id: string, index: number, measurement: Measurement): boolean {
    return this.writes.updateMeasurement(id, index, measurement);
  }
  removeMeasurement(id: string, index: number): boolean {
    return this.writes.removeMeasurement(id, index);
  }
  addCheckIn(date: string): boolean {
    return this.writes.addCheckIn(date);
  }
  removeCheckIn(date: string): boolean {
    return this.writes.removeCheckIn(date);
  }
  updateEdge(id: string, rationale: string): void {
    this.writes.updateEdge(id, rationale);
  }
  setMeta(patch: { title?: string; masteryGoal?: string }): void {
    this.writes.setMeta(patch);
  }
  deleteSelection(ids?: { nodeIds?: string[]; edgeIds?: string[] }): void {
    this.writes.deleteSelection(ids);
  }
  paste(clip: Clip, offsetY = 60): void {
    this.writes.paste(clip, offsetY);
  }
  applyLayout(positions: Map<string, XYPosition>): void {
    this.writes.applyLayout(positions);
  }

  /** Copies the selected cards and the links among them into a plain, self-contained object. */
  copySelection(): Clip {
    return this.mirror.copy(this.view.selection().nodeIds);
  }

  select(nodeIds: string[], edgeIds: string[] = []): void {
    this.view.select(nodeIds, edgeIds);
    this.refresh(false);
  }

  selection(): { nodeIds: string[]; edgeIds: string[] } {
    return this.view.selection();
  }

  undoLast(): void {
    if (!this.readOnly) this.undo.undo();
  }
  redoLast(): void {
    if (!this.readOnly) this.undo.redo();
  }
}
