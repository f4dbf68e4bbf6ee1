import type { LogicModel } from "@logic-canvas/shared";
import { type MeasureText, modelSvg } from "./model-svg.ts";

/** Browsers refuse canvases much beyond this many pixels a side. */
const MAX_SIDE = 12_000;

export type ImageFormat = "png" | "svg";

/** Text widths from the browser's own font metrics, so wrapped titles fit their cards. */
function browserMeasure(): MeasureText {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return (text) => text.length * 7.5;
  return (text, font) => {
    context.font = font;
    return context.measureText(text).width;
  };
}

/**
 * The whole model as an SVG or PNG data URL, from any view: drawn from the model (model-svg.ts),
 * not captured from the canvas, so what is off screen is in it and the page does not move.
 */
export async function modelImage(
  model: LogicModel,
  format: ImageFormat,
): Promise<{ dataUrl: string; width: number; height: number }> {
  if (model.nodes.length === 0) throw new Error("The model is empty: there is nothing to export.");
  const { svg, width, height } = modelSvg(model, browserMeasure());
  const svgUrl = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  if (format === "svg") return { dataUrl: svgUrl, width, height };

  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser cannot draw images.");
  const image = new Image();
  image.src = svgUrl;
  await image.decode();
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return { dataUrl: canvas.toDataURL("image/png"), width: canvas.width, height: canvas.height };
}
