import { KIND_LABELS, type LogicModel, placeInLane } from "@logic-canvas/shared";
import {
  Background,
  BackgroundVariant,
  Controls,
  Handle,
  MarkerType,
  type NodeProps,
  Position,
  ReactFlow,
  ReactFlowProvider,
} from "@xyflow/react";
import { memo, useMemo, useState } from "react";
import { CARD_WIDTH, type CardNode, type LinkEdge } from "../canvas/flow-types.ts";
import { LaneBackgrounds, LaneHeaders } from "../canvas/Lanes.tsx";
import { LinkEdge as LinkView } from "../canvas/LinkEdge.tsx";
import { PrintView } from "../exports/PrintView.tsx";

/**
 * A saved version, read-only: its cards in their lanes and the links between them, on a canvas
 * of its own (its own React Flow store, apart from the editor's live one), or as the printable
 * table. Nothing here can write: no binding, no handles to connect, nothing to drag.
 */

function VersionCardView({ data }: NodeProps<CardNode>) {
  const { node } = data;
  return (
    <div className={`card kind-${node.kind}`} data-testid="version-card" data-node-id={node.id}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="card-kind">{KIND_LABELS[node.kind].short}</div>
      <div className="card-title" title={node.title}>
        {node.title}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

// Module level, as on the live canvas: new objects would remount every card on each render.
const NODE_TYPES = { card: memo(VersionCardView) };
const EDGE_TYPES = { link: LinkView };
const DEFAULT_EDGE_OPTIONS = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };
const PRO_OPTIONS = { hideAttribution: true };

function VersionFlow({ model }: { model: LogicModel }) {
  const nodes = useMemo(
    (): CardNode[] =>
      model.nodes.map((node) => ({
        id: node.id,
        type: "card",
        position: placeInLane(node.kind, node.position),
        data: { node },
        style: { width: CARD_WIDTH },
        draggable: false,
        connectable: false,
        selectable: false,
      })),
    [model.nodes],
  );
  const edges = useMemo(
    (): LinkEdge[] =>
      model.edges.map((edge) => ({
        id: edge.id,
        type: "link",
        source: edge.source,
        target: edge.target,
        data: { edge },
        selectable: false,
      })),
    [model.edges],
  );
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      edgeTypes={EDGE_TYPES}
      defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      edgesReconnectable={false}
      deleteKeyCode={null}
      fitView
      minZoom={0.1}
      maxZoom={2}
      proOptions={PRO_OPTIONS}
      aria-label="The saved version's canvas, read-only"
    >
      <LaneBackgrounds />
      <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="#d6dae1" />
      <LaneHeaders />
      <Controls showInteractive={false} position="bottom-left" />
    </ReactFlow>
  );
}

/** The body of the "version opened read-only" dialog: the canvas first, the table on request. */
export function VersionViewer({ model }: { model: LogicModel }) {
  const [asTable, setAsTable] = useState(false);
  return (
    <div className="version-viewer">
      <p className="version-viewer-bar small">
        {model.nodes.length} cards and {model.edges.length} links, as they were saved. Nothing here
        can be changed.{" "}
        <button type="button" className="link-button" onClick={() => setAsTable((t) => !t)}>
          {asTable ? "Show the canvas" : "Show as a table"}
        </button>
      </p>
      {asTable ? (
        <div className="version-table">
          <PrintView model={model} />
        </div>
      ) : (
        <div className="version-canvas" data-testid="version-canvas">
          <ReactFlowProvider>
            <VersionFlow model={model} />
          </ReactFlowProvider>
        </div>
      )}
    </div>
  );
}
