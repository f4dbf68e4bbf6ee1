import { LANE_PADDING, LANE_ROW_SPACING } from "@logic-canvas/shared";
import type { Page } from "playwright-core";
import { emptyColumn, readView, startFrames, stopFrames, type View } from "./page.ts";

/** Screen pixels per move and moves (frames) per drag: ~20 px per frame, a brisk hand. */
const STEP_PX = 20;
const STEPS = 25;
/** A drag the page has not finished by then is reported as a stall, not waited for. */
const DRAG_DEADLINE_MS = 60_000;
/** The lowest card's bottom edge below its top-left corner, generously (flow pixels). */
const CARD_DEPTH = 140;

/**
 * Scripted drag-pans down the lanes of a model `rows` rows deep, and back up when the end is
 * near: each drag reveals rows that were out of view (never drawn, or unmounted since). The pan
 * follows the lanes (vertical), which is where a tall model's undrawn area is; the drag grabs the
 * empty canvas beside the last lane.
 */
export class Panner {
  private direction: 1 | -1 = 1;
  /** Flow y at the centre of the view, after the last drag (read by the remote dragger). */
  centreY = 0;
  pannedPx = 0;

  constructor(
    private readonly page: Page,
    private readonly rows: number,
  ) {}

  /** Flow y of the model's bottom edge. */
  private get bottom(): number {
    return LANE_PADDING + (this.rows - 1) * LANE_ROW_SPACING + CARD_DEPTH;
  }

  private async turnAtEnds(view: View): Promise<void> {
    const topOnScreen = view.y;
    const bottomOnScreen = view.y + this.bottom * view.zoom;
    if (this.direction === 1 && bottomOnScreen < view.height * 1.2) this.direction = -1;
    else if (this.direction === -1 && topOnScreen > -view.height * 0.2) this.direction = 1;
  }

  /** One drag: down, STEPS moves of STEP_PX, up. Returns how far the canvas moved (screen px). */
  async drag(): Promise<number> {
    const before = await withDeadline(readView(this.page), DRAG_DEADLINE_MS, "reading the view");
    this.centreY = (before.height / 2 - before.y) / before.zoom;
    await this.turnAtEnds(before);
    // Clear of the lane headers above and the minimap and controls below.
    const high = before.top + 110;
    const low = before.top + before.height - 210;
    const distance = Math.min(STEP_PX * STEPS, low - high);
    const x = await withDeadline(emptyColumn(this.page, high, low), DRAG_DEADLINE_MS, "a hit test");
    // Going down the model drags the canvas up: start low, end high.
    const from = this.direction === 1 ? low : high;
    const to = from - this.direction * distance;
    await withDeadline(
      this.page.evaluate(dragInPage, { x, from, to, steps: STEPS }),
      DRAG_DEADLINE_MS,
      "a drag",
    );
    const after = await withDeadline(readView(this.page), DRAG_DEADLINE_MS, "reading the view");
    const moved = Math.abs(after.y - before.y);
    this.pannedPx += moved;
    if (process.env.BENCH_VERBOSE)
      console.log(
        `      drag at x ${Math.round(x)}: moved ${Math.round(moved)} px, zoom ${after.zoom}`,
      );
    return moved;
  }

  /**
   * Drags the canvas back until the flow's translation is `y` again (within 2 px): the view a
   * measure started from, so what is mounted around the view can be compared like for like.
   */
  async returnTo(y: number): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const view = await withDeadline(readView(this.page), DRAG_DEADLINE_MS, "reading the view");
      const high = view.top + 110;
      const low = view.top + view.height - 210;
      const left = y - view.y;
      if (Math.abs(left) <= 2) return;
      const distance = Math.max(-(low - high), Math.min(low - high, left));
      const from = distance > 0 ? high : low;
      const x = await emptyColumn(this.page, high, low);
      await withDeadline(
        this.page.evaluate(dragInPage, { x, from, to: from + distance, steps: STEPS }),
        DRAG_DEADLINE_MS,
        "a drag back",
      );
    }
    throw new Error(`the view did not return to y ${y}`);
  }

  /** Frame deltas over `drags` drags (or `seconds` of dragging), and how far it panned. */
  async measure(plan: { drags?: number; seconds?: number }): Promise<PanRecord> {
    this.pannedPx = 0;
    let stuck = 0;
    await startFrames(this.page);
    const started = performance.now();
    for (let i = 0; ; i++) {
      if (plan.drags !== undefined && i >= plan.drags) break;
      if (plan.seconds !== undefined && performance.now() - started >= plan.seconds * 1000) break;
      // A drag that does not move the canvas grabbed something else: say so, do not time it.
      if ((await this.drag()) < 1 && ++stuck >= 3)
        throw new Error("three drags in a row did not pan the canvas");
    }
    const frames = await withDeadline(stopFrames(this.page), DRAG_DEADLINE_MS, "the frame record");
    const view = await readView(this.page);
    return { frames, pannedPx: Math.round(this.pannedPx), zoom: view.zoom };
  }
}

export interface PanRecord {
  frames: number[];
  pannedPx: number;
  zoom: number;
}

/**
 * Zooms with the mouse wheel over the empty canvas until the zoom is at or below `target` (or at
 * the canvas's minimum), as a person zooms out; returns the zoom reached.
 */
export async function zoomOut(page: Page, target: number): Promise<number> {
  let view = await readView(page);
  const x = await emptyColumn(page, view.top + 110, view.top + view.height - 210);
  await page.mouse.move(x, view.top + view.height / 2);
  for (let i = 0; i < 80 && view.zoom > target * 1.02; i++) {
    const before = view.zoom;
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(60);
    view = await readView(page);
    if (view.zoom >= before) break;
  }
  // Let the zoom settle and the cards now in view be drawn before the pan is timed.
  await page.waitForTimeout(1500);
  return Math.round(view.zoom * 1000) / 1000;
}

/**
 * One drag of the canvas, driven inside the page: the press, one move per animation frame (as a
 * hand's moves reach a page, at most one per frame) and the release, dispatched to the element
 * under the pointer; d3-zoom, which pans React Flow, reads plain mouse events. Driven from the
 * page, a main thread too busy to take input makes the drag slower, and the frames show it;
 * input sent over the DevTools protocol instead waits for each event's acknowledgement and, on a
 * saturated page, never returns.
 */
function dragInPage({
  x,
  from,
  to,
  steps,
}: {
  x: number;
  from: number;
  to: number;
  steps: number;
}) {
  return new Promise<void>((done) => {
    const target = document.elementFromPoint(x, from) ?? document.body;
    const send = (type: string, y: number, buttons: number) => {
      const init = { clientX: x, clientY: y, screenX: x, screenY: y, button: 0, buttons };
      const common = { ...init, bubbles: true, cancelable: true, composed: true, view: window };
      const pointer = type.replace("mouse", "pointer");
      target.dispatchEvent(
        new PointerEvent(pointer, {
          ...common,
          pointerId: 1,
          pointerType: "mouse",
          isPrimary: true,
        }),
      );
      target.dispatchEvent(new MouseEvent(type, common));
    };
    send("mousedown", from, 1);
    let i = 0;
    const step = () => {
      i++;
      send("mousemove", from + ((to - from) * i) / steps, 1);
      if (i < steps) requestAnimationFrame(step);
      else {
        send("mouseup", to, 0);
        done();
      }
    };
    requestAnimationFrame(step);
  });
}

export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the page did not finish ${what} within ${ms / 1000} s`)),
      ms,
    );
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
