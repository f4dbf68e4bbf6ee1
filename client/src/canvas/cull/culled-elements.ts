import { type ReactFlowState, useStore } from "@xyflow/react";
import { useMemo } from "react";
import type { CardNode, LinkEdge } from "../flow-types.ts";
import type { CardIndex } from "./card-index.ts";
import { CELL, type Rect } from "./spatial-grid.ts";

/**
 * React Flow's own work grows with every node and link it holds: each change of `nodes` or
 * `edges` rebuilds its lookups over all of them, and each pan frame re-filters them all for
 * `onlyRenderVisibleElements` (profiled: bench/results/canvas-profile.md). So it is handed only
 * the cards near the view, from the index, and the region is the view plus half a screen on each
 * side snapped out to whole grid cells: panning re-renders the canvas only when the region
 * crosses a cell edge, and between two such steps React Flow sees the same arrays.
 */

type ViewState = Pick<ReactFlowState, "transform" | "width" | "height">;

/**
 * The region around the view (flow coordinates) as a key of cell edges, "" before a size:
 * `around` screens more on each side (half a screen for the live canvas).
 */
export function regionKey(state: ViewState, around = 0.5): string {
  const [x, y, zoom] = state.transform;
  if (!state.width || !state.height || !zoom) return "";
  const width = state.width / zoom;
  const height = state.height / zoom;
  const left = -x / zoom - width * around;
  const top = -y / zoom - height * around;
  const c0 = Math.floor(left / CELL);
  const r0 = Math.floor(top / CELL);
  const c1 = Math.ceil((left + (1 + 2 * around) * width) / CELL);
  const r1 = Math.ceil((top + (1 + 2 * around) * height) / CELL);
  return `${c0}:${r0}:${c1}:${r1}`;
}

/**
 * The view alone, for the first layer: it is drawn to be seen at once, before anything can pan
 * (the page is still loading), so the cards around the view would only delay the first cards
 * (a 1,000-card model: 68 cards and 100 links mounted for the 35 in view). The live canvas,
 * once synced, mounts the usual region.
 */
const viewKey = (state: ViewState) => regionKey(state, 0);

export function regionOf(key: string): Rect | undefined {
  if (!key) return undefined;
  const [c0 = 0, r0 = 0, c1 = 0, r1 = 0] = key.split(":").map(Number);
  return { x: c0 * CELL, y: r0 * CELL, width: (c1 - c0) * CELL, height: (r1 - r0) * CELL };
}

const NONE = { nodes: [] as CardNode[], edges: [] as LinkEdge[] };

/**
 * The cards and links React Flow holds: those near the view (within `shown` when a filter is
 * on; only those in it for the first layer, `viewOnly`), or none zoomed out, where the overview
 * layer draws the model. `version` is the snapshot's node array, which changes whenever a card
 * or link does.
 */
export function useCulledElements(
  index: CardIndex | undefined,
  version: unknown,
  shown: ReadonlySet<string> | null,
  zoomedOut: boolean,
  viewOnly = false,
): { nodes: CardNode[]; edges: LinkEdge[] } {
  const key = useStore(viewOnly ? viewKey : regionKey);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` stands for the index's content
  return useMemo(() => {
    const region = regionOf(key);
    if (zoomedOut || !index || !region) return NONE;
    return index.near(region, shown ?? undefined);
  }, [index, version, shown, zoomedOut, key]);
}
