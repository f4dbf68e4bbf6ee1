import type { Rect } from "./spatial-grid.ts";

/** The view's size and the flow's translation and zoom, as React Flow's store holds them. */
export interface ViewState {
  transform: readonly [number, number, number];
  width: number;
  height: number;
}

/**
 * Views of margin on each side of the view: a pan of most of a screen stays within what is
 * mounted, so the cards it brings into sight are drawn already.
 */
export const MARGIN = 1;
/** The region is moved when the view comes this close to its edge (in views). */
const GUARD = 0.1;
/** Zoomed in far enough that the region is this many times what it would be now: moved. */
const SHRINK = 1.6;

/** The view in flow coordinates, undefined before the pane has a size. */
export function viewOf(state: ViewState): Rect | undefined {
  const [x, y, zoom] = state.transform;
  if (!state.width || !state.height || !zoom) return undefined;
  return { x: -x / zoom, y: -y / zoom, width: state.width / zoom, height: state.height / zoom };
}

/**
 * The region of the flow whose cards React Flow holds: the view with `MARGIN` views on each side,
 * kept while the view stays inside it (with a `GUARD`) and moved in one step, centred on the view,
 * when it does not. Each move hands React Flow new arrays: every mounted card and link runs its
 * store selector, the new cards mount and the compositor takes a new layer tree (50–66 ms a
 * move at 1,000 cards). Stepped by grid cell (400 flow px), the region moved every 18 frames of
 * a brisk pan, and those frames were the slowest 5 %; kept until the view nears its edge, it
 * moves about once per 40 such frames, each move bringing a larger band of cards.
 * Framework-free; the key is a string so a React store selector can return it.
 */
export class RegionTracker {
  private region: Rect | undefined;
  private key = "";

  /** The region's key for this view state: the same string while the region stays. */
  keyFor(state: ViewState): string {
    const view = viewOf(state);
    if (!view) {
      this.region = undefined;
      this.key = "";
      return this.key;
    }
    if (this.region && holds(this.region, view)) return this.key;
    return this.centreOn(view);
  }

  /**
   * Centres the region on the view where it is not already; true when it moved. For a view at
   * rest: it mounts or unmounts a band of cards, which no pan frame then pays for.
   */
  recentre(state: ViewState): boolean {
    const view = viewOf(state);
    if (!view || !this.region) return false;
    const before = this.key;
    return this.centreOn(view) !== before;
  }

  private centreOn(view: Rect): string {
    const mx = view.width * MARGIN;
    const my = view.height * MARGIN;
    const region = {
      x: Math.floor(view.x - mx),
      y: Math.floor(view.y - my),
      width: Math.ceil(view.width + 2 * mx),
      height: Math.ceil(view.height + 2 * my),
    };
    this.region = region;
    this.key = `${region.x}:${region.y}:${region.width}:${region.height}`;
    return this.key;
  }
}

/**
 * The view alone as a region key, for the first layer: it is drawn to be seen at once, before
 * anything can pan (the page is still loading), so the cards around the view would only delay
 * the first cards (a 1,000-card model: 68 cards and 100 links mounted for the 35 in view, with
 * half a screen around it). The live canvas, once synced, mounts its usual region.
 */
export function viewKey(state: ViewState): string {
  const view = viewOf(state);
  if (!view) return "";
  const x = Math.floor(view.x);
  const y = Math.floor(view.y);
  return `${x}:${y}:${Math.ceil(view.x + view.width) - x}:${Math.ceil(view.y + view.height) - y}`;
}

/** The rectangle a key names, undefined for "" (no view yet). */
export function regionOf(key: string): Rect | undefined {
  if (!key) return undefined;
  const [x = 0, y = 0, width = 0, height = 0] = key.split(":").map(Number);
  return { x, y, width, height };
}

/** The view is inside the region with a guard, and the region is not far larger than needed. */
function holds(region: Rect, view: Rect): boolean {
  const gx = view.width * GUARD;
  const gy = view.height * GUARD;
  const inside =
    view.x - gx >= region.x &&
    view.y - gy >= region.y &&
    view.x + view.width + gx <= region.x + region.width &&
    view.y + view.height + gy <= region.y + region.height;
  const wanted = 1 + 2 * MARGIN;
  return (
    inside &&
    region.width <= view.width * wanted * SHRINK &&
    region.height <= view.height * wanted * SHRINK
  );
}
