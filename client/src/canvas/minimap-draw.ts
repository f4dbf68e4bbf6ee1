import { CARD_HEIGHT_ESTIMATE, CARD_WIDTH, type CardNode } from "./flow-types.ts";
import { KIND_COLORS } from "./kind-colors.ts";

/**
 * The overview map's arithmetic and drawing, framework-free: the whole model's cards fitted into
 * the map (one rectangle each, in its lane's colour) and the part of the canvas in view.
 */
export interface MapFrame {
  /** Flow coordinates of the map's top-left corner, and map pixels per flow pixel. */
  x: number;
  y: number;
  scale: number;
}

const PAD = 0.06;

/** Fits the cards' bounds into a `width` × `height` map, centred. */
export function frameOf(nodes: readonly CardNode[], width: number, height: number): MapFrame {
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const node of nodes) {
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + (node.measured?.width ?? CARD_WIDTH));
    bottom = Math.max(bottom, node.position.y + (node.measured?.height ?? CARD_HEIGHT_ESTIMATE));
  }
  if (!Number.isFinite(left)) return { x: 0, y: 0, scale: 0.1 };
  const w = (right - left) * (1 + 2 * PAD);
  const h = (bottom - top) * (1 + 2 * PAD);
  const scale = Math.min(width / w, height / h);
  return {
    x: (left + right) / 2 - width / 2 / scale,
    y: (top + bottom) / 2 - height / 2 / scale,
    scale,
  };
}

/** The cards, once per change of the cards (the view is drawn over a copy of this). */
export function drawCards(
  ctx: CanvasRenderingContext2D,
  nodes: readonly CardNode[],
  frame: MapFrame,
  ratio: number,
): void {
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  for (const node of nodes) {
    ctx.fillStyle = KIND_COLORS[node.data.node.kind] ?? "#ccc";
    const w = (node.measured?.width ?? CARD_WIDTH) * frame.scale;
    const h = (node.measured?.height ?? CARD_HEIGHT_ESTIMATE) * frame.scale;
    ctx.fillRect(
      (node.position.x - frame.x) * frame.scale,
      (node.position.y - frame.y) * frame.scale,
      Math.max(1, w),
      Math.max(1, h),
    );
  }
}

/** The part of the canvas in view, as a rectangle in map pixels. */
export function viewRect(
  frame: MapFrame,
  view: { x: number; y: number; zoom: number; width: number; height: number },
): { x: number; y: number; width: number; height: number } {
  return {
    x: (-view.x / view.zoom - frame.x) * frame.scale,
    y: (-view.y / view.zoom - frame.y) * frame.scale,
    width: (view.width / view.zoom) * frame.scale,
    height: (view.height / view.zoom) * frame.scale,
  };
}

/** The flow point under a map point. */
export function flowAt(frame: MapFrame, mapX: number, mapY: number): { x: number; y: number } {
  return { x: frame.x + mapX / frame.scale, y: frame.y + mapY / frame.scale };
}
