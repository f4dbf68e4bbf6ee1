import type { CardMarks } from "./card-marks.ts";
import { CARD_HEIGHT_ESTIMATE, CARD_WIDTH, type CardNode, type LinkEdge } from "./flow-types.ts";
import { KIND_COLORS, KIND_SOFT_COLORS } from "./kind-colors.ts";

/**
 * Draws the zoomed-out canvas on one 2D context: each card a coloured rectangle (with a short
 * title where there is room for one), each link a plain curve, and the marks that must stay
 * visible from afar as outlines: selection, find, a traced chain (the rest dimmed). No handles,
 * badges, arrows or labels. Pure drawing: the caller owns the element and when to draw.
 */

export interface OverviewView {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
  pixelRatio: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const ACCENT = "#3b5bdb";
const FOUND = "#fcc419";
const CURRENT = "#f08c00";
const LINK = "#98a2b3";
const BORDER = "#98a2b3";
/** A short title is drawn once a card is this wide on screen, in at most this font size. */
const TITLE_MIN_WIDTH = 64;
const TITLE_MAX_PX = 11;

export interface OverviewScene {
  nodes: readonly CardNode[];
  edges: readonly LinkEdge[];
  /** Each card's rectangle, computed once per change of the cards, not per frame. */
  boxes: ReadonlyMap<string, Box>;
  marks: CardMarks;
}

export function boxesOf(nodes: readonly CardNode[]): Map<string, Box> {
  return new Map(nodes.map((node) => [node.id, boxOf(node)]));
}

export function boxOf(node: CardNode): Box {
  return {
    x: node.position.x,
    y: node.position.y,
    width: node.measured?.width ?? CARD_WIDTH,
    height: node.measured?.height ?? CARD_HEIGHT_ESTIMATE,
  };
}

/** The visible part of the flow, in flow coordinates. */
function viewRect(view: OverviewView): Box {
  return {
    x: -view.x / view.zoom,
    y: -view.y / view.zoom,
    width: view.width / view.zoom,
    height: view.height / view.zoom,
  };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The card under a flow position, topmost first. */
export function cardAt(
  nodes: readonly CardNode[],
  at: { x: number; y: number },
): string | undefined {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i] as CardNode;
    const box = boxOf(node);
    if (at.x >= box.x && at.x <= box.x + box.width && at.y >= box.y && at.y <= box.y + box.height)
      return node.id;
  }
  return undefined;
}

export function drawOverview(
  ctx: CanvasRenderingContext2D,
  scene: OverviewScene,
  view: OverviewView,
): number {
  const { pixelRatio: r, zoom } = view;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, view.width * r, view.height * r);
  ctx.setTransform(r * zoom, 0, 0, r * zoom, r * view.x, r * view.y);
  const visible = viewRect(view);
  const { boxes } = scene;
  drawLinks(ctx, scene, boxes, visible, zoom);
  let drawn = 0;
  for (const node of scene.nodes) {
    const box = boxes.get(node.id) as Box;
    if (!overlaps(box, visible)) continue;
    drawCard(ctx, node, box, scene.marks.cardMark(node.id), zoom);
    drawn += 1;
  }
  ctx.globalAlpha = 1;
  return drawn;
}

/** Links in three strokes (plain, on a traced chain, dimmed): one path each, however many. */
function drawLinks(
  ctx: CanvasRenderingContext2D,
  scene: { edges: readonly LinkEdge[]; marks: CardMarks },
  boxes: ReadonlyMap<string, Box>,
  visible: Box,
  zoom: number,
): void {
  const paths = { "": new Path2D(), "on-chain": new Path2D(), dimmed: new Path2D() };
  for (const edge of scene.edges) {
    const from = boxes.get(edge.source);
    const to = boxes.get(edge.target);
    if (!from || !to) continue;
    const x1 = from.x + from.width;
    const y1 = from.y + from.height / 2;
    const x2 = to.x;
    const y2 = to.y + to.height / 2;
    const span = { x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1) + 1 };
    if (!overlaps({ ...span, height: Math.abs(y2 - y1) + 1 }, visible)) continue;
    const mark = scene.marks.linkMark(edge.id) as keyof typeof paths;
    const path = paths[mark] ?? paths[""];
    const bend = Math.max(20, (x2 - x1) / 2);
    path.moveTo(x1, y1);
    path.bezierCurveTo(x1 + bend, y1, x2 - bend, y2, x2, y2);
  }
  ctx.lineWidth = 1 / zoom;
  ctx.strokeStyle = LINK;
  ctx.globalAlpha = 0.15;
  ctx.stroke(paths.dimmed);
  ctx.globalAlpha = 1;
  ctx.stroke(paths[""]);
  ctx.lineWidth = 2 / zoom;
  ctx.strokeStyle = ACCENT;
  ctx.stroke(paths["on-chain"]);
}

function drawCard(
  ctx: CanvasRenderingContext2D,
  node: CardNode,
  box: Box,
  mark: string,
  zoom: number,
): void {
  const kind = node.data.node.kind;
  const marks = mark ? mark.split(" ") : [];
  ctx.globalAlpha = marks.includes("dimmed") && !marks.includes("found") ? 0.28 : 1;
  ctx.fillStyle = marks.includes("found") ? "#fff3bf" : KIND_SOFT_COLORS[kind];
  ctx.fillRect(box.x, box.y, box.width, box.height);
  ctx.fillStyle = KIND_COLORS[kind];
  ctx.fillRect(box.x, box.y, Math.max(5, 3 / zoom), box.height);
  const outline = outlineOf(node.selected === true, marks);
  ctx.lineWidth = outline ? outline.width / zoom : 1 / zoom;
  ctx.strokeStyle = outline?.color ?? BORDER;
  ctx.strokeRect(box.x, box.y, box.width, box.height);
  if (box.width * zoom >= TITLE_MIN_WIDTH) drawShortTitle(ctx, node.data.node.title, box, zoom);
}

/** Trace first, then find, then selection, as the full cards show them (reading.css). */
function outlineOf(selected: boolean, marks: string[]): { color: string; width: number } | null {
  if (marks.includes("current")) return { color: CURRENT, width: 4 };
  if (marks.includes("found")) return { color: FOUND, width: 3 };
  if (marks.includes("traced")) return { color: ACCENT, width: 4 };
  if (selected) return { color: ACCENT, width: 3 };
  if (marks.includes("upstream") || marks.includes("downstream"))
    return { color: ACCENT, width: 2 };
  return null;
}

/** The title's first words, as many as fit one line of the shape (no measuring per card). */
function drawShortTitle(ctx: CanvasRenderingContext2D, title: string, box: Box, zoom: number) {
  const px = Math.min(TITLE_MAX_PX, (box.height * zoom) / 3);
  if (px < 7) return;
  const room = box.width * zoom - 14;
  const chars = Math.floor(room / (px * 0.55));
  const text =
    title.length > chars ? `${title.slice(0, Math.max(1, chars - 1)).trimEnd()}…` : title;
  ctx.font = `600 ${px / zoom}px system-ui, sans-serif`;
  ctx.fillStyle = "#1d2433";
  ctx.textBaseline = "middle";
  ctx.fillText(text, box.x + 9 / zoom, box.y + box.height / 2);
}
