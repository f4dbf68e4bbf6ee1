import { readFile } from "node:fs/promises";
import {
  addDays,
  coachingTemplate,
  type ModelFile,
  todayIso,
  toModelFile,
} from "@logic-canvas/shared";
import type { Download, Page } from "playwright-core";
import { expect } from "vitest";
import { moreItem } from "./canvas.ts";

/**
 * What the monitoring e2e files (monitoring-goals, monitoring-exports, monitoring-import) share:
 * the coaching template and its goal under test, the views, sparklines, downloads and images.
 */

export const template = coachingTemplate();
export const titleOf = (id: string) => template.nodes.find((n) => n.id === id)?.title ?? id;
export const GOAL = "M3";
export const today = todayIso();

/**
 * The coaching model as monitoring-goals.test.ts leaves it: the goal's SMART target, the one
 * measurement left after the fix and delete, and two check-ins.
 */
export function measuredGoalFile(): ModelFile {
  const nodes = template.nodes.map((node) =>
    node.id === GOAL
      ? {
          ...node,
          smart: {
            indicator: "lessons with a shared intention",
            unit: "percent",
            baseline: { value: 20, date: addDays(today, -100) },
            target: { value: 80, date: addDays(today, 100) },
            cohortSize: 150,
          },
          measurements: [{ date: addDays(today, -5), value: 55, note: "Walkthroughs, grade 3" }],
        }
      : node,
  );
  return toModelFile(
    { ...template, nodes },
    { checkIns: [addDays(today, -3), addDays(today, 30)] },
  );
}

export async function showView(page: Page, label: "Canvas" | "Progress" | "Print"): Promise<void> {
  await page.locator(".view-switch").getByRole("button", { name: label, exact: true }).click();
}

export async function sparklinePoints(page: Page, id: string): Promise<string | null> {
  return page
    .locator(`.react-flow__node[data-id="${id}"] [data-testid=sparkline]`)
    .getAttribute("data-points", { timeout: 10_000 });
}

export async function expectSparkline(page: Page, id: string, points: number): Promise<void> {
  await page.waitForFunction(
    ([nodeId, n]) =>
      document
        .querySelector(`.react-flow__node[data-id="${nodeId}"] [data-testid=sparkline]`)
        ?.getAttribute("data-points") === String(n),
    [id, points] as const,
    { timeout: 10_000 },
  );
}

/** Downloads what the "More" menu's item named `item` exports. */
export async function download(
  page: Page,
  item: string,
): Promise<{ file: Download; bytes: Buffer }> {
  const chosen = await moreItem(page, item);
  const [file] = await Promise.all([page.waitForEvent("download"), chosen.click()]);
  const path = await file.path();
  return { file, bytes: await readFile(path) };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes an image in the page, as a browser showing the file would. */
export async function decodeInPage(page: Page, bytes: Buffer, type: string) {
  return page.evaluate(
    async ({ base64, mime }) => {
      const image = new Image();
      image.src = `data:${mime};base64,${base64}`;
      await image.decode();
      return { width: image.naturalWidth, height: image.naturalHeight };
    },
    { base64: bytes.toString("base64"), mime: type },
  );
}

/** The model as this page's binding holds it (the debug handle grants nothing). */
export async function liveModel(page: Page) {
  return page.evaluate(() => {
    const handle = (window as unknown as { logicCanvas: { binding: { getSnapshot(): unknown } } })
      .logicCanvas;
    return handle.binding.getSnapshot() as {
      model: { nodes: { id: string; title: string; position?: { x: number; y: number } }[] };
      checkIns: string[];
    };
  });
}
