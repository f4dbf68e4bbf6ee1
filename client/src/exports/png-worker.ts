import { drawLayout } from "./model-canvas.ts";
import type { PngJob, PngResult } from "./png-encode.ts";

/**
 * Draws the model's layout on an OffscreenCanvas and encodes the PNG here, off the page's thread:
 * a page's `canvas.toBlob` encodes in the main thread's idle time, slice by slice, and a
 * 1,000-card image took over a second that way.
 */
/** The worker's scope, typed here: the client compiles against the DOM's types, not a worker's. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PngJob>) => void) | null;
  postMessage(message: PngResult): void;
};

scope.onmessage = async (event) => {
  const { layout, width, height, scale } = event.data;
  let result: PngResult;
  try {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("This browser cannot draw images.");
    drawLayout(context, layout, scale);
    result = { blob: await canvas.convertToBlob({ type: "image/png" }) };
  } catch (error) {
    result = { error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(result);
};
