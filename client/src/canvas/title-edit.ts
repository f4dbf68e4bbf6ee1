import type { NodeKind } from "@logic-canvas/shared";
import type { ReactFlowInstance, XYPosition } from "@xyflow/react";
import { useSyncExternalStore } from "react";
import { cardOf } from "./cull/whole-model.ts";
import { CARD_HEIGHT_ESTIMATE, CARD_WIDTH } from "./flow-types.ts";
import type { YjsFlowBinding } from "./yjs-flow-binding.ts";

/**
 * Which card should open its title for editing. A card just created (toolbar, a lane's +, a
 * double-click, N then 1–5) or one a person pressed Enter on asks here; the card, once mounted,
 * takes the request. A store rather than card state because the request is made before the card
 * exists, and the card may only mount after the view has moved to it.
 */
let requested: string | null = null;
const listeners = new Set<() => void>();

function set(id: string | null): void {
  requested = id;
  for (const listener of listeners) listener();
}

export function requestTitleEdit(id: string): void {
  set(id);
}

/** Called by the card that opened its editor, so a later remount does not open it again. */
export function takeTitleEdit(id: string): void {
  if (requested === id) set(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether card `id` has been asked to open its title editor. */
export function useTitleEditRequested(id: string): boolean {
  return useSyncExternalStore(subscribe, () => requested === id);
}

/** Pans (keeping the zoom) so that a card is on screen, unless it already is. */
export function bringIntoView(flow: ReactFlowInstance, id: string): void {
  const node = cardOf(flow, id);
  const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
  if (!node || !pane) return;
  const width = node.measured?.width ?? CARD_WIDTH;
  const height = node.measured?.height ?? CARD_HEIGHT_ESTIMATE;
  const topLeft = flow.flowToScreenPosition(node.position);
  const bottomRight = flow.flowToScreenPosition({
    x: node.position.x + width,
    y: node.position.y + height,
  });
  // The lane headers have their own band above the pane: the whole pane shows cards.
  const inside =
    topLeft.x >= pane.left &&
    topLeft.y >= pane.top &&
    bottomRight.x <= pane.right &&
    bottomRight.y <= pane.bottom;
  if (inside) return;
  const { zoom } = flow.getViewport();
  void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, {
    zoom,
    duration: 0,
  });
}

/** Zoom at which a card, zoomed in to from the overview, reads as on a laptop's first view. */
const READING_ZOOM = 1;

/** Zooms in from the overview to a card, centred, where its full body is drawn again. */
export function zoomToCard(flow: ReactFlowInstance, id: string): void {
  const node = cardOf(flow, id);
  if (!node) return;
  const width = node.measured?.width ?? CARD_WIDTH;
  const height = node.measured?.height ?? CARD_HEIGHT_ESTIMATE;
  void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, {
    zoom: READING_ZOOM,
    duration: 250,
  });
}

/** Creates a card and opens its title for typing, on screen. */
export function createCardToEdit(
  binding: YjsFlowBinding,
  flow: ReactFlowInstance,
  kind: NodeKind,
  at?: XYPosition,
): string | undefined {
  const id = binding.createNode(kind, at);
  if (!id) return undefined;
  requestTitleEdit(id);
  // The new card reaches React Flow's store on the next render.
  requestAnimationFrame(() => bringIntoView(flow, id));
  return id;
}
