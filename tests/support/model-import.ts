import type { Page } from "playwright-core";
import { waitForStatus } from "./canvas.ts";

/** Importing a model file from the home page, and checking how its cards were laid out. */

/** Imports a file from the home page, as a person would, and waits for the new model to open. */
export async function importOnHome(
  page: Page,
  homeUrl: string,
  name: string,
  bytes: Buffer,
): Promise<void> {
  await page.goto(homeUrl);
  await page.getByLabel("Model file to import").setInputFiles({
    name,
    mimeType: "application/json",
    buffer: bytes,
  });
  await page.waitForURL(/\/m\/[A-Za-z0-9_-]+#token=/);
  await waitForStatus(page, "Saved");
}

/** The on-screen boxes of every card. */
export async function cardBoxes(page: Page) {
  return page.locator(".react-flow__node").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute("data-id"), x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
}

/** Every pair of cards whose boxes overlap, as "a × b" (an import must leave none). */
export function overlapping(boxes: Awaited<ReturnType<typeof cardBoxes>>): string[] {
  const found: string[] = [];
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1))
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
        found.push(`${a.id} × ${b.id}`);
  return found;
}
