import {
  addCheckIn,
  addMeasurement,
  addNode,
  canChangeKind,
  canConnect,
  checkInsMap,
  columnOf,
  connect,
  deleteElements,
  edgesMap,
  isUnreadable,
  type LogicEdge,
  type LogicNode,
  laneX,
  type Measurement,
  metaMap,
  moveNodes,
  type NodeKind,
  type NodePatch,
  nodesMap,
  placeInLane,
  readCheckIns,
  readEdge,
  readNode,
  removeCheckIn,
  removeMeasurement,
  type SmartPatch,
  setMeta,
  UNTITLED,
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

/**
 * The one bridge between the Yjs graph document and React Flow. It keeps a plain model mirror
 * rebuilt only for the ids a transaction touched, so unchanged React Flow node objects keep their
 * identity and memoised cards do not re-render. Selection, measured sizes and drag positions are
 * local state here and never enter the document.
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
  private logicNodes = new Map<string, LogicNode>();
  private logicEdges = new Map<string, LogicEdge>();
  private flowNodes = new Map<string, CardNode>();
  private flowEdges = new Map<string, LinkEdge>();
  private selectedNodes = new Set<string>();
  private selectedEdges = new Set<string>();
  private measured = new Map<string, { width: number; height: number }>();
  private readonly drag = new DragTracker((moves) => moveNodes(this.doc, moves, this.origin));
  private snapshot: BindingSnapshot;
  private listeners = new Set<() => void>();
  private noticeListeners = new Set<(n: Notice) => void>();
  private meta = { title: "", masteryGoal: "" };
  private checkIns: string[] = [];
  private readOnly: boolean;

  constructor(
    readonly doc: Y.Doc,
    options: { readOnly?: boolean } = {},
  ) {
    this.origin = { binding: `local-${doc.clientID}` };
    this.readOnly = options.readOnly ?? false;
    this.undo = new Y.UndoManager([nodesMap(doc), edgesMap(doc), metaMap(doc)], {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: 400,
    });
    for (const [id, map] of nodesMap(doc)) this.readNodeEntry(id, map);
    for (const [id, map] of edgesMap(doc)) this.readEdgeEntry(id, map);
    this.readMeta();
    this.checkIns = readCheckIns(doc);
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
    this.flowNodes.clear();
    this.flowEdges.clear();
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
      this.flowNodes.delete(id);
      // A collaborator's change to a card I am dragging must not yank it from under my cursor.
      if (!map.has(id)) {
        this.selectedNodes.delete(id);
        this.drag.forget(id);
      }
    }
    this.refresh(true);
  };

  private onEdgesEvents = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const map = edgesMap(this.doc);
    for (const id of this.touchedIds(events, map as Y.Map<unknown>)) {
      this.readEdgeEntry(id, map.get(id));
      this.flowEdges.delete(id);
      if (!map.has(id)) this.selectedEdges.delete(id);
    }
    this.refresh(true);
  };

  private onMetaEvent = (): void => {
    this.readMeta();
    this.refresh(true);
  };

  private onCheckInsEvent = (): void => {
    this.checkIns = readCheckIns(this.doc);
    this.refresh(true);
  };

  private readMeta(): void {
    const meta = metaMap(this.doc);
    const title = meta.get("title");
    const masteryGoal = meta.get("masteryGoal");
    this.meta = {
      title: typeof title === "string" && title.trim() !== "" ? title : UNTITLED,
      masteryGoal: typeof masteryGoal === "string" ? masteryGoal : "",
    };
  }

  private readNodeEntry(id: string, map: unknown): void {
    const node = map instanceof Y.Map ? readNode(map) : undefined;
    if (node && !isUnreadable(node)) this.logicNodes.set(id, node);
    else this.logicNodes.delete(id);
  }

  private readEdgeEntry(id: string, map: unknown): void {
    const edge = map instanceof Y.Map ? readEdge(map) : undefined;
    if (edge && !isUnreadable(edge)) this.logicEdges.set(id, edge);
    else this.logicEdges.delete(id);
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

  private flowNode(id: string, node: LogicNode): CardNode {
    const cached = this.flowNodes.get(id);
    const position = this.drag.positionOf(id) ?? placeInLane(node.kind, node.position);
    const selected = this.selectedNodes.has(id);
    const measured = this.measured.get(id);
    if (
      cached &&
      cached.data.node === node &&
      cached.selected === selected &&
      cached.position.x === position.x &&
      cached.position.y === position.y &&
      cached.measured === measured &&
      cached.dragging === this.drag.has(id)
    )
      return cached;
    const next: CardNode = {
      id,
      type: "card",
      position,
      data: { node, readOnly: this.readOnly },
      selected,
      dragging: this.drag.has(id),
      measured,
      draggable: !this.readOnly,
      connectable: !this.readOnly,
      deletable: !this.readOnly,
      ariaLabel: `${node.title}`,
    };
    this.flowNodes.set(id, next);
    return next;
  }

  private flowEdge(id: string, edge: LogicEdge): LinkEdge {
    const cached = this.flowEdges.get(id);
    const selected = this.selectedEdges.has(id);
    if (cached && cached.data?.edge === edge && cached.selected === selected) return cached;
    const next: LinkEdge = {
      id,
      type: "link",
      source: edge.source,
      target: edge.target,
      data: { edge, readOnly: this.readOnly },
      selected,
      deletable: !this.readOnly,
    };
    this.flowEdges.set(id, next);
    return next;
  }

  private buildSnapshot(docChanged: boolean): BindingSnapshot {
    const previous = this.snapshot?.model;
    const model =
      docChanged || !previous
        ? {
            ...this.meta,
            nodes: [...this.logicNodes.values()],
            edges: [...this.logicEdges.values()],
          }
        : previous;
    const nodes = model.nodes.map((n) => this.flowNode(n.id, n));
    const edges: LinkEdge[] = [];
    for (const edge of this.logicEdges.values()) {
      // A link whose card a collaborator deleted concurrently is kept in the doc but not drawn.
      if (this.logicNodes.has(edge.source) && this.logicNodes.has(edge.target))
        edges.push(this.flowEdge(edge.id, edge));
    }
    return {
      nodes,
      edges,
      model,
      canUndo: this.undo.canUndo(),
      canRedo: this.undo.canRedo(),
      checkIns: this.checkIns,
    };
  }

  // ---- React Flow handlers ----
  onNodesChange = (changes: NodeChange<CardNode>[]): void => {
    let dirty = false;
    const positions: NodePositionChange[] = [];
    for (const change of changes) {
      if (change.type === "select") {
        if (change.selected) this.selectedNodes.add(change.id);
        else this.selectedNodes.delete(change.id);
        this.flowNodes.delete(change.id);
        dirty = true;
      } else if (change.type === "dimensions" && change.dimensions) {
        this.measured.set(change.id, { ...change.dimensions });
        this.flowNodes.delete(change.id);
        dirty = true;
      } else if (change.type === "position") {
        positions.push(change);
      }
      // Removals arrive through `onDelete`, once for nodes and their links together.
    }
    if (positions.length > 0 && !this.readOnly) {
      this.applyDrag(positions);
      dirty = true;
    }
    if (dirty) this.refresh(false);
  };

  onEdgesChange = (changes: EdgeChange<LinkEdge>[]): void => {
    let dirty = false;
    for (const change of changes) {
      if (change.type === "select") {
        if (change.selected) this.selectedEdges.add(change.id);
        else this.selectedEdges.delete(change.id);
        this.flowEdges.delete(change.id);
        dirty = true;
      }
    }
    if (dirty) this.refresh(false);
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
      const node = this.logicNodes.get(change.id);
      if (!node) continue;
      // A drag is one undo step, not merged with whatever was typed just before it.
      if (change.dragging && !this.drag.active) this.undo.stopCapturing();
      this.drag.move(change.id, change.position, node.position ?? { x: laneX(node.kind), y: 40 });
      if (change.dragging === false) ended = true;
      this.flowNodes.delete(change.id);
    }
    if (ended) this.finishDrag();
    else this.drag.schedule();
  }

  private finishDrag(): void {
    const plan = planDrop(
      this.snapshot.model,
      this.drag.finish(),
      (id) => this.measured.get(id)?.width,
    );
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
      const y = at?.y ?? this.nextFreeY(kind);
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

  private nextFreeY(kind: NodeKind): number {
    let bottom = 0;
    for (const node of this.logicNodes.values())
      if (node.kind === kind) bottom = Math.max(bottom, (node.position?.y ?? 0) + 140);
    return bottom || 40;
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
    const node = this.logicNodes.get(id);
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
    const nodeIds = ids?.nodeIds ?? [...this.selectedNodes];
    const edgeIds = ids?.edgeIds ?? [...this.selectedEdges];
    if (nodeIds.length + edgeIds.length === 0) return;
    this.guard(() => deleteElements(this.doc, { nodeIds, edgeIds }, this.origin));
  }

  /** Copies the selected cards and the links among them into a plain, self-contained object. */
  copySelection(): { nodes: LogicNode[]; edges: LogicEdge[] } {
    const nodes = [...this.selectedNodes].flatMap((id) => this.logicNodes.get(id) ?? []);
    const ids = new Set(nodes.map((n) => n.id));
    const edges = [...this.logicEdges.values()].filter(
      (e) => ids.has(e.source) && ids.has(e.target),
    );
    return { nodes, edges };
  }

  paste(clip: { nodes: LogicNode[]; edges: LogicEdge[] }, offsetY = 60): void {
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
    for (const id of this.selectedNodes) this.flowNodes.delete(id);
    for (const id of this.selectedEdges) this.flowEdges.delete(id);
    this.selectedNodes = new Set(nodeIds);
    this.selectedEdges = new Set(edgeIds);
    for (const id of nodeIds) this.flowNodes.delete(id);
    for (const id of edgeIds) this.flowEdges.delete(id);
    this.refresh(false);
  }

  selection(): { nodeIds: string[]; edgeIds: string[] } {
    return { nodeIds: [...this.selectedNodes], edgeIds: [...this.selectedEdges] };
  }

  undoLast(): void {
    if (!this.readOnly) this.undo.undo();
  }
  redoLast(): void {
    if (!this.readOnly) this.undo.redo();
  }
}

export { columnOf };
