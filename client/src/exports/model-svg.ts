import {
  checkSmart,
  isGoalKind,
  KIND_LABELS,
  LANE_WIDTH,
  type LogicModel,
  type LogicNode,
  laneX,
  NODE_KINDS,
  type NodeKind,
  placeInLane,
} from "@logic-canvas/shared";

/**
 * The model drawn as plain SVG shapes and text: lanes, cards, links, the title and the mastery
 * goal. Not a screenshot of the canvas: an SVG of HTML in `<foreignObject>` shows blank in slide
 * and document tools, and capturing the canvas means drawing every card in the page first. This
 * knows nothing of React; text is measured by the function it is given.
 */

/** Width in pixels of `text` set in `font` (a CSS font shorthand). */
export type MeasureText = (text: string, font: string) => number;

const FONT_FAMILY = 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, Arial, sans-serif';
const COLORS: Record<NodeKind, string> = {
  input: "#64748b",
  activity: "#2f6fd6",
  smallWin: "#1f9d6b",
  midJourney: "#d08700",
  longTerm: "#d6453d",
};
const TEXT = "#1f2733";
const MUTED = "#667085";
const LINK = "#98a2b3";
const MARGIN = 40;
const CARD_WIDTH = 240;
const PAD_X = 14;
const TITLE_LINE = 18;
/**
 * An export is read away from the app, where nobody can open the card to see the rest, so a
 * title is wrapped in full: a card grows with its title and the cards below it in its lane move
 * down. A title is at most 500 characters (about 20 lines), so this cap is never reached by a
 * title the model accepts; it only bounds a pathological unbroken string.
 */
const TITLE_LINES = 40;
/** The least space between two cards of one lane in an export, as on a tidied canvas. */
const CARD_GAP = 16;
const TITLE_FONT = `600 13.5px ${FONT_FAMILY}`;
const BANNER_GOAL_FONT = `400 14px ${FONT_FAMILY}`;

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string,
  );

/** Greedy word wrap; a word wider than the line is cut where it must be. */
export function wrapText(
  text: string,
  width: number,
  font: string,
  measure: MeasureText,
  maxLines = Number.POSITIVE_INFINITY,
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate, font) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (measure(line, font) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measure(line.slice(0, cut), font) > width) cut -= 1;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${(kept[maxLines - 1] as string).replace(/\s*\S?$/, "")}…`;
  return kept;
}

interface CardBox {
  node: LogicNode;
  x: number;
  y: number;
  height: number;
  lines: string[];
}

function cardBox(node: LogicNode, measure: MeasureText): CardBox {
  const { x, y } = placeInLane(node.kind, node.position);
  const lines = wrapText(node.title, CARD_WIDTH - PAD_X - 12, TITLE_FONT, measure, TITLE_LINES);
  const footer = isGoalKind(node.kind) || (node.kind === "activity" && node.stage) ? 20 : 0;
  return { node, x, y, height: 28 + lines.length * TITLE_LINE + footer + 6, lines };
}

function cardSvg(card: CardBox): string {
  const { node, x, y, height, lines } = card;
  const color = COLORS[node.kind];
  const title = lines
    .map((line, i) => `<tspan x="${PAD_X}" y="${40 + i * TITLE_LINE}">${escapeXml(line)}</tspan>`)
    .join("");
  const footerY = 28 + lines.length * TITLE_LINE + 14;
  let footer = "";
  if (isGoalKind(node.kind)) {
    footer = checkSmart(node)
      .map(
        (check, i) =>
          `<text x="${PAD_X + i * 14}" y="${footerY}" font-size="10" font-weight="700" fill="${check.pass ? COLORS.smallWin : "#b0b7c3"}">${check.letter}</text>`,
      )
      .join("");
  } else if (node.kind === "activity" && node.stage) {
    footer = `<text x="${PAD_X}" y="${footerY}" font-size="10" fill="${MUTED}">${escapeXml(node.stage)}</text>`;
  }
  return [
    `<g class="card" transform="translate(${x} ${y})">`,
    `<title>${escapeXml(node.title)}</title>`,
    `<rect width="${CARD_WIDTH}" height="${height}" rx="8" fill="#ffffff" stroke="#cfd4dc"/>`,
    // The kind's colour down the left edge, following the card's rounded corners.
    `<path d="M8 0 A8 8 0 0 0 0 8 V${height - 8} A8 8 0 0 0 8 ${height} Z" fill="${color}"/>`,
    `<text x="${PAD_X}" y="20" font-size="10" font-weight="700" letter-spacing="0.6" fill="${color}">${escapeXml(KIND_LABELS[node.kind].short.toUpperCase())}</text>`,
    `<text font-size="13.5" font-weight="600" fill="${TEXT}">${title}</text>`,
    footer,
    "</g>",
  ].join("");
}

/** From the right middle of one card to the left middle of the next, as the canvas draws it. */
function linkSvg(from: CardBox, to: CardBox): string {
  const sx = from.x + CARD_WIDTH;
  const sy = from.y + from.height / 2;
  const tx = to.x - 6;
  const ty = to.y + to.height / 2;
  const bend = Math.max(40, Math.abs(tx - sx) / 2);
  return `<path class="link" d="M${sx} ${sy} C${sx + bend} ${sy} ${tx - bend} ${ty} ${tx} ${ty}" fill="none" stroke="${LINK}" stroke-width="1.6" marker-end="url(#arrow)"/>`;
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

export function modelSvg(
  model: LogicModel,
  measure: MeasureText,
): { svg: string; width: number; height: number } {
  const cards = new Map(model.nodes.map((node) => [node.id, cardBox(node, measure)]));
  const boxes = [...cards.values()];
  unstack(boxes);
  const left = laneX(NODE_KINDS[0] as NodeKind);
  const right = laneX(NODE_KINDS.at(-1) as NodeKind) + LANE_WIDTH;
  const top = Math.min(0, ...boxes.map((b) => b.y));
  const bottom = Math.max(top + 200, ...boxes.map((b) => b.y + b.height)) + MARGIN;
  const contentWidth = right - left;
  const goalLines = model.masteryGoal
    ? wrapText(`Mastery goal: ${model.masteryGoal}`, contentWidth, BANNER_GOAL_FONT, measure)
    : [];
  const bannerHeight = 36 + goalLines.length * 20 + 16;
  const headerHeight = 36;
  const width = contentWidth + 2 * MARGIN;
  const height = MARGIN + bannerHeight + headerHeight + (bottom - top);
  // Model coordinates from here on: the lanes start at x = left and the cards at y = top.
  const dx = MARGIN - left;
  const dy = MARGIN + bannerHeight + headerHeight - top;

  const lanes = NODE_KINDS.map((kind, i) => {
    const x = laneX(kind);
    const fill = i % 2 === 0 ? "#f6f7f9" : "#eef1f5";
    return [
      `<rect x="${x}" y="${top - headerHeight}" width="${LANE_WIDTH}" height="${bottom - top + headerHeight}" fill="${fill}"/>`,
      `<rect x="${x}" y="${top - headerHeight}" width="${LANE_WIDTH}" height="3" fill="${COLORS[kind]}"/>`,
      `<text x="${x + 12}" y="${top - 12}" font-size="15" font-weight="700" fill="${TEXT}">${escapeXml(KIND_LABELS[kind].label)}</text>`,
    ].join("");
  }).join("");
  const links = model.edges
    .map((edge) => {
      const from = cards.get(edge.source);
      const to = cards.get(edge.target);
      return from && to ? linkSvg(from, to) : "";
    })
    .join("");
  const banner = [
    `<text x="${MARGIN}" y="${MARGIN + 20}" font-size="20" font-weight="700" fill="${TEXT}">${escapeXml(model.title || "Untitled model")}</text>`,
    ...goalLines.map(
      (line, i) =>
        `<text x="${MARGIN}" y="${MARGIN + 48 + i * 20}" font-size="14" fill="${MUTED}">${escapeXml(line)}</text>`,
    ),
  ].join("");
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<title>${escapeXml(model.title || "Logic model")}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 Z" fill="${LINK}"/></marker></defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    banner,
    `<g transform="translate(${dx} ${dy})">${lanes}${links}${boxes.map(cardSvg).join("")}</g>`,
    "</svg>",
  ].join("");
  return { svg, width, height };
}
