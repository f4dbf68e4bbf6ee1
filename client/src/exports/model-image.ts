import type { LogicModel } from "@logic-canvas/shared";
import { drawLayout } from "./model-canvas.ts";
import { layoutModel } from "./model-layout.ts";
import { layoutSvg } from "./model-svg.ts";
import { startPngWorker } from "./png-encode.ts";
import { cachedMeasure, type MeasureText } from "./text-wrap.ts";

/** Browsers refuse canvases much beyond this many pixels a side. */
const MAX_SIDE = 12_000;
/**
 * Below this scale a card's 13.5 px title is drawn under 8 px: the picture shows the model's shape
 * but nobody can read it. A model whose whole picture needs more than `MAX_SIDE` pixels at this
 * scale (about 150 cards in one lane) asks first (issue 14: a 1,000-card PNG came out at 429 ×
 * 12,000 pixels with 3 px titles, and took longer than a second to encode for nothing readable).
 */
export const READABLE_SCALE = 0.6;
const TITLE_PX = 13.5;

/** The PNG of this model would be too small to read; says how small, for the person to choose. */
export class UnreadableImage extends Error {
  constructor(
    readonly width: number,
    readonly height: number,
    /** The drawn height of a title's letters, in pixels. */
    readonly titlePx: number,
    readonly cards: number,
  ) {
    super(`a PNG of the whole model would have titles ${titlePx} pixels high.`);
  }
}

export type ImageFormat = "png" | "svg";

/**
 * Text widths from the browser's own font metrics, so wrapped titles fit their cards. The font
 * is set only when it changes: setting it parses it again, which cost more than measuring.
 */
function browserMeasure(): MeasureText {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return (text) => text.length * 7.5;
  let current = "";
  return cachedMeasure((text, font) => {
    if (font !== current) {
      context.font = font;
      current = font;
    }
    return context.measureText(text).width;
  });
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("the browser made no PNG of it."))),
      "image/png",
    ),
  );
}

/**
 * The whole model as an SVG or PNG file, from any view: drawn from the model (model-layout.ts),
 * not captured from the canvas, so what is off screen is in it and the page does not move. A
 * Blob, not a data URL: a URL of megabytes is slow to build and slower for the browser to save.
 */
export async function modelImage(
  model: LogicModel,
  format: ImageFormat,
  options: { evenIfUnreadable?: boolean } = {},
): Promise<{ blob: Blob; width: number; height: number }> {
  if (model.nodes.length === 0) throw new Error("The model is empty: there is nothing to export.");
  // The worker's script loads while the titles are measured.
  const worker = format === "png" ? startPngWorker() : undefined;
  const layout = layoutModel(model, browserMeasure());
  const { width, height } = layout;
  if (format === "svg")
    return { blob: new Blob([layoutSvg(layout)], { type: "image/svg+xml" }), width, height };

  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const size = { width: Math.ceil(width * scale), height: Math.ceil(height * scale) };
  if (scale < READABLE_SCALE && !options.evenIfUnreadable) {
    worker?.stop();
    const titlePx = Math.round(TITLE_PX * scale * 10) / 10;
    throw new UnreadableImage(size.width, size.height, titlePx, model.nodes.length);
  }
  if (worker) {
    const blob = await worker.encode({ layout, ...size, scale }).catch(() => undefined);
    if (blob) return { blob, ...size };
  }
  // No worker here (or it failed): drawn and encoded on the page.
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw images.");
  drawLayout(context, layout, scale);
  return { blob: await canvasBlob(canvas), width: canvas.width, height: canvas.height };
}
