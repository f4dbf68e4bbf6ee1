import {
  checkSmart,
  isGoalKind,
  LANE_WIDTH,
  type LogicModel,
  type LogicNode,
  laneX,
  NODE_KINDS,
  type NodeKind,
  placeInLane,
} from "@logic-canvas/shared";
import { type MeasureText, wrapText } from "./text-wrap.ts";

/**
 * Where everything of a model's image goes: lanes, cards with their wrapped titles, links, the
 * title and the mastery goal. One layout for both drawings of it, the SVG (model-svg.ts) and the
 * PNG (model-canvas.ts), so the two show the same lines. Framework-free.
 */

export const FONT_FAMILY = 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, Arial, sans-serif';
export const COLORS: Record<NodeKind, string> = {
  input: "#64748b",
  activity: "#2f6fd6",
  smallWin: "#1f9d6b",
  midJourney: "#d08700",
  longTerm: "#d6453d",
};
export const TEXT = "#1f2733";
export const MUTED = "#667085";
export const LINK = "#98a2b3";
export const FAILED_CHECK = "#b0b7c3";
export const CARD_BORDER = "#cfd4dc";
export const MARGIN = 40;
export const CARD_WIDTH = 240;
export const PAD_X = 14;
export const TITLE_LINE = 18;
/**
 * An export is read away from the app, where nobody can open the card to see the rest, so a
 * title is wrapped in full: a card grows with its title and the cards below it in its lane move
 * down. A title is at most 500 characters (about 20 lines), so this cap is never reached by a
 * title the model accepts; it only bounds a pathological unbroken string.
 */
const TITLE_LINES = 40;
/** The least space between two cards of one lane in an export, as on a tidied canvas. */
const CARD_GAP = 16;
export const TITLE_FONT = `600 13.5px ${FONT_FAMILY}`;
const BANNER_GOAL_FONT = `400 14px ${FONT_FAMILY}`;
/** The lane's heading band above its first card. */
export const HEADER_HEIGHT = 36;

/** What a card shows under its title: a goal's SMART letters, or an activity's stage. */
export type CardFooter =
  | { kind: "smart"; checks: ReturnType<typeof checkSmart> }
  | { kind: "stage"; text: string }
  | undefined;

export interface CardBox {
  node: LogicNode;
  x: number;
  y: number;
  height: number;
  lines: string[];
  footer: CardFooter;
}

export interface ModelLayout {
  width: number;
  height: number;
  /** Model coordinates start here: the lanes at x = left + dx, the cards at y = top + dy. */
  dx: number;
  dy: number;
  top: number;
  bottom: number;
  title: string;
  goalLines: string[];
  cards: CardBox[];
  links: [CardBox, CardBox][];
}

function cardBox(node: LogicNode, measure: MeasureText): CardBox {
  const { x, y } = placeInLane(node.kind, node.position);
  const lines = wrapText(node.title, CARD_WIDTH - PAD_X - 12, TITLE_FONT, measure, TITLE_LINES);
  const footer: CardFooter = isGoalKind(node.kind)
    ? { kind: "smart", checks: checkSmart(node) }
    : node.kind === "activity" && node.stage
      ? { kind: "stage", text: node.stage }
      : undefined;
  const height = 28 + lines.length * TITLE_LINE + (footer ? 20 : 0) + 6;
  return { node, x, y, height, lines, footer };
}

/** The baseline of a card's footer, under its title's last line. */
export const footerY = (card: CardBox) => 28 + card.lines.length * TITLE_LINE + 14;

/** From the right middle of one card to the left middle of the next, as the canvas draws it. */
export function linkCurve(from: CardBox, to: CardBox) {
  const sx = from.x + CARD_WIDTH;
  const sy = from.y + from.height / 2;
  const tx = to.x - 6;
  const ty = to.y + to.height / 2;
  const bend = Math.max(40, Math.abs(tx - sx) / 2);
  return { sx, sy, tx, ty, bend };
}

/**
 * Moves cards down, lane by lane, where a card grown by its wrapped title would cover the next
 * one; cards keep their order and never move up.
 */
function unstack(boxes: CardBox[]): void {
  for (const kind of NODE_KINDS) {
    const lane = boxes.filter((b) => b.node.kind === kind).sort((a, b) => a.y - b.y);
    let bottom = Number.NEGATIVE_INFINITY;
    for (const box of lane) {
      if (box.y < bottom + CARD_GAP) box.y = bottom + CARD_GAP;
      bottom = box.y + box.height;
    }
  }
}

/** The banner's texts: the school's mission, vision and values (issue 17), then the mastery goal. */
function bannerTexts(model: LogicModel): string[] {
  const texts: string[] = [];
  if (model.mission) texts.push(`Mission: ${model.mission}`);
  if (model.vision) texts.push(`Vision: ${model.vision}`);
  if (model.values?.length) texts.push(`Values: ${model.values.join(" · ")}`);
  if (model.masteryGoal) texts.push(`Mastery goal: ${model.masteryGoal}`);
  return texts;
}

export function layoutModel(model: LogicModel, measure: MeasureText): ModelLayout {
  const byId = new Map(model.nodes.map((node) => [node.id, cardBox(node, measure)]));
  const cards = [...byId.values()];
  unstack(cards);
  const left = laneX(NODE_KINDS[0] as NodeKind);
  const right = laneX(NODE_KINDS.at(-1) as NodeKind) + LANE_WIDTH;
  let top = 0;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const card of cards) {
    top = Math.min(top, card.y);
    bottom = Math.max(bottom, card.y + card.height);
  }
  bottom = Math.max(top + 200, bottom) + MARGIN;
  const contentWidth = right - left;
  const goalLines = bannerTexts(model).flatMap((text) =>
    wrapText(text, contentWidth, BANNER_GOAL_FONT, measure),
  );
  const bannerHeight = 36 + goalLines.length * 20 + 16;
  const links: [CardBox, CardBox][] = [];
  for (const edge of model.edges) {
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (from && to) links.push([from, to]);
  }
  return {
    width: contentWidth + 2 * MARGIN,
    height: MARGIN + bannerHeight + HEADER_HEIGHT + (bottom - top),
    dx: MARGIN - left,
    dy: MARGIN + bannerHeight + HEADER_HEIGHT - top,
    top,
    bottom,
    title: model.title,
    goalLines,
    cards,
    links,
  };
}
