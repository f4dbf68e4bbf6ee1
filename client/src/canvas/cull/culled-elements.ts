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

/** The region around the view (flow coordinates) as a key of cell edges, "" before a size. */
export function regionKey(state: Pick<ReactFlowState, "transform" | "width" | "height">): string {
  const [x, y, zoom] = state.transform;
  if (!state.width || !state.height || !zoom) return "";
  const width = state.width / zoom;
  const height = state.height / zoom;
  const left = -x / zoom - width / 2;
  const top = -y / zoom - height / 2;
  const c0 = Math.floor(left / CELL);
  const r0 = Math.floor(top / CELL);
  const c1 = Math.ceil((left + 2 * width) / CELL);
  const r1 = Math.ceil((top + 2 * height) / CELL);
  return `${c0}:${r0}:${c1}:${r1}`;
}

export function regionOf(key: string): Rect | undefined {
  if (!key) return undefined;
  const [c0 = 0, r0 = 0, c1 = 0, r1 = 0] = key.split(":").map(Number);
  return { x: c0 * CELL, y: r0 * CELL, width: (c1 - c0) * CELL, height: (r1 - r0) * CELL };
}

const NONE = { nodes: [] as CardNode[], edges: [] as LinkEdge[] };

/**
 * The cards and links React Flow holds: those near the view (within `shown` when a filter is
 * on), or none zoomed out, where the overview layer draws the model. `version` is the snapshot's
 * node array, which changes whenever a card or link does.
 */
export function useCulledElements(
  index: CardIndex | undefined,
  version: unknown,
  shown: ReadonlySet<string> | null,
  zoomedOut: boolean,
): { nodes: CardNode[]; edges: LinkEdge[] } {
  const key = useStore(regionKey);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` stands for the index's content
  return useMemo(() => {
    const region = regionOf(key);
    if (zoomedOut || !index || !region) return NONE;
    return index.near(region, shown ?? undefined);
  }, [index, version, shown, zoomedOut, key]);
}
