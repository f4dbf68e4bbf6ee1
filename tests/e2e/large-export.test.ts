import { readFile } from "node:fs/promises";
import { type LogicNode, toModelFile } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { moreItem } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";
import { decodeInPage, download, pngSize } from "../support/monitoring-views.ts";

/**
 * A model too tall for a readable PNG (issue 14): 320 activities in one lane would fit a
 * browser's canvas only with titles a few pixels high. The PNG export says so and offers the SVG
 * and the print view instead, and still makes the PNG when asked to.
 */

const { server, person } = chromiumSession();

function tallModel(cards = 320) {
  const nodes: LogicNode[] = Array.from({ length: cards }, (_, i) => ({
    id: `a${i}`,
    kind: "activity",
    title: `Coaching cycle ${i + 1} with the grade-level team, observed and debriefed`,
    position: { x: 320, y: i * 120 },
  }));
  return toModelFile({
    title: "District coaching map",
    masteryGoal: "Every student reads at grade level by the end of grade 3.",
    nodes,
    edges: [],
  });
}

describe("exporting a model too large for a readable picture", () => {
  it("the PNG export asks first, offers the SVG, and makes the PNG when asked", async () => {
    const model = await createModel(server.url, tallModel());
    const { page } = await person("Maria", model.links.owner);
    await page.locator(".react-flow__node").first().waitFor();

    await (await moreItem(page, "Export as PNG image")).click();
    const dialog = page.getByTestId("unreadable-png");
    await dialog.waitFor();
    const words = (await dialog.textContent()) ?? "";
    expect(words).toMatch(/A PNG of all 320 cards would be [\d,]+ × [\d,]+ pixels/);
    expect(words).toMatch(/titles about \d(\.\d)? pixels high: too small to read/);
    await screenshot(page, "export-unreadable-png");
    // The safe choice holds the focus, so Enter takes it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Export as SVG instead",
    );
    const [svg] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(svg.suggestedFilename()).toBe("District coaching map.svg");
    await dialog.waitFor({ state: "detached" });

    await (await moreItem(page, "Export as PNG image")).click();
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    await (await moreItem(page, "Export as PNG image")).click();
    await dialog.waitFor();
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export the PNG anyway" }).click(),
    ]);
    expect(file.suggestedFilename()).toBe("District coaching map.png");
    const bytes = await readFile(await file.path());
    const size = pngSize(bytes);
    expect(size.height).toBeLessThanOrEqual(12_000);
    expect(await decodeInPage(page, bytes, "image/png")).toEqual(size);
  });

  it("a small model's PNG is made at once, with no question", async () => {
    const model = await createModel(server.url, tallModel(20));
    const { page } = await person("Ana", model.links.owner);
    await page.locator(".react-flow__node").first().waitFor();
    const png = await download(page, "Export as PNG image");
    expect(png.file.suggestedFilename()).toBe("District coaching map.png");
    expect(await page.getByTestId("unreadable-png").count()).toBe(0);
  });
});
