import { columnOf, NODE_KINDS } from "@logic-canvas/shared";
import type { CardNode } from "./flow-types.ts";

/**
 * Moving between cards with the arrow keys, in lane order: up and down within a lane (top to
 * bottom), left and right to the nearest card of the next lane that has cards.
 */

type Placed = Pick<CardNode, "id" | "position"> & {
  data: { node: { kind: CardNode["data"]["node"]["kind"] } };
};

export type ArrowKey = "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight";

export function isArrowKey(key: string): key is ArrowKey {
  return key === "ArrowUp" || key === "ArrowDown" || key === "ArrowLeft" || key === "ArrowRight";
}

/** The cards of each lane, top to bottom; lanes in their left-to-right order. */
export function lanesInOrder<T extends Placed>(cards: readonly T[]): T[][] {
  const lanes: T[][] = NODE_KINDS.map(() => []);
  for (const card of cards) lanes[columnOf(card.data.node.kind)]?.push(card);
  for (const lane of lanes)
    lane.sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
  return lanes;
}

/** Every card in reading order: lane by lane, top to bottom. */
export function readingOrder<T extends Placed>(cards: readonly T[]): T[] {
  return lanesInOrder(cards).flat();
}

/** The card an arrow key leads to from `fromId`; undefined at an edge of the model. */
export function cardTowards<T extends Placed>(
  cards: readonly T[],
  fromId: string,
  key: ArrowKey,
): T | undefined {
  const lanes = lanesInOrder(cards);
  const column = lanes.findIndex((lane) => lane.some((c) => c.id === fromId));
  if (column < 0) return readingOrder(cards)[0];
  const lane = lanes[column] ?? [];
  const row = lane.findIndex((c) => c.id === fromId);
  if (key === "ArrowUp") return lane[row - 1];
  if (key === "ArrowDown") return lane[row + 1];
  const from = lane[row];
  if (!from) return undefined;
  const step = key === "ArrowLeft" ? -1 : 1;
  for (let next = column + step; next >= 0 && next < lanes.length; next += step) {
    const candidates = lanes[next] ?? [];
    if (candidates.length === 0) continue;
    return candidates.reduce((best, c) =>
      Math.abs(c.position.y - from.position.y) < Math.abs(best.position.y - from.position.y)
        ? c
        : best,
    );
  }
  return undefined;
}

/** The card element of `id`, once React Flow has mounted it. */
export function cardElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.card[data-node-id="${CSS.escape(id)}"]`);
}

/**
 * Puts keyboard focus on a card. It may only mount a frame or two later (after the view moved to
 * it, since off-screen cards are not rendered), so this tries for a few frames.
 */
export function focusCard(id: string, frames = 20): void {
  const element = cardElement(id);
  if (element) {
    element.focus({ preventScroll: true });
    return;
  }
  if (frames > 0) requestAnimationFrame(() => focusCard(id, frames - 1));
}
