import type { NodeKind } from "@logic-canvas/shared";
import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Viewport,
} from "@xyflow/react";
import { useMemo } from "react";
import type { Peer } from "../collab/presence.ts";
import { CANVAS_ARIA_LABELS } from "./aria-labels.ts";
import { ConnectionHint } from "./ConnectionHint.tsx";
import { useCanvasKeys } from "./canvas-keys.ts";
import { useCanvasLinking } from "./canvas-linking.tsx";
import { useCanvasPointer, useFollowViewport } from "./canvas-pointer.ts";
import { useShownCards } from "./card-marks.ts";
import { useDeleteConfirm } from "./delete-confirm.tsx";
import { useZoomedOut } from "./detail-level.ts";
import { fitModel, MAX_ZOOM, MIN_ZOOM } from "./fit-model.ts";
import { useInitialView } from "./initial-view.ts";
import { KIND_COLORS } from "./kind-colors.ts";
import { LaneBackgrounds, LaneHeaders } from "./Lanes.tsx";
import { LinkEdge } from "./LinkEdge.tsx";
import { NodeCard } from "./NodeCard.tsx";
import { OverviewLayer } from "./OverviewLayer.tsx";
import { PresenceLayer } from "./PresenceLayer.tsx";
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
}

export function Canvas(props: CanvasProps) {
  const { binding, snapshot, peers, onCursor, onViewport, onUserMove, follow, loaded } = props;
  const flow = useReactFlow();
  const readOnly = useReadOnly();
  useInitialView(flow, loaded, topOf(snapshot.nodes));
  const { nodes, edges } = useShownElements(snapshot);
  const zoomedOut = useZoomedOut();
  const drawn = useDrawnElements(nodes, edges, zoomedOut);
  const keys = useCanvasKeys(binding, snapshot.nodes, readOnly, zoomedOut);
  const deletion = useDeleteConfirm();
  const linking = useCanvasLinking(binding, snapshot.model, readOnly);
  const pointer = useCanvasPointer(binding, readOnly, onCursor);
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
        onBeforeDelete={deletion.onBeforeDelete}
        onDelete={binding.onDelete}
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
        onlyRenderVisibleElements
        nodesFocusable={false}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        proOptions={PRO_OPTIONS}
        aria-label="Logic model canvas"
        ariaLabelConfig={CANVAS_ARIA_LABELS}
      >
        <LaneBackgrounds />
        <OverviewLayer nodes={nodes} edges={edges} />
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="#d6dae1" />
        <PresenceLayer peers={peers} />
        <ConnectionHint />
        <CanvasControls zoomedOut={zoomedOut} />
      </ReactFlow>
      {linking.overlay}
      {deletion.dialog}
    </div>
  );
}

/** The top of the highest card (40 at most), where the first view starts. */
function topOf(nodes: readonly { position: { y: number } }[]): number {
  return nodes.reduce((min, n) => Math.min(min, n.position.y), 40);
}

/**
 * Zoom and fit (the model's bounds, not only mounted cards) and the overview map; zoomed out, the
 * canvas itself is the overview (and React Flow's map skips the hidden cards), so it steps aside.
 */
function CanvasControls({ zoomedOut }: { zoomedOut: boolean }) {
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
      {!zoomedOut && (
        <MiniMap
          pannable
          zoomable
          position="bottom-right"
          nodeColor={(n) =>
            KIND_COLORS[(n.data as { node?: { kind: NodeKind } }).node?.kind ?? "input"] ?? "#ccc"
          }
          ariaLabel="Overview of the whole model"
          style={{ width: 168, height: 112 }}
        />
      )}
    </>
  );
}

const NO_LINKS: Link[] = [];
/** Each card's hidden twin, made once per card object (so it keeps its identity too). */
const hiddenTwins = new WeakMap<CardNode, CardNode>();
function hiddenTwin(node: CardNode): CardNode {
  let twin = hiddenTwins.get(node);
  if (!twin) {
    twin = { ...node, hidden: true };
    hiddenTwins.set(node, twin);
  }
  return twin;
}

/**
 * What React Flow draws: everything, or, zoomed out, nothing (the overview layer draws it). The
 * cards stay in React Flow as hidden, so fit, find, presence and the minimap still place them.
 */
function useDrawnElements(nodes: CardNode[], edges: Link[], zoomedOut: boolean) {
  return useMemo(
    () => (zoomedOut ? { nodes: nodes.map(hiddenTwin), edges: NO_LINKS } : { nodes, edges }),
    [nodes, edges, zoomedOut],
  );
}

/** The cards and links drawn: all of them, or those a filter or "only this chain" leaves. */
function useShownElements(snapshot: BindingSnapshot) {
  const shown = useShownCards();
  return useMemo(() => {
    if (!shown) return { nodes: snapshot.nodes, edges: snapshot.edges };
    return {
      nodes: snapshot.nodes.filter((n) => shown.has(n.id)),
      edges: snapshot.edges.filter((e) => shown.has(e.source) && shown.has(e.target)),
    };
  }, [shown, snapshot.nodes, snapshot.edges]);
}
