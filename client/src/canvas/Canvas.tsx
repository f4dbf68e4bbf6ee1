import type { CanvasSnapshot } from "@logic-canvas/shared";
import {
  ControlButton,
  Controls,
  MarkerType,
  ReactFlow,
  useReactFlow,
  type Viewport,
} from "@xyflow/react";
import { useMemo, useSyncExternalStore } from "react";
import type { Peer } from "../collab/presence.ts";
import { CANVAS_ARIA_LABELS } from "./aria-labels.ts";
import { ConnectionHint } from "./ConnectionHint.tsx";
import { useCanvasKeys } from "./canvas-keys.ts";
import { useCanvasLinking } from "./canvas-linking.tsx";
import { useCanvasPointer, useFollowViewport } from "./canvas-pointer.ts";
import { useShownCards } from "./card-marks.ts";
import { useCulledElements } from "./cull/culled-elements.ts";
import { useWholeModel } from "./cull/whole-model.ts";
import { useDeleteConfirm } from "./delete-confirm.tsx";
import { useZoomedOut } from "./detail-level.ts";
import { fitModel, MAX_ZOOM, MIN_ZOOM } from "./fit-model.ts";
import { useInitialView } from "./initial-view.ts";
import { LaneBackgrounds, LaneHeaders } from "./Lanes.tsx";
import { LinkEdge } from "./LinkEdge.tsx";
import { ModelMinimap } from "./ModelMinimap.tsx";
import { NodeCard } from "./NodeCard.tsx";
import { OverviewLayer } from "./OverviewLayer.tsx";
import { PanLayers } from "./PanLayers.tsx";
import { PresenceLayer } from "./PresenceLayer.tsx";
import { type ProvisionalCards, provisionalCards } from "./provisional-cards.ts";
import { useReadOnly } from "./read-only.ts";
import type {
  BindingSnapshot,
  CardNode,
  LinkEdge as Link,
  YjsFlowBinding,
} from "./yjs-flow-binding.ts";

// Defined once at module level: new objects here would remount every card on each render.
const NODE_TYPES = { card: NodeCard };
const EDGE_TYPES = { link: LinkEdge };
const DEFAULT_EDGE_OPTIONS = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };
const DELETE_KEYS = ["Delete", "Backspace"];
const PRO_OPTIONS = { hideAttribution: true };

export interface CanvasProps {
  binding: YjsFlowBinding;
  snapshot: BindingSnapshot;
  peers: Peer[];
  onCursor: (position: { x: number; y: number } | null) => void;
  onViewport: (viewport: Viewport) => void;
  onUserMove: () => void;
  follow?: Peer;
  /** Whether the model has arrived (from this device or the server). */
  loaded: boolean;
  /** Whether the server's copy has arrived; until then `firstLayer` may stand in for it. */
  synced: boolean;
  /** The canvas snapshot from the API, drawn read-only until the document has synced. */
  firstLayer: CanvasSnapshot | null;
}

export function Canvas(props: CanvasProps) {
  const { binding, snapshot, peers, onCursor, onViewport, onUserMove, follow, loaded } = props;
  const flow = useReactFlow();
  // Sizes and drags change these alone: the canvas renders, not the whole editor.
  const elements = useSyncExternalStore(binding.elements.subscribe, binding.elements.get);
  const provisional = useProvisional(props.firstLayer, props.synced, elements.nodes.length > 0);
  // Nothing of the first layer can be changed: it is not the document.
  const readOnly = useReadOnly() || provisional !== null;
  const base = provisional ?? elements;
  useInitialView(flow, loaded || provisional !== null, topOf(base.nodes));
  const shown = useShownCards();
  const { nodes, edges } = useShownElements(base, shown);
  const zoomedOut = useZoomedOut();
  const index = provisional?.index ?? binding.index;
  const drawn = useCulledElements(index, base.nodes, shown, zoomedOut, provisional !== null);
  useWholeModel(binding.index, binding.getNodes);
  const keys = useCanvasKeys(binding, elements.nodes, readOnly, zoomedOut);
  const { deletion, linking, pointer } = useCanvasTools(binding, snapshot, readOnly, onCursor);
  useFollowViewport(flow, follow?.viewport);

  return (
    <div
      className="canvas"
      // The target of the page's "Skip to canvas" link (editor/SkipToCanvas.tsx).
      id="canvas"
      role="application"
      aria-label="Canvas: arrow keys move between cards, Enter edits a title, L links, ? lists every key"
      {...keys}
      onDoubleClick={(event) => pointer.onDoubleClick(event, zoomedOut ? nodes : undefined)}
      onMouseMove={pointer.onMouseMove}
      onMouseLeave={pointer.onMouseLeave}
    >
      <LaneHeaders onAdd={readOnly ? undefined : (kind) => pointer.create(kind)} />
      <ReactFlow
        nodes={drawn.nodes}
        edges={drawn.edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        onNodesChange={binding.onNodesChange}
        onEdgesChange={binding.onEdgesChange}
        onConnect={linking.onConnect}
        onConnectEnd={linking.onConnectEnd}
        onBeforeDelete={(elements) => deletion.onBeforeDelete(withSelection(binding, elements))}
        onDelete={(elements) => binding.onDelete(withSelection(binding, elements))}
        isValidConnection={binding.isValidConnection}
        onMove={(_event, viewport) => onViewport(viewport)}
        onPaneClick={(event) => pointer.onPaneClick(event, zoomedOut ? nodes : undefined)}
        onMoveStart={(event) => {
          if (event) onUserMove();
        }}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={false}
        deleteKeyCode={readOnly ? null : DELETE_KEYS}
        multiSelectionKeyCode={["Meta", "Control", "Shift"]}
        selectionKeyCode="Shift"
        zoomOnDoubleClick={false}
        // Not `onlyRenderVisibleElements`: React Flow holds only the cards near the view
        // (`useCulledElements`), all mounted, so a pan frame mounts nothing; its own filter
        // mounted and unmounted cards at the view's edge on most frames of a pan.
        nodesFocusable={false}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        proOptions={PRO_OPTIONS}
        aria-label="Logic model canvas"
        ariaLabelConfig={CANVAS_ARIA_LABELS}
      >
        <LaneBackgrounds />
        <OverviewLayer nodes={nodes} edges={edges} />
        <PanLayers />
        <PresenceLayer peers={peers} />
        <ConnectionHint />
        <CanvasControls zoomedOut={zoomedOut} nodes={nodes} />
      </ReactFlow>
      {linking.overlay}
      {deletion.dialog}
    </div>
  );
}

/** Deleting with a confirmation, linking, and the pointer's double-click, click and cursor. */
function useCanvasTools(
  binding: YjsFlowBinding,
  snapshot: BindingSnapshot,
  readOnly: boolean,
  onCursor: CanvasProps["onCursor"],
) {
  const deletion = useDeleteConfirm();
  const linking = useCanvasLinking(binding, snapshot.model, readOnly);
  const pointer = useCanvasPointer(binding, readOnly, onCursor);
  return { deletion, linking, pointer };
}

/** The top of the highest card (40 at most), where the first view starts. */
function topOf(nodes: readonly { position: { y: number } }[]): number {
  return nodes.reduce((min, n) => Math.min(min, n.position.y), 40);
}

/**
 * Zoom and fit (the model's bounds, not only mounted cards) and the overview map of the whole
 * model; zoomed out, the canvas itself is the overview, so the map steps aside.
 */
function CanvasControls({ zoomedOut, nodes }: { zoomedOut: boolean; nodes: readonly CardNode[] }) {
  const flow = useReactFlow();
  return (
    <>
      <Controls showInteractive={false} showFitView={false} position="bottom-left">
        <ControlButton
          onClick={() => fitModel(flow)}
          title="Fit the whole model (F)"
          aria-label="Fit the whole model"
        >
          ⤢
        </ControlButton>
      </Controls>
      {!zoomedOut && <ModelMinimap nodes={nodes} />}
    </>
  );
}

/**
 * What React Flow deletes is what it holds and has selected; cards selected off screen (select
 * all, a found chain) are not in it, so the binding's selection is added, with their links.
 */
function withSelection(binding: YjsFlowBinding, elements: { nodes: CardNode[]; edges: Link[] }) {
  const nodes = [...elements.nodes];
  const edges = [...elements.edges];
  const nodeIds = new Set(nodes.map((n) => n.id));
  const edgeIds = new Set(edges.map((e) => e.id));
  const selection = binding.selection();
  for (const id of selection.nodeIds) {
    const card = binding.index.card(id);
    if (!card || nodeIds.has(id)) continue;
    nodeIds.add(id);
    nodes.push(card);
  }
  for (const id of selection.edgeIds) {
    const link = binding.index.link(id);
    if (link && !edgeIds.has(id) && edgeIds.add(id)) edges.push(link);
  }
  for (const id of nodeIds)
    for (const link of binding.index.linksAt(id))
      if (!edgeIds.has(link.id) && edgeIds.add(link.id)) edges.push(link);
  return { nodes, edges };
}

/**
 * The first layer's cards while the document has neither synced nor brought cards from this
 * device's copy; null otherwise (and when there is no snapshot), so the binding's cards show.
 */
function useProvisional(
  firstLayer: CanvasSnapshot | null,
  synced: boolean,
  hasCards: boolean,
): ProvisionalCards | null {
  const cards = useMemo(() => (firstLayer ? provisionalCards(firstLayer) : null), [firstLayer]);
  return synced || hasCards ? null : cards;
}

/** The cards and links drawn: all of them, or those a filter or "only this chain" leaves. */
function useShownElements(
  snapshot: Pick<BindingSnapshot, "nodes" | "edges">,
  shown: ReadonlySet<string> | null,
) {
  return useMemo(() => {
    if (!shown) return { nodes: snapshot.nodes, edges: snapshot.edges };
    return {
      nodes: snapshot.nodes.filter((n) => shown.has(n.id)),
      edges: snapshot.edges.filter((e) => shown.has(e.source) && shown.has(e.target)),
    };
  }, [shown, snapshot.nodes, snapshot.edges]);
}
