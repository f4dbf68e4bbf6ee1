import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from "@xyflow/react";
import { memo } from "react";
import { useLinkMark } from "./card-marks.ts";
import type { LinkEdge as LinkEdgeType } from "./yjs-flow-binding.ts";

function LinkView(props: EdgeProps<LinkEdgeType>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const rationale = props.data?.edge.rationale;
  const mark = useLinkMark(props.id);
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        className={`link${props.selected ? " is-selected" : ""}${mark ? ` is-${mark}` : ""}`}
        interactionWidth={16}
      />
      {rationale && (
        <EdgeLabelRenderer>
          <div
            className={`link-label nodrag nopan${mark ? ` is-${mark}` : ""}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={`Because ${rationale}`}
          >
            because…
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const LinkEdge = memo(LinkView);
