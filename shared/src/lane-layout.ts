import { isGoalKind, NODE_KINDS, type NodeKind } from "./kinds.ts";
import { LANE_PADDING, laneX } from "./lanes.ts";
import type { LogicModel, LogicNode } from "./schema.ts";

/**
 * Tidy lanes: the one layout rule for cards within their lanes, used by the canvas's "Tidy lanes"
 * and by every import whose cards have no positions or overlap. A card's lane is its kind, so the
 * layers of this layered layout are fixed: only the order within each lane (to cut link
 * crossings) and the vertical spacing remain. A general layered layout (ELK, as the canvas used
 * before) took 17 s for a 2,000-card file in Node, far too long for the server's import; this
 * runs in milliseconds and needs no browser.
 */

export type CardSize = { width: number; height: number };
export type SizeOf = (node: LogicNode) => CardSize;

/** Vertical space between two cards of a lane. */
export const CARD_GAP = 28;
const CARD_WIDTH = 240;
/**
 * Characters of a title on one line of a card (13.5 px text in 210 px, wrapped at words): 20 is
 * what long titles reach in Chromium (a 54-character title takes three lines), so estimates rarely
 * fall short; 34 is more than any line holds, for a height no card is shorter than.
 */
const CHARS_PER_LINE = 20;
const CHARS_PER_LINE_AT_MOST = 34;

/**
 * A card's size before the browser has drawn it, as the canvas draws it (measured in Chromium:
 * 55 px with one line of title, 20 px a line, a title shows at most four lines, and 22 px of
 * badges on goals and staged activities).
 */
export function estimateCardSize(node: LogicNode, charsPerLine = CHARS_PER_LINE): CardSize {
  const lines = Math.min(4, Math.max(1, Math.ceil(node.title.trim().length / charsPerLine)));
  const footer = isGoalKind(node.kind) || node.stage !== undefined ? 22 : 0;
  return { width: CARD_WIDTH, height: 35 + lines * 20 + footer };
}

/** A height the card is at least: two placed cards closer than this overlap on every screen. */
const smallestCardSize: SizeOf = (node) => estimateCardSize(node, CHARS_PER_LINE_AT_MOST);

type Lanes = Map<NodeKind, LogicNode[]>;

/** The cards of each lane, top to bottom as they stand (unplaced cards after, in file order). */
function lanesOf(nodes: readonly LogicNode[]): Lanes {
  const lanes: Lanes = new Map(NODE_KINDS.map((kind) => [kind, []]));
  for (const node of nodes) lanes.get(node.kind)?.push(node);
  for (const [kind, list] of lanes) {
    const index = new Map(list.map((n, i) => [n.id, i]));
    const y = (n: LogicNode) => n.position?.y ?? Number.POSITIVE_INFINITY;
    lanes.set(
      kind,
      [...list].sort((a, b) => y(a) - y(b) || (index.get(a.id) ?? 0) - (index.get(b.id) ?? 0)),
    );
  }
  return lanes;
}

/** Each card's linked cards in lanes to its left (`before`) and to its right (`after`). */
function neighbours(model: LogicModel) {
  const column = new Map(model.nodes.map((n) => [n.id, NODE_KINDS.indexOf(n.kind)]));
  const before = new Map<string, string[]>();
  const after = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const edge of model.edges) {
    const from = column.get(edge.source);
    const to = column.get(edge.target);
    if (from === undefined || to === undefined || from === to) continue;
    const [left, right] = from < to ? [edge.source, edge.target] : [edge.target, edge.source];
    add(before, right, left);
    add(after, left, right);
  }
  return { before, after };
}

/**
 * Orders each lane by the mean rank of its linked cards (the barycenter heuristic), sweeping left
 * to right and back a few times; a card without links in the sweep's direction keeps its rank.
 */
function orderLanes(lanes: Lanes, model: LogicModel): void {
  const { before, after } = neighbours(model);
  const rank = new Map<string, number>();
  const rankLane = (list: LogicNode[]) => {
    list.forEach((n, i) => {
      rank.set(n.id, list.length > 1 ? i / (list.length - 1) : 0.5);
    });
  };
  for (const list of lanes.values()) rankLane(list);
  const sweep = (kinds: readonly NodeKind[], links: Map<string, string[]>) => {
    for (const kind of kinds) {
      const list = lanes.get(kind) ?? [];
      const key = new Map<string, number>();
      for (const node of list) {
        const linked = (links.get(node.id) ?? []).map((id) => rank.get(id) ?? 0);
        const own = rank.get(node.id) ?? 0;
        key.set(node.id, linked.length ? linked.reduce((a, b) => a + b, 0) / linked.length : own);
      }
      list.sort((a, b) => (key.get(a.id) ?? 0) - (key.get(b.id) ?? 0));
      rankLane(list);
    }
  };
  const leftToRight = NODE_KINDS.slice(1);
  const rightToLeft = NODE_KINDS.slice(0, -1).reverse();
  for (let pass = 0; pass < 4; pass += 1) {
    sweep(leftToRight, before);
    sweep(rightToLeft, after);
  }
}

/**
 * Where every card goes: in its lane, in the order that crosses fewest links, each as close to
 * the middle of the cards that lead to it as the cards above it allow, never overlapping.
 */
export function tidyLanes(
  model: LogicModel,
  sizeOf: SizeOf = estimateCardSize,
): Map<string, { x: number; y: number }> {
  const lanes = lanesOf(model.nodes);
  orderLanes(lanes, model);
  const { before } = neighbours(model);
  const positions = new Map<string, { x: number; y: number }>();
  const centre = new Map<string, number>();
  for (const kind of NODE_KINDS) {
    let next = LANE_PADDING;
    for (const node of lanes.get(kind) ?? []) {
      const { height } = sizeOf(node);
      const linked = (before.get(node.id) ?? []).flatMap((id) => centre.get(id) ?? []);
      const wanted = linked.length
        ? linked.reduce((a, b) => a + b, 0) / linked.length - height / 2
        : next;
      const y = Math.round(Math.max(next, wanted));
      positions.set(node.id, { x: laneX(kind), y });
      centre.set(node.id, y + height / 2);
      next = y + height + CARD_GAP;
    }
  }
  return positions;
}

/**
 * Whether some card has no position or covers another card of its lane. Judged with the
 * smallest height a card can have, so a file this app wrote (whose cards never overlapped on
 * screen) keeps its positions.
 */
export function needsLayout(model: LogicModel, sizeOf: SizeOf = smallestCardSize): boolean {
  if (model.nodes.some((n) => !n.position)) return true;
  for (const list of lanesOf(model.nodes).values()) {
    for (let i = 1; i < list.length; i += 1) {
      const above = list[i - 1] as LogicNode;
      const below = list[i] as LogicNode;
      const aboveY = above.position?.y ?? 0;
      if ((below.position?.y ?? 0) < aboveY + sizeOf(above).height) return true;
    }
  }
  return false;
}

/**
 * A model as it is imported: unchanged when every card has its own place, else laid out with
 * Tidy lanes (a file written by hand or another tool often has no positions at all).
 */
export function withCardsPlaced(model: LogicModel): LogicModel {
  if (!needsLayout(model)) return model;
  const positions = tidyLanes(model);
  return {
    ...model,
    nodes: model.nodes.map((node) => {
      const position = positions.get(node.id);
      return position ? { ...node, position } : node;
    }),
  };
}
