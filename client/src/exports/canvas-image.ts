import { getViewportForBounds, type ReactFlowInstance } from "@xyflow/react";
import { toPng, toSvg } from "html-to-image";

/** Margin around the model in the image, in flow units (= pixels at zoom 1). */
const MARGIN = 40;
/** Browsers refuse canvases much beyond this many pixels a side. */
const MAX_SIDE = 12_000;

export type ImageFormat = "png" | "svg";

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Elements that are about this browser, not the model: collaborators' cursors and selections. */
function isModelContent(element: HTMLElement): boolean {
  const classes = element.classList;
  if (!classes) return true;
  return !(
    classes.contains("peer-cursor") ||
    classes.contains("peer-selection") ||
    classes.contains("react-flow__handle")
  );
}

/**
 * html-to-image inlines the computed style of HTML elements but not of the paths inside React
 * Flow's edge SVGs, so without this the links would be drawn without a stroke (only their
 * arrowheads). Returns the function that puts the attributes back.
 */
function inlineEdgeStrokes(root: HTMLElement): () => void {
  const saved: [SVGElement, string | null, string | null][] = [];
  for (const path of root.querySelectorAll<SVGElement>(".react-flow__edge-path")) {
    const style = getComputedStyle(path);
    saved.push([path, path.getAttribute("stroke"), path.getAttribute("stroke-width")]);
    path.setAttribute("stroke", style.stroke);
    path.setAttribute("stroke-width", style.strokeWidth);
  }
  return () => {
    for (const [path, stroke, width] of saved) {
      if (stroke === null) path.removeAttribute("stroke");
      else path.setAttribute("stroke", stroke);
      if (width === null) path.removeAttribute("stroke-width");
      else path.setAttribute("stroke-width", width);
    }
  };
}

/**
 * Renders the whole model, not only what is on screen, as a PNG or SVG data URL. The canvas
 * draws only the cards in view, so the view is first fitted to the model (every card is then in
 * the DOM) and restored afterwards; the image itself uses its own transform, computed with React
 * Flow's `getViewportForBounds` at zoom 1, so its size follows the model, not the window.
 */
export async function canvasImage(
  flow: ReactFlowInstance,
  format: ImageFormat,
  root: ParentNode = document,
): Promise<{ dataUrl: string; width: number; height: number }> {
  const nodes = flow.getNodes();
  if (nodes.length === 0) throw new Error("The canvas is empty: there is nothing to export.");
  const viewportElement = root.querySelector<HTMLElement>(".react-flow__viewport");
  if (!viewportElement) throw new Error("Open the canvas view to export an image of it.");
  const previous = flow.getViewport();
  // Below the canvas's own minimum zoom, so that even a very large model fits and is drawn.
  await flow.fitView({ padding: 0.02, duration: 0, minZoom: 0.01 });
  await nextFrame();
  await nextFrame();
  const restoreEdges = inlineEdgeStrokes(viewportElement);
  try {
    const bounds = flow.getNodesBounds(nodes);
    const scale = Math.min(1, MAX_SIDE / (Math.max(bounds.width, bounds.height) + 2 * MARGIN));
    const width = Math.ceil((bounds.width + 2 * MARGIN) * scale);
    const height = Math.ceil((bounds.height + 2 * MARGIN) * scale);
    const view = getViewportForBounds(bounds, width, height, 0.01, 2, `${MARGIN * scale}px`);
    const options = {
      backgroundColor: "#ffffff",
      width,
      height,
      pixelRatio: 1,
      filter: (node: HTMLElement) => isModelContent(node),
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})`,
      },
    };
    const dataUrl =
      format === "png"
        ? await toPng(viewportElement, options)
        : await toSvg(viewportElement, options);
    return { dataUrl, width, height };
  } finally {
    restoreEdges();
    await flow.setViewport(previous, { duration: 0 });
  }
}
