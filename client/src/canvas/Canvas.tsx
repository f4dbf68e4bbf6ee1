import type { NodeKind } from "@logic-canvas/shared";
import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Viewport,
} from "@xyflow/react";
import { type MouseEvent, useCallback, useEffect } from "react";
import type { Peer } from "../collab/presence.ts";
import { CANVAS_ARIA_LABELS } from "./aria-labels.ts";
import { ConnectionHint } from "./ConnectionHint.tsx";
import { useInitialView } from "./initial-view.ts";
import { LaneBackgrounds, LaneHeaders } from "./Lanes.tsx";
import { LinkEdge } from "./LinkEdge.tsx";
import { NodeCard } from "./NodeCard.tsx";
import { PresenceLayer } from "./PresenceLayer.tsx";
import { useReadOnly } from "./read-only.ts";
import { type BindingSnapshot, laneAt, type YjsFlowBinding } from "./yjs-flow-binding.ts";

// Defined once at module level: new objects here would remount every card on each render.
const NODE_TYPES = { card: NodeCard };
const EDGE_TYPES = { link: LinkEdge };
const DEFAULT_EDGE_OPTIONS = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };
const MINIMAP_COLORS: Record<string, string> = {
  input: "#94a3b8",
  activity: "#60a5fa",
  smallWin: "#34d399",
  midJourney: "#fbbf24",
  longTerm: "#f87171",
};
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

export function Canvas({
  binding,
  snapshot,
  peers,
  onCursor,
  onViewport,
  onUserMove,
  follow,
  loaded,
}: CanvasProps) {
  const flow = useReactFlow();
  const readOnly = useReadOnly();
  const topY = snapshot.nodes.reduce((min, n) => Math.min(min, n.position.y), 40);
  useInitialView(flow, loaded, topY);

  const create = useCallback(
    (kind: NodeKind, y?: number) => {
      binding.createNode(kind, y === undefined ? undefined : { x: 0, y });
    },
    [binding],
  );

  function onDoubleClick(event: MouseEvent) {
    if (readOnly) return;
    const target = event.target as HTMLElement;
    if (!target.classList.contains("react-flow__pane")) return;
    const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    create(laneAt(at.x), at.y - 30);
  }

  function onMouseMove(event: MouseEvent) {
    onCursor(flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  }

  const followedViewport = follow?.viewport;
  useEffect(() => {
    if (followedViewport) void flow.setViewport(followedViewport, { duration: 150 });
  }, [flow, followedViewport]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointer shortcuts; the keyboard has N then 1–5
    <div
      className="canvas"
      onDoubleClick={onDoubleClick}
      onMouseMove={onMouseMove}
      onMouseLeave={() => onCursor(null)}
    >
      <LaneHeaders onAdd={readOnly ? undefined : (kind) => create(kind)} />
      <ReactFlow
        nodes={snapshot.nodes}
        edges={snapshot.edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        onNodesChange={binding.onNodesChange}
        onEdgesChange={binding.onEdgesChange}
        onConnect={binding.onConnect}
        onDelete={binding.onDelete}
        isValidConnection={binding.isValidConnection}
        onMove={(_event, viewport) => onViewport(viewport)}
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
        minZoom={0.1}
        maxZoom={2}
        proOptions={PRO_OPTIONS}
        aria-label="Logic model canvas"
        ariaLabelConfig={CANVAS_ARIA_LABELS}
      >
        <LaneBackgrounds />
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="#d6dae1" />
        <PresenceLayer peers={peers} />
        <ConnectionHint />
        <Controls showInteractive={false} position="bottom-left" />
        <MiniMap
          pannable
          zoomable
          position="bottom-right"
          nodeColor={(n) =>
            MINIMAP_COLORS[(n.data as { node?: { kind: string } }).node?.kind ?? ""] ?? "#ccc"
          }
          ariaLabel="Overview of the whole model"
          style={{ width: 168, height: 112 }}
        />
      </ReactFlow>
    </div>
  );
}
