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
