import type { ReactFlowInstance } from "@xyflow/react";
import { allCards, cardOf } from "./cull/whole-model.ts";
import { CARD_HEIGHT_ESTIMATE, CARD_WIDTH, type CardNode } from "./flow-types.ts";

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 2;
/** Room kept around the model (the lane headers have their own band above the pane). */
const MARGIN = 24;

interface FitOptions {
  duration?: number;
  maxZoom?: number;
  /** Room around the cards, as a share of the pane (React Flow's `fitView` padding). */
  padding?: number;
}

/**
 * Fits every card of the model in view. React Flow's own `fitView` only counts cards it holds
 * and has measured, and the canvas hands it only the cards near the view, so on a large model it
 * framed only the visible few. The bounds here come from every card's position in the model
 * (`allCards`), with its measured size when known and the usual card size otherwise.
 */
export function fitModel(flow: ReactFlowInstance, options: FitOptions = {}): void {
  fitCards(flow, allCards(flow), options);
}

/** Fits the cards with these ids (mounted or not) in view: find, trace, focus. */
export function fitCardIds(flow: ReactFlowInstance, ids: Iterable<string>, options: FitOptions) {
  const cards: CardNode[] = [];
  for (const id of ids) {
    const card = cardOf(flow, id);
    if (card) cards.push(card);
  }
  fitCards(flow, cards, options);
}

function fitCards(flow: ReactFlowInstance, nodes: readonly CardNode[], options: FitOptions) {
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
  const padding = options.padding ?? 0;
  const width = Math.max(1, pane.width / (1 + padding) - 2 * MARGIN);
  const height = Math.max(1, pane.height / (1 + padding) - 2 * MARGIN);
  const fit = Math.min(width / (right - left), height / (bottom - top));
  const zoom = Math.max(MIN_ZOOM, Math.min(options.maxZoom ?? 1.5, MAX_ZOOM, fit));
  const x = pane.width / 2 - ((left + right) / 2) * zoom;
  const y = pane.height / 2 - ((top + bottom) / 2) * zoom;
  void flow.setViewport({ x, y, zoom }, { duration: options.duration ?? 300 });
}
