import { LANE_WIDTH, NODE_KINDS } from "@logic-canvas/shared";
import { type ReactFlowInstance, useStore } from "@xyflow/react";
import { useEffect, useRef } from "react";

/** Space kept above the first card (the lane headers have their own band above the canvas). */
const HEADER_SPACE = 16;

/** Shows all five lanes across the width, from the top of the model. */
export function fitLanes(flow: ReactFlowInstance, paneWidth: number, topY: number): void {
  const zoom = Math.min(1, Math.max(0.25, (paneWidth - 32) / (NODE_KINDS.length * LANE_WIDTH)));
  void flow.setViewport({ x: 16, y: HEADER_SPACE - topY * zoom, zoom });
}

/** Once the model has arrived, frames the lanes (not only the cards) the first time. */
export function useInitialView(flow: ReactFlowInstance, ready: boolean, topY: number): void {
  const width = useStore((s) => s.width);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !ready || width === 0) return;
    done.current = true;
    fitLanes(flow, width, Math.min(topY, 40) - 16);
  }, [flow, ready, width, topY]);
}
