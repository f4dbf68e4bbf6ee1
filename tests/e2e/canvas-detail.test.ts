import { LANE_ROW_SPACING, laneX, NODE_KINDS, toModelFile } from "@logic-canvas/shared";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { card, viewport } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";

/**
 * Level of detail (issue 14): zoomed out past the threshold the canvas draws its cards as shapes
 * on one drawing surface instead of a DOM card each, and keeps what a person needs from afar
 * (selection, keyboard moves, click to pick, double-click to zoom in); zoomed back in, the full
 * cards with their titles return.
 */

const { server, person } = chromiumSession();
const ROWS = 30;
const ACCENT = [59, 91, 219];

/** 150 cards, five lanes of 30, each linked to the card beside it in the next lane. */
function wideModel() {
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
  return toModelFile({ title: "Wide plan", masteryGoal: "", nodes, edges });
}

async function zoomOutPastDetail(page: Page): Promise<void> {
  const zoomOut = page.locator(".react-flow__controls-zoomout");
  for (let i = 0; i < 12 && (await viewport(page)).zoom >= 0.3; i += 1) await zoomOut.click();
  await page.locator("[data-testid=overview-layer][data-drawn-cards]").waitFor();
}

/** Where a card's centre is on screen, from its place in the model and the viewport. */
async function cardOnScreen(
  page: Page,
  id: string,
): Promise<{ x: number; y: number; top: number }> {
  const view = await viewport(page);
  const pane = await page.locator(".react-flow").boundingBox();
  const box = await page.evaluate((cardId) => {
    type Node = { id: string; position: { x: number; y: number }; measured?: { height: number } };
    const handle = window as unknown as {
      logicCanvas: { binding: { getSnapshot(): { nodes: Node[] } } };
    };
    const node = handle.logicCanvas.binding.getSnapshot().nodes.find((n) => n.id === cardId);
    return node && { ...node.position, height: node.measured?.height ?? 72 };
  }, id);
  if (!box || !pane) throw new Error(`no card ${id}`);
  return {
    x: pane.x + view.x + (box.x + 120) * view.zoom,
    y: pane.y + view.y + (box.y + box.height / 2) * view.zoom,
    top: pane.y + view.y + box.y * view.zoom,
  };
}

function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const handle = window as unknown as {
      logicCanvas: { binding: { selection(): { nodeIds: string[] } } };
    };
    return handle.logicCanvas.binding.selection().nodeIds;
  });
}

/** The colour the overview drew at a point on screen, read from the drawing surface. */
function pixelAt(page: Page, at: { x: number; y: number }): Promise<number[]> {
  return page.locator("[data-testid=overview-layer]").evaluate((element, point) => {
    const surface = element as HTMLCanvasElement;
    const box = surface.getBoundingClientRect();
    const ratio = surface.width / box.width;
    const ctx = surface.getContext("2d");
    const x = Math.round((point.x - box.left) * ratio);
    const y = Math.round((point.y - box.top) * ratio);
    return Array.from(ctx?.getImageData(x, y, 1, 1).data ?? []).slice(0, 3);
  }, at);
}

describe("the canvas zoomed out and back in", () => {
  it("draws cheap shapes far out, keeps selection and keys, and full cards when zoomed in", async () => {
    const model = await createModel(server.url, wideModel());
    const { page } = await person("Maria", model.links.owner);
    await card(page, "Row 1 input").waitFor();
    expect(await page.locator(".react-flow__node").count()).toBeGreaterThan(10);

    await zoomOutPastDetail(page);
    const overview = page.getByRole("img", { name: /Zoomed-out view of 150 cards/ });
    expect(await overview.isVisible()).toBe(true);
    // No DOM card or link is left; the surface drew what is in view.
    expect(await page.locator(".react-flow__node").count()).toBe(0);
    expect(await page.locator(".react-flow__edge").count()).toBe(0);
    const drawn = Number(await overview.getAttribute("data-drawn-cards"));
    expect(drawn).toBeGreaterThan(50);

    // A click on a shape selects its card; the side panel and the shape's outline show it.
    const target = await cardOnScreen(page, "c2-4");
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => selectedIds(page)).toEqual(["c2-4"]);
    await expect
      .poll(() => page.getByLabel("Title", { exact: true }).inputValue())
      .toBe("Row 5 smallWin");
    const outline = await cardOnScreen(page, "c2-4");
    await expect.poll(() => pixelAt(page, { x: outline.x, y: outline.top })).toEqual(ACCENT);
    await screenshot(page, "canvas-zoomed-out-selected");

    // The arrow keys still move between cards while they are shapes.
    await page.locator("#canvas").focus();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => selectedIds(page)).toEqual(["c2-5"]);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => selectedIds(page)).toEqual(["c3-5"]);

    // Double-click zooms in to a card: full cards again, with their titles and handles.
    const back = await cardOnScreen(page, "c1-2");
    await page.mouse.dblclick(back.x, back.y);
    await card(page, "Row 3 activity").waitFor();
    await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(0.9);
    expect(await page.locator("[data-testid=overview-layer]").count()).toBe(0);
    await expect.poll(() => selectedIds(page)).toEqual(["c1-2"]);
    await expect
      .poll(() => page.locator(".react-flow__node .react-flow__handle").count())
      .toBeGreaterThan(4);
    expect(await card(page, "Row 3 activity").locator(".card.is-selected").count()).toBe(1);
    await screenshot(page, "canvas-zoomed-in-again");
  });
});
