import type { NodeKind } from "@logic-canvas/shared";
import { quoteTitle } from "@logic-canvas/shared";
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
import { type MouseEvent, useCallback, useEffect, useState } from "react";
import type { Peer } from "../collab/presence.ts";
import { ConnectionHint } from "./ConnectionHint.tsx";
import { useCanvasKeys } from "./canvas-keys.ts";
import { focusCard } from "./card-navigation.ts";
import { useDeleteConfirm } from "./delete-confirm.tsx";
import { connectDropOnCard } from "./drop-link.ts";
import { fitModel, MAX_ZOOM, MIN_ZOOM } from "./fit-model.ts";
import { useInitialView } from "./initial-view.ts";
import { LaneBackgrounds, LaneHeaders } from "./Lanes.tsx";
import { LinkEdge } from "./LinkEdge.tsx";
import { LinkPicker } from "./LinkPicker.tsx";
import { startLinkFrom, useLinkFrom } from "./link-start.ts";
import { NodeCard } from "./NodeCard.tsx";
import { PresenceLayer } from "./PresenceLayer.tsx";
import { useReadOnly } from "./read-only.ts";
import { createCardToEdit } from "./title-edit.ts";
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
      createCardToEdit(binding, flow, kind, y === undefined ? undefined : { x: 0, y });
    },
    [binding, flow],
  );
  const keys = useCanvasKeys(binding, snapshot.nodes, readOnly);
  const deletion = useDeleteConfirm();
  const linkFrom = useLinkFrom();
  // Read out to screen readers: a link made from the keyboard or by a drop on a card.
  const [announcement, setAnnouncement] = useState("");
  const announceLink = (source: string, target: string) => {
    const title = (id: string) => quoteTitle(snapshot.model.nodes.find((n) => n.id === id));
    setAnnouncement(`Linked ${title(source)} to ${title(target)}.`);
  };

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
    <div
      className="canvas"
      role="application"
      aria-label="Canvas: arrow keys move between cards, Enter edits a title, L links, ? lists every key"
      {...keys}
      onDoubleClick={onDoubleClick}
      onMouseMove={onMouseMove}
      onMouseLeave={() => onCursor(null)}
    >
      <ReactFlow
        nodes={snapshot.nodes}
        edges={snapshot.edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        onNodesChange={binding.onNodesChange}
        onEdgesChange={binding.onEdgesChange}
        onConnect={(connection) => {
          const ok = !binding.connectionProblem(connection.source, connection.target);
          binding.onConnect(connection);
          if (ok) announceLink(connection.source, connection.target);
        }}
        onConnectEnd={(event, state) => {
          const made = connectDropOnCard(binding, event, state);
          if (made) announceLink(made.source, made.target);
        }}
        onBeforeDelete={deletion.onBeforeDelete}
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
        nodesFocusable={false}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        proOptions={PRO_OPTIONS}
        aria-label="Logic model canvas"
      >
        <LaneBackgrounds />
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="#d6dae1" />
        <LaneHeaders onAdd={readOnly ? undefined : (kind) => create(kind)} />
        <PresenceLayer peers={peers} />
        <ConnectionHint />
        <Controls showInteractive={false} showFitView={false} position="bottom-left">
          <ControlButton
            onClick={() => fitModel(flow)}
            title="Fit the whole model (F)"
            aria-label="Fit the whole model"
          >
            ⤢
          </ControlButton>
        </Controls>
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
      {linkFrom && !readOnly && (
        <LinkPicker
          fromId={linkFrom}
          model={snapshot.model}
          onPick={(target) => {
            startLinkFrom(null);
            const ok = !binding.connectionProblem(linkFrom, target);
            binding.onConnect({ source: linkFrom, target, sourceHandle: null, targetHandle: null });
            if (ok) announceLink(linkFrom, target);
            focusCard(linkFrom);
          }}
          onCancel={() => {
            startLinkFrom(null);
            focusCard(linkFrom);
          }}
        />
      )}
      {deletion.dialog}
      <div className="visually-hidden" aria-live="polite" data-testid="canvas-announcement">
        {announcement}
      </div>
    </div>
  );
}
