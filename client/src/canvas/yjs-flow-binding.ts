import {
  addCheckIn,
  addMeasurement,
  addNode,
  canChangeKind,
  canConnect,
  checkInsMap,
  connect,
  deleteElements,
  edgesMap,
  laneX,
  type Measurement,
  metaMap,
  moveNodes,
  type NodeKind,
  type NodePatch,
  nodesMap,
  readCheckIns,
  readEdge,
  readNode,
  removeCheckIn,
  removeMeasurement,
  type SmartPatch,
  setMeta,
  updateEdge,
  updateMeasurement,
  updateNode,
  updateSmart,
} from "@logic-canvas/shared";
import type {
  Connection,
  EdgeChange,
  NodeChange,
  NodePositionChange,
  XYPosition,
} from "@xyflow/react";
import * as Y from "yjs";
import { DragTracker, planDrop } from "./drag-tracker.ts";
import {
  type BindingSnapshot,
  type CardNode,
  kindNoun,
  type LinkEdge,
  type Notice,
} from "./flow-types.ts";
import { FlowView } from "./flow-view.ts";
import { type Clip, ModelMirror } from "./model-mirror.ts";

/**
 * The one bridge between the Yjs graph document and React Flow. It keeps a plain model mirror
 * (`ModelMirror`) re-read only for the ids a transaction touched, so unchanged React Flow node
 * objects (`FlowView`) keep their identity and memoised cards do not re-render. Selection,
 * measured sizes and drag positions are local state and never enter the document.
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

export class YjsFlowBinding {
  readonly origin: { binding: string };
  private readonly undo: Y.UndoManager;
  private readonly mirror = new ModelMirror();
  private readonly drag = new DragTracker((moves) => moveNodes(this.doc, moves, this.origin));
  private readonly view: FlowView;
  private snapshot: BindingSnapshot;
  private listeners = new Set<() => void>();
  private noticeListeners = new Set<(n: Notice) => void>();
  private readOnly: boolean;

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
    for (const [id, map] of nodesMap(doc)) this.readNodeEntry(id, map);
    for (const [id, map] of edgesMap(doc)) this.readEdgeEntry(id, map);
    this.readMeta();
    this.mirror.checkIns = readCheckIns(doc);
    this.snapshot = this.buildSnapshot(true);
    nodesMap(doc).observeDeep(this.onNodesEvents);
    edgesMap(doc).observeDeep(this.onEdgesEvents);
    metaMap(doc).observe(this.onMetaEvent);
    checkInsMap(doc).observe(this.onCheckInsEvent);
    this.undo.on("stack-item-added", this.emit);
    this.undo.on("stack-item-popped", this.emit);
  }

  destroy(): void {
    nodesMap(this.doc).unobserveDeep(this.onNodesEvents);
    edgesMap(this.doc).unobserveDeep(this.onEdgesEvents);
    metaMap(this.doc).unobserve(this.onMetaEvent);
    checkInsMap(this.doc).unobserve(this.onCheckInsEvent);
    this.undo.destroy();
    this.drag.cancel();
  }

  // ---- subscription (useSyncExternalStore) ----
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getSnapshot = (): BindingSnapshot => this.snapshot;
  onNotice(listener: (n: Notice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
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

  // ---- document observers ----
  private touchedIds(events: Y.YEvent<Y.AbstractType<unknown>>[], root: Y.Map<unknown>) {
    const ids = new Set<string>();
    for (const event of events) {
      if (event.target === root) for (const key of event.keys.keys()) ids.add(key);
      else if (typeof event.path[0] === "string") ids.add(event.path[0]);
    }
    return ids;
  }

  private onNodesEvents = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const map = nodesMap(this.doc);
    for (const id of this.touchedIds(events, map as Y.Map<unknown>)) {
      this.readNodeEntry(id, map.get(id));
      // A collaborator's change to a card I am dragging must not yank it from under my cursor.
      if (map.has(id)) this.view.invalidateNode(id);
      else {
        this.view.forgetNode(id);
        this.drag.forget(id);
      }
    }
    this.refresh(true);
  };

  private onEdgesEvents = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const map = edgesMap(this.doc);
    for (const id of this.touchedIds(events, map as Y.Map<unknown>)) {
      this.readEdgeEntry(id, map.get(id));
      if (map.has(id)) this.view.invalidateEdge(id);
      else this.view.forgetEdge(id);
    }
    this.refresh(true);
  };

  private onMetaEvent = (): void => {
    this.readMeta();
    this.refresh(true);
  };

  private onCheckInsEvent = (): void => {
    this.mirror.checkIns = readCheckIns(this.doc);
    this.refresh(true);
  };

  private readMeta(): void {
    const meta = metaMap(this.doc);
    this.mirror.setMeta(meta.get("title"), meta.get("masteryGoal"));
  }
  private readNodeEntry(id: string, map: unknown): void {
    this.mirror.setNode(id, map instanceof Y.Map ? readNode(map) : undefined);
  }
  private readEdgeEntry(id: string, map: unknown): void {
    this.mirror.setEdge(id, map instanceof Y.Map ? readEdge(map) : undefined);
  }

  // ---- snapshot building ----
  /** `docChanged` is false for local-only changes (selection, sizes, drags): the model is reused. */
  private refresh(docChanged: boolean): void {
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
    const { changed, positions } = this.view.applyNodeChanges(changes);
    let dirty = changed;
    if (positions.length > 0 && !this.readOnly) {
      this.applyDrag(positions);
      dirty = true;
    }
    if (dirty) this.refresh(false);
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

  // ---- dragging: the card follows the pointer locally; the document gets a bounded rate ----
  private applyDrag(changes: NodePositionChange[]): void {
    let ended = false;
    for (const change of changes) {
      const node = this.mirror.node(change.id);
      if (!node) continue;
      // A drag is one undo step, not merged with whatever was typed just before it.
      if (change.dragging && !this.drag.active) this.undo.stopCapturing();
      this.drag.move(change.id, change.position, node.position ?? { x: laneX(node.kind), y: 40 });
      if (change.dragging === false) ended = true;
      this.view.invalidateNode(change.id);
    }
    if (ended) this.finishDrag();
    else this.drag.schedule();
  }

  private finishDrag(): void {
    const plan = planDrop(this.snapshot.model, this.drag.finish(), (id) => this.view.widthOf(id));
    this.doc.transact(() => {
      moveNodes(this.doc, plan.moves, this.origin);
      for (const { id, kind } of plan.kindChanges) updateNode(this.doc, id, { kind }, this.origin);
    }, this.origin);
    this.undo.stopCapturing();
    for (const message of plan.refusals) this.notify({ kind: "error", message });
  }

  // ---- domain actions ----
  private guard<T>(action: () => T): T | undefined {
    if (this.readOnly) return undefined;
    try {
      return action();
    } catch (error) {
      this.notify({
        kind: "error",
        message: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
  }

  createNode(kind: NodeKind, at?: XYPosition, title?: string): string | undefined {
    return this.guard(() => {
      const y = at?.y ?? this.mirror.nextFreeY(kind);
      const id = addNode(
        this.doc,
        {
          kind,
          title: title ?? `New ${kindNoun(kind)}`,
          position: { x: laneX(kind), y: Math.round(y) },
        },
        this.origin,
      );
      this.select([id]);
      return id;
    });
  }

  updateNode(id: string, patch: NodePatch): void {
    this.guard(() => updateNode(this.doc, id, patch, this.origin));
  }
  /** Moves a card to another lane if its links allow it; otherwise says why not. */
  changeKind(id: string, kind: NodeKind): void {
    const check = canChangeKind(this.snapshot.model, id, kind);
    if (!check.ok) {
      this.notify({ kind: "error", message: check.message });
      return;
    }
    const node = this.mirror.node(id);
    this.guard(() =>
      this.doc.transact(() => {
        updateNode(this.doc, id, { kind }, this.origin);
        moveNodes(
          this.doc,
          [{ id, position: { x: laneX(kind), y: node?.position?.y ?? 40 } }],
          this.origin,
        );
      }, this.origin),
    );
  }

  updateSmart(id: string, patch: SmartPatch): void {
    this.guard(() => updateSmart(this.doc, id, patch, this.origin));
  }
  // ---- monitoring: measurements and check-ins (issue 6); true when the change was made ----
  private attempt(action: () => void): boolean {
    return (
      this.guard(() => {
        action();
        return true;
      }) === true
    );
  }
  addMeasurement(id: string, measurement: Measurement): boolean {
    return this.attempt(() => addMeasurement(this.doc, id, measurement, this.origin));
  }
  updateMeasurement(id: string, index: number, measurement: Measurement): boolean {
    return this.attempt(() => updateMeasurement(this.doc, id, index, measurement, this.origin));
  }
  removeMeasurement(id: string, index: number): boolean {
    return this.attempt(() => removeMeasurement(this.doc, id, index, this.origin));
  }
  addCheckIn(date: string): boolean {
    return this.attempt(() => addCheckIn(this.doc, date, this.origin));
  }
  removeCheckIn(date: string): boolean {
    return this.attempt(() => removeCheckIn(this.doc, date, this.origin));
  }

  updateEdge(id: string, rationale: string): void {
    this.guard(() => updateEdge(this.doc, id, { rationale }, this.origin));
  }
  setMeta(patch: { title?: string; masteryGoal?: string }): void {
    this.guard(() => setMeta(this.doc, patch, this.origin));
  }

  deleteSelection(ids?: { nodeIds?: string[]; edgeIds?: string[] }): void {
    const selected = this.view.selection();
    const nodeIds = ids?.nodeIds ?? selected.nodeIds;
    const edgeIds = ids?.edgeIds ?? selected.edgeIds;
    if (nodeIds.length + edgeIds.length === 0) return;
    this.guard(() => deleteElements(this.doc, { nodeIds, edgeIds }, this.origin));
  }

  /** Copies the selected cards and the links among them into a plain, self-contained object. */
  copySelection(): Clip {
    return this.mirror.copy(this.view.selection().nodeIds);
  }

  paste(clip: Clip, offsetY = 60): void {
    this.guard(() => {
      const newIds = new Map<string, string>();
      this.doc.transact(() => {
        for (const node of clip.nodes) {
          const { id: oldId, ...rest } = node;
          const position = { x: laneX(node.kind), y: (node.position?.y ?? 0) + offsetY };
          newIds.set(oldId, addNode(this.doc, { ...rest, position }, this.origin));
        }
        for (const edge of clip.edges) {
          const source = newIds.get(edge.source);
          const target = newIds.get(edge.target);
          if (source && target)
            connect(this.doc, { source, target, rationale: edge.rationale }, this.origin);
        }
      }, this.origin);
      this.select([...newIds.values()]);
    });
  }

  /** Applies positions computed by auto-layout as one undo step. */
  applyLayout(positions: Map<string, XYPosition>): void {
    this.guard(() => {
      this.undo.stopCapturing();
      moveNodes(
        this.doc,
        [...positions].map(([id, position]) => ({ id, position })),
        this.origin,
      );
      this.undo.stopCapturing();
    });
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
