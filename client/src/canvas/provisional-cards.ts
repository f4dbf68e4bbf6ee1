import { type CanvasSnapshot, placeInLane } from "@logic-canvas/shared";
import { CardIndex } from "./cull/card-index.ts";
import {
  CARD_HEIGHT_ESTIMATE,
  CARD_WIDTH,
  type CardNode,
  cardHandles,
  type LinkEdge,
} from "./flow-types.ts";

/**
 * The canvas's first layer (issue 14): the cards of the canvas snapshot as React Flow objects,
 * indexed by place like the binding's, so the canvas culls them the same way. They show a frame
 * and a title and cannot be selected, moved, linked or deleted; the binding's cards, which carry
 * everything, take their place once the graph document has synced. Not Yjs: the binding stays
 * the one module that turns the document into React Flow objects. Framework-free.
 */
export interface ProvisionalCards {
  nodes: CardNode[];
  edges: LinkEdge[];
  index: CardIndex;
}

export function provisionalCards(snapshot: CanvasSnapshot): ProvisionalCards {
  const index = new CardIndex();
  // Every first-layer card has the estimated size, so one list of handles serves them all
  // (React Flow reads it, never changes it): 5,000 cards made 15,000 objects for the same places.
  const handles = cardHandles(CARD_WIDTH, CARD_HEIGHT_ESTIMATE);
  const nodes = snapshot.cards.map(([id, kind, x, y, title]): CardNode => {
    const node: CardNode = {
      id,
      type: "card",
      position: placeInLane(kind, { x, y }),
      data: { node: { id, kind, title, position: { x, y } }, provisional: true },
      initialWidth: CARD_WIDTH,
      initialHeight: CARD_HEIGHT_ESTIMATE,
      handles,
      draggable: false,
      selectable: false,
      connectable: false,
      deletable: false,
      focusable: false,
      ariaLabel: title,
    };
    index.setCard(node);
    return node;
  });
  const edges = snapshot.links.map(([id, source, target]): LinkEdge => {
    const edge: LinkEdge = {
      id,
      type: "link",
      source,
      target,
      data: { edge: { id, source, target } },
      selectable: false,
      deletable: false,
      focusable: false,
    };
    index.setLink(edge);
    return edge;
  });
  return { nodes, edges, index };
}
