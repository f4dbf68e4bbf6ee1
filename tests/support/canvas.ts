import { laneX, type NodeKind, toModelFile } from "@logic-canvas/shared";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** Page-level actions on the Logic Canvas editor, as a person would do them. */

export const ADD_BUTTON: Record<string, string> = {
  input: "+ input",
  activity: "+ activity",
  smallWin: "+ small win",
  midJourney: "+ mid-journey goal",
  longTerm: "+ long-term goal",
};

export async function openEditor(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.locator("[data-testid=status]").waitFor();
  await waitForStatus(page, "Saved");
}

export async function waitForStatus(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (expected) => document.querySelector("[data-testid=status]")?.textContent?.includes(expected),
    text,
    { timeout },
  );
}

export function card(page: Page, title: string): Locator {
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  return page.locator(".react-flow__node", {
    has: page.locator(".card-title", { hasText: exact }),
  });
}

/**
 * Adds a card with the toolbar button of its lane and types its title into the card, which opens
 * with its title ready for typing; Enter saves it.
 */
export async function addCard(page: Page, kind: string, title: string): Promise<void> {
  await page.getByRole("button", { name: ADD_BUTTON[kind], exact: true }).click();
  const field = page.locator(".react-flow__node .card-title-input");
  await field.waitFor();
  await field.fill(title);
  await field.press("Enter");
  await card(page, title).waitFor();
}

/** Drags from one card's right handle to another card's left handle. */
export async function link(page: Page, fromTitle: string, toTitle: string): Promise<void> {
  const from = await card(page, fromTitle).locator(".react-flow__handle.source").boundingBox();
  const to = await card(page, toTitle).locator(".react-flow__handle.target").boundingBox();
  if (!from || !to) throw new Error("handles not visible");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

export async function dragBy(page: Page, target: Locator, dx: number, dy: number): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error("card not visible");
  const x = box.x + box.width / 2;
  const y = box.y + 12;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 8 });
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

export async function cardTitles(page: Page): Promise<string[]> {
  return (await page.locator(".react-flow__node .card-title").allTextContents()).sort();
}

export async function expectTitles(page: Page, titles: string[], timeout = 10_000): Promise<void> {
  const wanted = [...titles].sort();
  const deadline = Date.now() + timeout;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await cardTitles(page);
    if (JSON.stringify(seen) === JSON.stringify(wanted)) return;
    await page.waitForTimeout(100);
  }
  expect(seen).toEqual(wanted);
}

export async function edgeCount(page: Page): Promise<number> {
  return page.locator(".react-flow__edge").count();
}

export async function waitForEdges(page: Page, count: number, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll(".react-flow__edge").length === n,
    count,
    {
      timeout,
    },
  );
}

/** The React Flow viewport transform: translate(x, y) scale(zoom). */
export async function viewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const transform = await page
    .locator(".react-flow__viewport")
    .evaluate((el) => (el as HTMLElement).style.transform);
  const [x, y, zoom] = (transform.match(/-?[\d.]+(e-?\d+)?/g) ?? []).map(Number);
  return { x: x ?? 0, y: y ?? 0, zoom: zoom ?? 1 };
}

/** The aria-label of the element that has keyboard focus ("" if none). */
export function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
}

/** A model file: cards of the given kinds and titles, placed down their lanes. */
export function modelFileOf(
  title: string,
  cards: { kind: NodeKind; title: string }[],
  masteryGoal = "",
) {
  const rows = new Map<string, number>();
  return toModelFile({
    title,
    masteryGoal,
    nodes: cards.map((c, i) => {
      const row = rows.get(c.kind) ?? 0;
      rows.set(c.kind, row + 1);
      return {
        id: `C${i}`,
        kind: c.kind,
        title: c.title,
        position: { x: laneX(c.kind), y: 60 + row * 140 },
      };
    }),
    edges: [],
  });
}

/**
 * Every card's box in flow coordinates, as the canvas places it, mounted or not (React Flow only
 * mounts the cards on screen): the measured size when known, the usual card size otherwise.
 */
export function cardBoxesInFlow(
  page: Page,
): Promise<{ x: number; y: number; width: number; height: number }[]> {
  return page.evaluate(() => {
    type Snapshot = {
      nodes: { position: { x: number; y: number }; measured?: { width: number; height: number } }[];
    };
    const handle = (window as unknown as { logicCanvas: { binding: { getSnapshot(): Snapshot } } })
      .logicCanvas;
    return handle.binding.getSnapshot().nodes.map((n) => ({
      ...n.position,
      width: n.measured?.width ?? 240,
      height: n.measured?.height ?? 72,
    }));
  });
}

/** Opens the toolbar's "More" menu and returns the item named `name` (less-used commands). */
export async function moreItem(page: Page, name: string): Promise<Locator> {
  const more = page.getByRole("button", { name: "More actions" });
  if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
  const item = page.getByRole("menu").getByRole("menuitem", { name, exact: true });
  await page.getByRole("menu").waitFor();
  return item;
}

/**
 * Drags a link from a card's handle to the middle of another card, far from its handles, and
 * waits for the hint that says, over the body, what a drop will do before releasing.
 */
export async function dragToBody(
  page: Page,
  fromTitle: string,
  toTitle: string,
  hint: string,
): Promise<void> {
  const from = await card(page, fromTitle).locator(".react-flow__handle.source").boundingBox();
  const to = await card(page, toTitle).boundingBox();
  if (!from || !to) throw new Error("not visible");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  // Over the body, the hint already says what a drop will do.
  await page.locator(".connection-hint", { hasText: hint }).waitFor();
  await page.mouse.up();
}

/**
 * A model of `count` cards over the five lanes, spread down a tall area (rows 70 px apart, with
 * a wide gap half way) so that most of them are off screen and not mounted.
 */
export function tallModelFile(count: number) {
  const kinds: NodeKind[] = ["input", "activity", "smallWin", "midJourney", "longTerm"];
  const cards = Array.from({ length: count }, (_, i) => ({
    kind: kinds[i % 5] as NodeKind,
    title: `Card ${i + 1}`,
  }));
  const file = modelFileOf("Three hundred", cards);
  for (const [i, node] of file.nodes.entries()) {
    const row = Math.floor(i / 5);
    if (node.position) node.position.y = 40 + row * 70 + (row >= count / 10 ? 600 : 0);
  }
  return file;
}

/**
 * The boxes (in flow coordinates) that the viewport `view` draws, even in part, outside the
 * on-screen `pane`: what Fit view must leave none of.
 */
export function outsideOf<B extends { x: number; y: number; width: number; height: number }>(
  pane: { x: number; y: number; width: number; height: number },
  view: { x: number; y: number; zoom: number },
  boxes: B[],
): B[] {
  return boxes.filter((b) => {
    const left = pane.x + view.x + b.x * view.zoom;
    const top = pane.y + view.y + b.y * view.zoom;
    const right = left + b.width * view.zoom;
    const bottom = top + b.height * view.zoom;
    return (
      left < pane.x || right > pane.x + pane.width || top < pane.y || bottom > pane.y + pane.height
    );
  });
}
