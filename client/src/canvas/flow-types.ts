import {
  LANE_WIDTH,
  type LogicEdge,
  type LogicModel,
  type LogicNode,
  NODE_KINDS,
  type NodeKind,
} from "@logic-canvas/shared";
import type { Edge, Node } from "@xyflow/react";

/** The React Flow shapes the binding produces, and canvas geometry; nothing here knows Yjs. */

export type CardData = { node: LogicNode; readOnly: boolean; commentCount?: number };
export type CardNode = Node<CardData, "card">;
export type LinkData = { edge: LogicEdge; readOnly: boolean };
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
