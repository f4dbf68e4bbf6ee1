import { KIND_LABELS, LANE_WIDTH, laneX, NODE_KINDS } from "@logic-canvas/shared";
import {
  CARD_BORDER,
  CARD_WIDTH,
  type CardBox,
  COLORS,
  FAILED_CHECK,
  FONT_FAMILY,
  footerY,
  HEADER_HEIGHT,
  LINK,
  linkCurve,
  MARGIN,
  type ModelLayout,
  MUTED,
  PAD_X,
  TEXT,
  TITLE_FONT,
  TITLE_LINE,
} from "./model-layout.ts";

/**
 * The model's layout drawn straight onto a 2D canvas, shape for shape as model-svg.ts writes it,
 * for the PNG: rasterising the SVG means the browser parses and lays out thousands of text
 * elements again, which took seconds at 1,000 cards. Framework-free.
 */

/** The page's canvas, or an OffscreenCanvas in the PNG worker (`png-worker.ts`). */
type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
const font = (weight: number, size: number) => `${weight} ${size}px ${FONT_FAMILY}`;
const LABEL_FONT = font(700, 10);
const FOOTER_FONT = font(400, 10);
/** The SVG's arrow marker: 10 units drawn 8 stroke widths wide, its tip at unit 9 of 10. */
const ARROW_UNIT = (8 * 1.6) / 10;

/** The font last set on each context: setting one is parsed anew each time, even if unchanged. */
const fonts = new WeakMap<Context, string>();

function text(context: Context, value: string, x: number, y: number, style: string, color: string) {
  if (fonts.get(context) !== style) {
    context.font = style;
    fonts.set(context, style);
  }
  context.fillStyle = color;
  context.fillText(value, x, y);
}

function drawLanes(context: Context, { top, bottom }: ModelLayout) {
  NODE_KINDS.forEach((kind, i) => {
    const x = laneX(kind);
    context.fillStyle = i % 2 === 0 ? "#f6f7f9" : "#eef1f5";
    context.fillRect(x, top - HEADER_HEIGHT, LANE_WIDTH, bottom - top + HEADER_HEIGHT);
    context.fillStyle = COLORS[kind];
    context.fillRect(x, top - HEADER_HEIGHT, LANE_WIDTH, 3);
    text(context, KIND_LABELS[kind].label, x + 12, top - 12, font(700, 15), TEXT);
  });
}

function drawLinks(context: Context, layout: ModelLayout) {
  context.strokeStyle = LINK;
  context.fillStyle = LINK;
  context.lineWidth = 1.6;
  const curves = new Path2D();
  const arrows = new Path2D();
  for (const [from, to] of layout.links) {
    const { sx, sy, tx, ty, bend } = linkCurve(from, to);
    curves.moveTo(sx, sy);
    curves.bezierCurveTo(sx + bend, sy, tx - bend, ty, tx, ty);
    // The curve ends level, so the arrow points right, as the SVG's marker does.
    arrows.moveTo(tx - 9 * ARROW_UNIT, ty - 5 * ARROW_UNIT);
    arrows.lineTo(tx + ARROW_UNIT, ty);
    arrows.lineTo(tx - 9 * ARROW_UNIT, ty + 5 * ARROW_UNIT);
    arrows.closePath();
  }
  context.stroke(curves);
  context.fill(arrows);
}

function drawCard(context: Context, card: CardBox) {
  const { node, height, lines } = card;
  const color = COLORS[node.kind];
  context.setTransform(context.getTransform().translate(card.x, card.y));
  context.beginPath();
  context.roundRect(0, 0, CARD_WIDTH, height, 8);
  context.fillStyle = "#ffffff";
  context.fill();
  context.strokeStyle = CARD_BORDER;
  context.lineWidth = 1;
  context.stroke();
  // The kind's colour down the left edge, following the card's rounded corners.
  context.beginPath();
  context.moveTo(8, 0);
  context.arc(8, 8, 8, -Math.PI / 2, Math.PI, true);
  context.lineTo(0, height - 8);
  context.arc(8, height - 8, 8, Math.PI, Math.PI / 2, true);
  context.closePath();
  context.fillStyle = color;
  context.fill();
  context.letterSpacing = "0.6px";
  text(context, KIND_LABELS[node.kind].short.toUpperCase(), PAD_X, 20, LABEL_FONT, color);
  context.letterSpacing = "0px";
  lines.forEach((line, i) => {
    text(context, line, PAD_X, 40 + i * TITLE_LINE, TITLE_FONT, TEXT);
  });
  const y = footerY(card);
  if (card.footer?.kind === "smart")
    card.footer.checks.forEach((check, i) => {
      const fill = check.pass ? COLORS.smallWin : FAILED_CHECK;
      text(context, check.letter, PAD_X + i * 14, y, LABEL_FONT, fill);
    });
  else if (card.footer?.kind === "stage")
    text(context, card.footer.text, PAD_X, y, FOOTER_FONT, MUTED);
}

/** Draws `layout` at `scale` (1 is one pixel per unit); the context is left as it was. */
export function drawLayout(context: Context, layout: ModelLayout, scale: number): void {
  context.save();
  fonts.delete(context);
  context.scale(scale, scale);
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, layout.width, layout.height);
  text(context, layout.title || "Untitled model", MARGIN, MARGIN + 20, font(700, 20), TEXT);
  layout.goalLines.forEach((line, i) => {
    text(context, line, MARGIN, MARGIN + 48 + i * 20, font(400, 14), MUTED);
  });
  context.translate(layout.dx, layout.dy);
  drawLanes(context, layout);
  drawLinks(context, layout);
  const origin = context.getTransform();
  for (const card of layout.cards) {
    drawCard(context, card);
    context.setTransform(origin);
  }
  context.restore();
  fonts.delete(context);
}
