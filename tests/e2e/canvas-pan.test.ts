import { LANE_ROW_SPACING, laneX, NODE_KINDS, toModelFile } from "@logic-canvas/shared";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { card, viewport } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";

/**
 * Panning a tall model (issue 14): the canvas moves by a compositor transform, so what a pan
 * brings into view must still arrive as cards, with their titles, within a few frames; the dotted
 * background follows the pan; and after a zoom the cards are painted again at the new scale.
 */

const { server, person } = chromiumSession();
const ROWS = 120;

/** 600 cards, five lanes of 120, each linked to the card beside it in the next lane. */
function tallModel() {
  const nodes = NODE_KINDS.flatMap((kind, column) =>
    Array.from({ length: ROWS }, (_, row) => ({
      id: `c${column}-${row}`,
      kind,
      title: `Row ${row + 1} ${kind}`,
      position: { x: laneX(kind), y: 40 + row * LANE_ROW_SPACING },
    })),
  );
  const edges = NODE_KINDS.slice(1).flatMap((_, column) =>
    Array.from({ length: ROWS }, (_, row) => ({
      id: `l${column}-${row}`,
      source: `c${column}-${row}`,
      target: `c${column + 1}-${row}`,
    })),
  );
  return toModelFile({ title: "Tall plan", masteryGoal: "", nodes, edges });
}

/**
 * Drags the empty canvas right of the last lane (above the overview map in the corner) up by
 * `dy` screen pixels.
 */
async function panUp(page: Page, dy: number): Promise<void> {
  const pane = await page.locator(".react-flow").boundingBox();
  if (!pane) throw new Error("no canvas");
  const x = pane.x + pane.width - 60;
  const y = pane.y + pane.height - 180;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y - dy, { steps: 20 });
  await page.mouse.up();
}

/**
 * Frames, counted from now, until every card whose box the view shows (by the model's places and
 * the viewport) is in the page with its title; -1 if that takes over 120 frames.
 */
function framesUntilViewFilled(page: Page): Promise<number> {
  return page.evaluate(
    ({ rows, spacing, lanes }) =>
      new Promise<number>((done) => {
        let frames = 0;
        const tick = () => {
          const viewport = document.querySelector(".react-flow__viewport") as HTMLElement;
          const flow = document.querySelector(".react-flow") as HTMLElement;
          const m = new DOMMatrix(getComputedStyle(viewport).transform);
          const height = flow.getBoundingClientRect().height;
          let missing = 0;
          for (let row = 0; row < rows; row++) {
            const top = (40 + row * spacing) * m.a + m.f;
            if (top + 60 * m.a < 0 || top > height) continue;
            for (const x of lanes) {
              if (x * m.a + m.e > flow.clientWidth) continue;
              const kind = lanes.indexOf(x);
              const title = document.querySelector(
                `.react-flow__node[data-id="c${kind}-${row}"] .card-title`,
              );
              if (!title?.textContent) missing++;
            }
          }
          if (missing === 0) done(frames);
          else if (++frames > 120) done(-1);
          else requestAnimationFrame(tick);
        };
        tick();
      }),
    { rows: ROWS, spacing: LANE_ROW_SPACING, lanes: NODE_KINDS.map((kind) => laneX(kind)) },
  );
}

/** The canvas's vertical offset on screen (React Flow's viewport translation). */
function offsetY(page: Page): Promise<number> {
  return page
    .locator(".react-flow__viewport")
    .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).f);
}

function dotsOffset(page: Page): Promise<string> {
  return page.locator(".dot-grid").evaluate((el) => (el as HTMLElement).style.transform);
}

describe("panning a tall model", () => {
  it("brings the cards of rows not drawn yet within a few frames, dots following", async () => {
    const model = await createModel(server.url, tallModel());
    const { page } = await person("Maria", model.links.owner);
    await card(page, "Row 1 input").waitFor();
    const dotsBefore = await dotsOffset(page);
    const before = await offsetY(page);

    // Eight pans down, half a screen each: each reveals rows never drawn before.
    for (let i = 0; i < 8; i++) {
      await panUp(page, 400);
      const frames = await framesUntilViewFilled(page);
      expect(frames, `pan ${i + 1}: frames until every card in view was there`).toBeGreaterThan(-1);
      expect(frames).toBeLessThanOrEqual(10);
    }
    expect(before - (await offsetY(page))).toBeGreaterThanOrEqual(1600);
    expect(await dotsOffset(page)).not.toBe(dotsBefore);
    // Cards far above the view are no longer in the page (React Flow holds the region only).
    expect(await page.locator('.react-flow__node[data-id="c0-0"]').count()).toBe(0);
  });

  it("paints the cards again at the new scale once a zoom settles", async () => {
    const model = await createModel(server.url, tallModel());
    const { page } = await person("Maria", model.links.owner);
    await card(page, "Row 1 input").waitFor();
    const layer = page.locator(".react-flow__viewport");
    expect(await layer.evaluate((el) => getComputedStyle(el).willChange)).toBe("transform");
    // Every value the layer's own will-change takes, as it happens.
    await layer.evaluate((el) => {
      const seen: string[] = [];
      (window as unknown as { willChanges: string[] }).willChanges = seen;
      new MutationObserver(() => seen.push((el as HTMLElement).style.willChange)).observe(el, {
        attributeFilter: ["style"],
      });
    });
    const zoomBefore = (await viewport(page)).zoom;
    await page.locator(".react-flow__controls-zoomin").click();
    // The layer is let go once after the zoom (a paint at the new scale), then held again.
    const seen = () =>
      page.evaluate(() => [
        ...new Set((window as unknown as { willChanges: string[] }).willChanges),
      ]);
    await expect.poll(seen).toEqual(["", "auto"]);
    await expect
      .poll(() => layer.evaluate((el) => getComputedStyle(el).willChange))
      .toBe("transform");
    expect((await viewport(page)).zoom).toBeGreaterThan(zoomBefore);
    expect(await card(page, "Row 1 input").isVisible()).toBe(true);
  });
});
