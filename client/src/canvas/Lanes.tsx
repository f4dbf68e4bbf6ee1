import { KIND_LABELS, LANE_WIDTH, NODE_KINDS, type NodeKind } from "@logic-canvas/shared";
import { useViewport } from "@xyflow/react";
import { useLaneNote } from "./card-marks.ts";

/** The five lane backgrounds, behind the pane, following the viewport. */
export function LaneBackgrounds() {
  const { x, y, zoom } = useViewport();
  return (
    <div
      className="lanes"
      aria-hidden="true"
      style={{ transform: `translate(${x}px, 0) scale(${zoom}, 1)`, transformOrigin: "0 0" }}
    >
      {NODE_KINDS.map((kind, column) => (
        <div
          key={kind}
          className={`lane lane-${kind}`}
          style={{ left: column * LANE_WIDTH, width: LANE_WIDTH, backgroundPositionY: y }}
        />
      ))}
    </div>
  );
}

/** Lane headers stay at the top while the canvas pans; hover explains each lane. */
export function LaneHeaders({ onAdd }: { onAdd?: (kind: NodeKind) => void }) {
  const { x, zoom } = useViewport();
  return (
    <div className="lane-headers">
      {NODE_KINDS.map((kind, column) => (
        <LaneHeader
          key={kind}
          kind={kind}
          column={column}
          style={{ left: x + column * LANE_WIDTH * zoom, width: LANE_WIDTH * zoom }}
          onAdd={onAdd}
        />
      ))}
    </div>
  );
}

function LaneHeader(props: {
  kind: NodeKind;
  column: number;
  style: { left: number; width: number };
  onAdd?: (kind: NodeKind) => void;
}) {
  const { kind, column, onAdd } = props;
  const info = KIND_LABELS[kind];
  // While a filter or a traced chain hides cards, the header says how many of its cards show.
  const note = useLaneNote(kind);
  return (
    <div
      className={`lane-header lane-${kind}${note ? " is-filtered" : ""}`}
      style={props.style}
      data-testid={`lane-header-${kind}`}
    >
      <button type="button" className="lane-name" aria-describedby={`lane-tip-${kind}`}>
        {info.label}
      </button>
      {note ? (
        <span className="lane-also lane-note">{note}</span>
      ) : (
        <span className="lane-also">{info.alsoCalled}</span>
      )}
      <span role="tooltip" id={`lane-tip-${kind}`} className="lane-tip">
        {info.explains}
      </span>
      {onAdd && (
        <button
          type="button"
          className="lane-add"
          aria-label={`Add to ${info.label}`}
          title={`Add to ${info.label} (N, ${column + 1})`}
          onClick={() => onAdd(kind)}
        >
          +
        </button>
      )}
    </div>
  );
}
