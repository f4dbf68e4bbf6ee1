import { KIND_LABELS, LANE_WIDTH, type LogicModel, laneX, NODE_KINDS } from "@logic-canvas/shared";
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
  layoutModel,
  linkCurve,
  MARGIN,
  type ModelLayout,
  MUTED,
  PAD_X,
  TEXT,
  TITLE_LINE,
} from "./model-layout.ts";
import type { MeasureText } from "./text-wrap.ts";

export { type MeasureText, wrapText } from "./text-wrap.ts";

/**
 * The model drawn as plain SVG shapes and text: lanes, cards, links, the title and the mastery
 * goal. Not a screenshot of the canvas: an SVG of HTML in `<foreignObject>` shows blank in slide
 * and document tools, and capturing the canvas means drawing every card in the page first. This
 * knows nothing of React; text is measured by the function it is given, and where things go is
 * model-layout.ts's, shared with the PNG.
 */

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string,
  );

function cardFooterSvg(card: CardBox): string {
  const y = footerY(card);
  if (card.footer?.kind === "smart")
    return card.footer.checks
      .map(
        (check, i) =>
          `<text x="${PAD_X + i * 14}" y="${y}" font-size="10" font-weight="700" fill="${check.pass ? COLORS.smallWin : FAILED_CHECK}">${check.letter}</text>`,
      )
      .join("");
  if (card.footer?.kind === "stage")
    return `<text x="${PAD_X}" y="${y}" font-size="10" fill="${MUTED}">${escapeXml(card.footer.text)}</text>`;
  return "";
}

function cardSvg(card: CardBox): string {
  const { node, x, y, height, lines } = card;
  const color = COLORS[node.kind];
  const title = lines
    .map((line, i) => `<tspan x="${PAD_X}" y="${40 + i * TITLE_LINE}">${escapeXml(line)}</tspan>`)
    .join("");
  return [
    `<g class="card" transform="translate(${x} ${y})">`,
    `<title>${escapeXml(node.title)}</title>`,
    `<rect width="${CARD_WIDTH}" height="${height}" rx="8" fill="#ffffff" stroke="${CARD_BORDER}"/>`,
    // The kind's colour down the left edge, following the card's rounded corners.
    `<path d="M8 0 A8 8 0 0 0 0 8 V${height - 8} A8 8 0 0 0 8 ${height} Z" fill="${color}"/>`,
    `<text x="${PAD_X}" y="20" font-size="10" font-weight="700" letter-spacing="0.6" fill="${color}">${escapeXml(KIND_LABELS[node.kind].short.toUpperCase())}</text>`,
    `<text font-size="13.5" font-weight="600" fill="${TEXT}">${title}</text>`,
    cardFooterSvg(card),
    "</g>",
  ].join("");
}

function linkSvg(from: CardBox, to: CardBox): string {
  const { sx, sy, tx, ty, bend } = linkCurve(from, to);
  return `<path class="link" d="M${sx} ${sy} C${sx + bend} ${sy} ${tx - bend} ${ty} ${tx} ${ty}" fill="none" stroke="${LINK}" stroke-width="1.6" marker-end="url(#arrow)"/>`;
}

function lanesSvg({ top, bottom }: ModelLayout): string {
  return NODE_KINDS.map((kind, i) => {
    const x = laneX(kind);
    const fill = i % 2 === 0 ? "#f6f7f9" : "#eef1f5";
    return [
      `<rect x="${x}" y="${top - HEADER_HEIGHT}" width="${LANE_WIDTH}" height="${bottom - top + HEADER_HEIGHT}" fill="${fill}"/>`,
      `<rect x="${x}" y="${top - HEADER_HEIGHT}" width="${LANE_WIDTH}" height="3" fill="${COLORS[kind]}"/>`,
      `<text x="${x + 12}" y="${top - 12}" font-size="15" font-weight="700" fill="${TEXT}">${escapeXml(KIND_LABELS[kind].label)}</text>`,
    ].join("");
  }).join("");
}

export function layoutSvg(layout: ModelLayout): string {
  const { width, height, dx, dy, title, goalLines } = layout;
  const banner = [
    `<text x="${MARGIN}" y="${MARGIN + 20}" font-size="20" font-weight="700" fill="${TEXT}">${escapeXml(title || "Untitled model")}</text>`,
    ...goalLines.map(
      (line, i) =>
        `<text x="${MARGIN}" y="${MARGIN + 48 + i * 20}" font-size="14" fill="${MUTED}">${escapeXml(line)}</text>`,
    ),
  ].join("");
  const links = layout.links.map(([from, to]) => linkSvg(from, to)).join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<title>${escapeXml(title || "Logic model")}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 Z" fill="${LINK}"/></marker></defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    banner,
    `<g transform="translate(${dx} ${dy})">${lanesSvg(layout)}${links}${layout.cards.map(cardSvg).join("")}</g>`,
    "</svg>",
  ].join("");
}

export function modelSvg(
  model: LogicModel,
  measure: MeasureText,
): { svg: string; width: number; height: number } {
  const layout = layoutModel(model, measure);
  return { svg: layoutSvg(layout), width: layout.width, height: layout.height };
}
