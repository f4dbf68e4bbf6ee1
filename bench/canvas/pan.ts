import { LANE_PADDING, LANE_ROW_SPACING } from "@logic-canvas/shared";
import type { Page } from "playwright-core";
import { emptyColumn, readView, startFrames, stopFrames, type View } from "./page.ts";

/** Screen pixels per mouse move and moves per drag: ~20 px per frame, a brisk hand. */
const STEP_PX = 20;
const STEPS = 25;
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
    const before = await readView(this.page);
    this.centreY = (before.height / 2 - before.y) / before.zoom;
    await this.turnAtEnds(before);
    // Clear of the lane headers above and the minimap and controls below.
    const high = before.top + 110;
    const low = before.top + before.height - 210;
    const distance = Math.min(STEP_PX * STEPS, low - high);
    const x = await emptyColumn(this.page, high, low);
    // Going down the model drags the canvas up: start low, end high.
    const from = this.direction === 1 ? low : high;
    const to = from - this.direction * distance;
    await this.page.mouse.move(x, from);
    await this.page.mouse.down();
    for (let i = 1; i <= STEPS; i++) {
      await this.page.mouse.move(x, from + ((to - from) * i) / STEPS);
      await this.page.waitForTimeout(16);
    }
    await this.page.mouse.up();
    const after = await readView(this.page);
    const moved = Math.abs(after.y - before.y);
    this.pannedPx += moved;
    return moved;
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
    const frames = await stopFrames(this.page);
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
