import type { ReactFlowInstance } from "@xyflow/react";
import { CARD_HEIGHT_ESTIMATE, CARD_WIDTH } from "./flow-types.ts";

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 2;
/** Room kept around the model (the lane headers have their own band above the pane). */
const MARGIN = 24;

/**
 * Fits every card of the model in view. React Flow's own `fitView` only counts cards it has
 * measured, and with `onlyRenderVisibleElements` the cards off screen are never mounted, so on a
 * large model it framed only the visible few (or nothing). The bounds here come from every card's
 * position in the model, with its measured size when known and the usual card size otherwise.
 */
export function fitModel(
  flow: ReactFlowInstance,
  options: { duration?: number; maxZoom?: number } = {},
): void {
  const nodes = flow.getNodes();
  const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
  if (nodes.length === 0 || !pane) return;
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const node of nodes) {
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + (node.measured?.width ?? CARD_WIDTH));
    bottom = Math.max(bottom, node.position.y + (node.measured?.height ?? CARD_HEIGHT_ESTIMATE));
  }
  const width = Math.max(1, pane.width - 2 * MARGIN);
  const height = Math.max(1, pane.height - 2 * MARGIN);
  const fit = Math.min(width / (right - left), height / (bottom - top));
  const zoom = Math.max(MIN_ZOOM, Math.min(options.maxZoom ?? 1.5, MAX_ZOOM, fit));
  const x = MARGIN + (width - (right - left) * zoom) / 2 - left * zoom;
  const y = MARGIN + (height - (bottom - top) * zoom) / 2 - top * zoom;
  void flow.setViewport({ x, y, zoom }, { duration: options.duration ?? 300 });
}
