import { type LogicEdge, type LogicNode, placeInLane } from "@logic-canvas/shared";
import type { EdgeChange, NodeChange, NodePositionChange } from "@xyflow/react";
import { CardIndex } from "./cull/card-index.ts";
import type { DragTracker } from "./drag-tracker.ts";
import {
  CARD_HEIGHT_ESTIMATE,
  CARD_WIDTH,
  type CardNode,
  cardHandles,
  type LinkEdge,
} from "./flow-types.ts";

/**
 * The React Flow nodes and edges drawn for the model, and the local state that shapes them:
 * selection, measured sizes and (through the drag tracker) drag positions, none of which enters
 * the document. Each object is cached by id and rebuilt only when something it shows changed, so
 * unchanged ones keep their identity and memoised cards do not re-render.
 */
export class FlowView {
  /** Every object built, by place: the canvas hands React Flow only those near the view. */
  readonly index = new CardIndex();
  private readonly nodes = new Map<string, CardNode>();
  private readonly edges = new Map<string, LinkEdge>();
  private selectedNodes = new Set<string>();
  private selectedEdges = new Set<string>();
  private readonly measured = new Map<string, { width: number; height: number }>();

  constructor(
    private readonly drag: DragTracker,
    private readOnly: boolean,
  ) {}

  /** Every object shows the flag, so all are rebuilt. */
  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
    this.nodes.clear();
    this.edges.clear();
  }

  invalidateNode(id: string): void {
    this.nodes.delete(id);
  }
  invalidateEdge(id: string): void {
    this.edges.delete(id);
  }
  /** For a card or link gone from the document. */
  forgetNode(id: string): void {
    this.nodes.delete(id);
    this.selectedNodes.delete(id);
    this.index.deleteCard(id);
  }
  forgetEdge(id: string): void {
    this.edges.delete(id);
    this.selectedEdges.delete(id);
    this.index.deleteLink(id);
  }

  widthOf(id: string): number | undefined {
    return this.measured.get(id)?.width;
  }

  /**
   * Takes in selections and sizes. Position changes are returned for the caller, which owns
   * drags because they write to the document.
   */
  applyNodeChanges(changes: NodeChange<CardNode>[]): {
    /** A card was selected or unselected: the editor shows the selection. */
    selection: boolean;
    /** The cards whose measured size changed: only the canvas draws them. */
    sized: string[];
    positions: NodePositionChange[];
  } {
    let selection = false;
    const sized: string[] = [];
    const positions: NodePositionChange[] = [];
    for (const change of changes) {
      if (change.type === "select") {
        if (change.selected) this.selectedNodes.add(change.id);
        else this.selectedNodes.delete(change.id);
        this.nodes.delete(change.id);
        selection = true;
      } else if (change.type === "dimensions" && change.dimensions) {
        this.measured.set(change.id, { ...change.dimensions });
        this.nodes.delete(change.id);
        sized.push(change.id);
      } else if (change.type === "position") {
        positions.push(change);
      }
      // Removals arrive through `onDelete`, once for nodes and their links together.
    }
    return { selection, sized, positions };
  }

  /** Takes in selections; true when one changed. */
  applyEdgeChanges(changes: EdgeChange<LinkEdge>[]): boolean {
    let changed = false;
    for (const change of changes) {
      if (change.type === "select") {
        if (change.selected) this.selectedEdges.add(change.id);
        else this.selectedEdges.delete(change.id);
        this.edges.delete(change.id);
        changed = true;
      }
    }
    return changed;
  }

  select(nodeIds: string[], edgeIds: string[]): void {
    for (const id of this.selectedNodes) this.nodes.delete(id);
    for (const id of this.selectedEdges) this.edges.delete(id);
    this.selectedNodes = new Set(nodeIds);
    this.selectedEdges = new Set(edgeIds);
    for (const id of nodeIds) this.nodes.delete(id);
    for (const id of edgeIds) this.edges.delete(id);
  }

  selection(): { nodeIds: string[]; edgeIds: string[] } {
    return { nodeIds: [...this.selectedNodes], edgeIds: [...this.selectedEdges] };
  }

  build(
    nodes: readonly LogicNode[],
    edges: readonly LogicEdge[],
  ): { nodes: CardNode[]; edges: LinkEdge[] } {
    return { nodes: this.buildNodes(nodes), edges: edges.map((e) => this.flowEdge(e.id, e)) };
  }

  /** The cards alone: sizes and drag positions change no link object. */
  buildNodes(nodes: readonly LogicNode[]): CardNode[] {
    return nodes.map((node) => this.flowNode(node.id, node));
  }

  private flowNode(id: string, node: LogicNode): CardNode {
    const cached = this.nodes.get(id);
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
      data: { node },
      selected,
      dragging: this.drag.has(id),
      measured,
      initialWidth: CARD_WIDTH,
      initialHeight: CARD_HEIGHT_ESTIMATE,
      handles: cardHandles(measured?.width ?? CARD_WIDTH, measured?.height ?? CARD_HEIGHT_ESTIMATE),
      draggable: !this.readOnly,
      connectable: !this.readOnly,
      deletable: !this.readOnly,
      ariaLabel: `${node.title}`,
    };
    this.nodes.set(id, next);
    this.index.setCard(next);
    return next;
  }

  private flowEdge(id: string, edge: LogicEdge): LinkEdge {
    const cached = this.edges.get(id);
    const selected = this.selectedEdges.has(id);
    if (cached && cached.data?.edge === edge && cached.selected === selected) return cached;
    const next: LinkEdge = {
      id,
      type: "link",
      source: edge.source,
      target: edge.target,
      data: { edge },
      selected,
      deletable: !this.readOnly,
    };
    this.edges.set(id, next);
    this.index.setLink(next);
    return next;
  }
}
