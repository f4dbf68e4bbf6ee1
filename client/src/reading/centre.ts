import type { ReactFlowInstance } from "@xyflow/react";
import { cardOf } from "../canvas/cull/whole-model.ts";
import { CARD_HEIGHT_ESTIMATE, CARD_WIDTH } from "../canvas/flow-types.ts";

/** Below this zoom a card's title is hard to read, so centring on a found card zooms in to it. */
const READABLE_ZOOM = 0.8;

function centreOf(flow: ReactFlowInstance, id: string) {
  const node = cardOf(flow, id);
  if (!node) return undefined;
  const width = node.measured?.width ?? CARD_WIDTH;
  const height = node.measured?.height ?? CARD_HEIGHT_ESTIMATE;
  return {
    x: node.position.x + width / 2,
    y: node.position.y + height / 2,
    measured: !!node.measured?.height,
  };
}

/**
 * Centres the view on a card of the whole model (`cardOf`), whether or not React Flow holds it
 * (the canvas hands it only the cards near the view). A card not mounted
 * yet has no measured size; once the move has mounted it, the view is corrected to its real size.
 */
let latest = 0;

export function centreOnCard(flow: ReactFlowInstance, id: string): void {
  const first = centreOf(flow, id);
  if (!first) return;
  // A later request (the next keystroke or Enter) wins over this one's correction.
  const request = ++latest;
  const zoom = Math.max(flow.getZoom(), READABLE_ZOOM);
  void flow.setCenter(first.x, first.y, { zoom, duration: 250 }).then(() => {
    if (first.measured || request !== latest) return;
    const real = centreOf(flow, id);
    if (real && (real.x !== first.x || real.y !== first.y))
      void flow.setCenter(real.x, real.y, { zoom, duration: 120 });
  });
}
