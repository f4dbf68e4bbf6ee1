import { columnOf, type NodeKind } from "./kinds.ts";

/** Canvas geometry shared by the template, imports without positions and the canvas lanes. */
export const LANE_WIDTH = 320;
/** Left margin of a card inside its lane. */
export const LANE_PADDING = 40;
/** Vertical distance between two cards stacked in one lane. */
export const LANE_ROW_SPACING = 140;

export function laneX(kind: NodeKind): number {
  return columnOf(kind) * LANE_WIDTH + LANE_PADDING;
}

/** Where the `index`-th card (from 0) of a lane goes when nobody has placed it yet. */
export function positionInLane(kind: NodeKind, index: number): { x: number; y: number } {
  return { x: laneX(kind), y: LANE_PADDING + index * LANE_ROW_SPACING };
}

/** A card's width on the canvas: its lane less the padding on both sides. */
const CARD_WIDTH = LANE_WIDTH - 2 * LANE_PADDING;

/**
 * Where a card is drawn: its stored position, with x kept inside its kind's lane. The lane a
 * card sits in is its kind, whatever position an imported file or an integration wrote.
 */
export function placeInLane(
  kind: NodeKind,
  position?: { x: number; y: number },
): { x: number; y: number } {
  if (!position) return { x: laneX(kind), y: LANE_PADDING };
  const left = columnOf(kind) * LANE_WIDTH;
  const x = Math.min(Math.max(position.x, left), left + LANE_WIDTH - CARD_WIDTH);
  return x === position.x ? position : { x, y: position.y };
}
