import { useStore, useStoreApi } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CardNode, LinkEdge } from "../flow-types.ts";
import type { CardIndex } from "./card-index.ts";
import { RegionTracker, regionOf, type ViewState, viewKey } from "./region.ts";

/**
 * React Flow's own work grows with every node and link it holds: each change of `nodes` or
 * `edges` rebuilds its lookups over all of them, and each pan frame re-filters them all for
 * `onlyRenderVisibleElements` (profiled: bench/results/canvas-profile.md). So it is handed only
 * the cards in a region around the view (`region.ts`), from the index: panning re-renders the
 * canvas only when the region moves, and between two moves React Flow sees the same arrays.
 */

const NONE = { nodes: [] as CardNode[], edges: [] as LinkEdge[] };

/**
 * `next`, or `previous` itself where an array holds the same objects in the same order: React
 * Flow rebuilds its lookups and runs every card's and link's store selector for each new array
 * it is handed, and most changes leave one of the two as it was (a card moved by someone else,
 * or a card measured, changes no link object).
 */
export function sameOrNext(
  previous: { nodes: CardNode[]; edges: LinkEdge[] },
  next: { nodes: CardNode[]; edges: LinkEdge[] },
): { nodes: CardNode[]; edges: LinkEdge[] } {
  const nodes = sameItems(previous.nodes, next.nodes) ? previous.nodes : next.nodes;
  const edges = sameItems(previous.edges, next.edges) ? previous.edges : next.edges;
  return nodes === previous.nodes && edges === previous.edges ? previous : { nodes, edges };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The cards and links React Flow holds: those near the view (within `shown` when a filter is
 * on; only those in view for the first layer, `viewOnly`), or none zoomed out, where the overview
 * layer draws the model. `version` is the snapshot's node array, which changes whenever a card or
 * link does.
 */
export function useCulledElements(
  index: CardIndex | undefined,
  version: unknown,
  shown: ReadonlySet<string> | null,
  zoomedOut: boolean,
  viewOnly = false,
): { nodes: CardNode[]; edges: LinkEdge[] } {
  const [tracker] = useState(() => new RegionTracker());
  const settled = useSettledView(tracker);
  // One selector per settled view: a new one would be called again on every render.
  const key = useStore(
    // biome-ignore lint/correctness/useExhaustiveDependencies: `settled` asks for the region again
    useCallback(
      (state: ViewState) => (viewOnly ? viewKey(state) : tracker.keyFor(state)),
      [tracker, settled, viewOnly],
    ),
  );
  const held = useRef(NONE);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` stands for the index's content
  const next = useMemo(() => {
    const region = regionOf(key);
    if (zoomedOut || !index || !region) return NONE;
    return sameOrNext(held.current, index.near(region, shown ?? undefined));
  }, [index, version, shown, zoomedOut, key]);
  held.current = next;
  return next;
}

/** Quiet time after the last pan or zoom frame before the region is centred on the view. */
const SETTLE_MS = 300;

/**
 * Once the view rests, the region is centred on it again (`RegionTracker.recentre`): the next
 * pan finds a full view of cards mounted whichever way it goes, and what is mounted at a view
 * no longer depends on the way the view came there. Returns a count of such moves.
 */
function useSettledView(tracker: RegionTracker): number {
  const store = useStoreApi();
  const [settled, setSettled] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = store.subscribe((state, previous) => {
      if (state.transform === previous.transform) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (tracker.recentre(store.getState())) setSettled((n) => n + 1);
      }, SETTLE_MS);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [store, tracker]);
  return settled;
}
