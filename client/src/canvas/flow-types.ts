import {
  LANE_WIDTH,
  type LogicEdge,
  type LogicModel,
  type LogicNode,
  NODE_KINDS,
  type NodeKind,
} from "@logic-canvas/shared";
import { type Edge, type Node, type NodeHandle, Position } from "@xyflow/react";

/** The React Flow shapes the binding produces, and canvas geometry; nothing here knows Yjs. */

/**
 * `provisional`: drawn from the canvas snapshot before the graph document synced
 * (`provisional-cards.ts`): frame and title only, nothing to edit yet.
 */
export type CardData = { node: LogicNode; provisional?: true };
export type CardNode = Node<CardData, "card">;
export type LinkData = { edge: LogicEdge };
export type LinkEdge = Edge<LinkData, "link">;

export interface BindingSnapshot {
  nodes: CardNode[];
  edges: LinkEdge[];
  model: LogicModel;
  canUndo: boolean;
  canRedo: boolean;
  /** The team's check-in dates, sorted. */
  checkIns: string[];
}

export type Notice = { kind: "error" | "info"; message: string };

/** How often a dragged card's position is written to the document while it moves. */
export const DRAG_WRITE_INTERVAL_MS = 80;
export const CARD_WIDTH = 240;
/** A card with a two-line title, until the real one is measured. */
export const CARD_HEIGHT_ESTIMATE = 72;
/** `.react-flow__handle` in card.css: 11 px, centred on the card's left and right edges. */
const HANDLE_SIZE = 11;

/**
 * Where a card's two handles are, from its size. Given to React Flow with each card so that it
 * need not mount every card once to measure them: with `onlyRenderVisibleElements` it would
 * otherwise render all 1,000 cards of a large model on first load, then remove the ones off screen.
 */
export function cardHandles(width: number, height: number): NodeHandle[] {
  const y = height / 2 - HANDLE_SIZE / 2;
  const size = { width: HANDLE_SIZE, height: HANDLE_SIZE };
  return [
    { type: "target", position: Position.Left, x: -HANDLE_SIZE / 2, y, ...size },
    { type: "source", position: Position.Right, x: width - HANDLE_SIZE / 2, y, ...size },
  ];
}

export function laneAt(x: number): NodeKind {
  const column = Math.max(0, Math.min(NODE_KINDS.length - 1, Math.floor(x / LANE_WIDTH)));
  return NODE_KINDS[column] as NodeKind;
}

export function kindNoun(kind: NodeKind): string {
  return {
    input: "input",
    activity: "activity",
    smallWin: "small win",
    midJourney: "mid-journey goal",
    longTerm: "long-term goal",
  }[kind];
}
