import type { ReactFlowInstance } from "@xyflow/react";
import { CARD_HEIGHT_ESTIMATE, CARD_WIDTH } from "../canvas/flow-types.ts";

/** Below this zoom a card's title is hard to read, so centring on a found card zooms in to it. */
const READABLE_ZOOM = 0.8;

/**
 * Centres the view on a card from React Flow's node list, which holds every card of the model
 * whether or not it is mounted (the canvas mounts only the cards in view).
 */
export function centreOnCard(flow: ReactFlowInstance, id: string): void {
  const node = flow.getNode(id);
  if (!node) return;
  const width = node.measured?.width ?? CARD_WIDTH;
  const height = node.measured?.height ?? CARD_HEIGHT_ESTIMATE;
  void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, {
    zoom: Math.max(flow.getZoom(), READABLE_ZOOM),
    duration: 250,
  });
}
