import { useStore } from "@xyflow/react";

/**
 * Below this zoom a card's 13.5 px title is drawn under 6 px tall, too small to read, and the
 * canvas draws the overview instead (`OverviewLayer`): one `<canvas>` of coloured shapes rather
 * than a DOM card per card. Defined once; everything that switches on the level reads it here.
 */
export const FULL_DETAIL_ZOOM = 0.45;

export function isZoomedOut(zoom: number): boolean {
  return zoom < FULL_DETAIL_ZOOM;
}

/**
 * Whether the canvas is zoomed out past the threshold, read from React Flow's store (not copied
 * into each card). A boolean selector: panning and zooming re-render its readers only when the
 * level changes.
 */
export function useZoomedOut(): boolean {
  return useStore((s) => isZoomedOut(s.transform[2]));
}
