import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SCREENSHOT_DIR } from "../support/browser.ts";
import { waitForStatus } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";

const { server, person } = chromiumSession();

const LAPTOPS = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

type Box = { x: number; y: number; width: number; height: number };

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Opens the editor afresh at a laptop's window size (the first view is framed for it). */
async function atSize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.reload();
  await waitForStatus(page, "Saved");
  await page.locator(".react-flow__node").first().waitFor();
}

/** Every element matching `selector` whose text is cut (wider than its box), by its text. */
function cutTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (sel) =>
      Array.from(document.querySelectorAll<HTMLElement>(sel))
        .filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth)
        .map((el) => el.textContent ?? ""),
    selector,
  );
}

describe("layout that fits a laptop", () => {
  it("the toolbar stays on one row at 1280×800 and 1440×900, the rest under More", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const { page } = await person("Maria", model.links.owner);
    for (const size of LAPTOPS) {
      await atSize(page, size);
      const boxes = await page.evaluate(() =>
        Array.from(
          document.querySelectorAll<HTMLElement>(".toolbar button:not([role=menuitem])"),
          (b) => ({ name: b.textContent?.trim(), ...b.getBoundingClientRect().toJSON() }),
        ),
      );
      expect(boxes.length).toBeGreaterThan(8);
      const first = boxes[0]?.top ?? 0;
      for (const b of boxes) {
        expect(Math.abs(b.top - first), `“${b.name}” is on another row`).toBeLessThanOrEqual(2);
        expect(b.right, `“${b.name}” is past the window's edge`).toBeLessThanOrEqual(size.width);
      }
      // The top bar keeps Model ▾, the views, Share and the people on its one row too.
      const top = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>(".topbar button"), (b) => ({
          name: b.textContent?.trim(),
          // An avatar's name is hidden text for screen readers; only its initials show.
          cut: !b.classList.contains("avatar") && b.scrollWidth > b.clientWidth,
          ...b.getBoundingClientRect().toJSON(),
        })),
      );
      const names = top.map((b) => b.name);
      expect(names).toEqual(expect.arrayContaining(["Model ▾", "Canvas", "Share"]));
      const middle = (b: Box) => b.y + b.height / 2;
      const row = middle(top[0] as Box);
      for (const b of top) {
        expect(Math.abs(middle(b) - row), `“${b.name}” is on another row`).toBeLessThanOrEqual(2);
        expect(b.right, `“${b.name}” is past the window's edge`).toBeLessThanOrEqual(size.width);
        expect(b.cut, `“${b.name}” is cut`).toBe(false);
      }
      expect(
        await cutTexts(page, ".topbar .model-title-input, .topbar h1:not(.visually-hidden)"),
      ).toEqual([]);
      const more = page.getByRole("button", { name: "More actions" });
      await more.click();
      await page.getByRole("menuitem", { name: "Download model file" }).waitFor();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/toolbar-${size.width}.png` });
      await page.keyboard.press("Escape");
    }
  });

  it("More is a menu button: arrows move, Escape closes and gives the focus back", async () => {
    const model = await createModel(server.url, { title: "Menu" });
    const { page } = await person("Maria", model.links.owner);
    const more = page.getByRole("button", { name: "More actions" });
    expect(await more.getAttribute("aria-haspopup")).toBe("menu");
    expect(await more.getAttribute("aria-expanded")).toBe("false");
    await more.focus();
    await page.keyboard.press("ArrowDown");
    expect(await more.getAttribute("aria-expanded")).toBe("true");
    const items = page.getByRole("menu").getByRole("menuitem");
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    const names = await items.allTextContents();
    expect(names).toContain("Print…");
    expect(await focused()).toBe(names[0]);
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe(names[1]);
    await page.keyboard.press("End");
    expect(await focused()).toBe(names[names.length - 1]);
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe(names[0]);
    await page.keyboard.press("ArrowUp");
    expect(await focused()).toBe(names[names.length - 1]);
    await page.keyboard.press("Escape");
    await page.getByRole("menu").waitFor({ state: "detached" });
    expect(await more.getAttribute("aria-expanded")).toBe("false");
    expect(await more.evaluate((el) => el === document.activeElement)).toBe(true);
    // Enter on an item runs it: Print… opens the print view.
    await page.keyboard.press("Enter");
    await page.getByRole("menuitem", { name: "Print…" }).waitFor();
    await page.evaluate(() => {
      window.print = () => {};
    });
    await page.getByRole("menuitem", { name: "Print…" }).press("Enter");
    await page.locator(".print-view").waitFor();
  });

  it("lane headers and side-panel tabs are whole; headers never cover a card's text", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const { page } = await person("Maria", model.links.owner);
    for (const size of LAPTOPS) {
      await atSize(page, size);
      expect(await cutTexts(page, ".lane-header .lane-name, .lane-header .lane-also")).toEqual([]);
      const names = await page.locator(".lane-header .lane-name").allTextContents();
      expect(
        names.some((n) => n.startsWith("Mid-journey goals")),
        names.join(" | "),
      ).toBe(true);
      expect(await cutTexts(page, ".side-panel [role=tab]")).toEqual([]);
      const panel = await page.locator(".side-panel").boundingBox();
      for (const tab of await page.locator(".side-panel [role=tab]").all()) {
        const box = await tab.boundingBox();
        if (!box || !panel) throw new Error("tab not visible");
        expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width);
      }

      // Pan the canvas up so that the first cards pass where the headers are.
      const pane = await page.locator(".react-flow__pane").boundingBox();
      if (!pane) throw new Error("no pane");
      await page.mouse.move(pane.x + 30, pane.y + 300);
      await page.mouse.down();
      await page.mouse.move(pane.x + 30, pane.y + 230, { steps: 6 });
      await page.mouse.up();
      const covered = await page.evaluate(() => {
        const flow = document.querySelector(".react-flow")?.getBoundingClientRect();
        if (!flow) return ["no canvas"];
        const headers = Array.from(document.querySelectorAll(".lane-header")).map((h) =>
          h.getBoundingClientRect(),
        );
        const found: string[] = [];
        for (const title of Array.from(
          document.querySelectorAll(".react-flow__node .card-title"),
        )) {
          const r = title.getBoundingClientRect();
          // What shows of the title: the canvas clips it at its edges.
          const top = Math.max(r.top, flow.top);
          const bottom = Math.min(r.bottom, flow.bottom);
          if (bottom <= top) continue;
          for (const h of headers)
            if (r.left < h.right && h.left < r.right && top < h.bottom && h.top < bottom)
              found.push(title.textContent ?? "");
        }
        return found;
      });
      expect(covered).toEqual([]);
      // Some card was indeed panned past the top of the canvas.
      const past = await page.evaluate(() => {
        const flow = document.querySelector(".react-flow")?.getBoundingClientRect();
        return Array.from(document.querySelectorAll(".react-flow__node")).some(
          (n) => n.getBoundingClientRect().top < (flow?.top ?? 0),
        );
      });
      expect(past).toBe(true);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it("zoomed out to the minimum, lane headers do not collide", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const { page } = await person("Maria", model.links.owner);
    const zoomOut = page.locator(".react-flow__controls-zoomout");
    for (let i = 0; i < 30 && (await zoomOut.isEnabled()); i += 1) await zoomOut.click();
    expect(await zoomOut.isEnabled()).toBe(false);
    const parts = await page.evaluate(() =>
      Array.from(document.querySelectorAll(".lane-header")).map((h, lane) => ({
        lane,
        box: h.getBoundingClientRect().toJSON(),
        parts: Array.from(h.querySelectorAll(".lane-name, .lane-add"))
          .filter((p) => p.getClientRects().length > 0)
          .map((p) => p.getBoundingClientRect().toJSON()),
      })),
    );
    for (const a of parts)
      for (const b of parts) {
        if (a.lane >= b.lane) continue;
        expect(overlap(a.box, b.box), `headers ${a.lane} and ${b.lane} overlap`).toBe(false);
        for (const pa of a.parts)
          for (const pb of b.parts)
            expect(overlap(pa, pb), `header ${a.lane}'s words run into ${b.lane}'s`).toBe(false);
      }
    expect(await cutTexts(page, ".lane-header .lane-name")).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/lane-headers-min-zoom.png` });
  });

  it("the Progress view hides the canvas tools", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const { page } = await person("Maria", model.links.owner);
    const tools = () =>
      page
        .getByRole("toolbar")
        .getByRole("button", { name: /^(\+ |Tidy lanes|Fit view)/ })
        .count();
    expect(await tools()).toBe(7);
    await page
      .getByRole("navigation", { name: "Views" })
      .getByRole("button", { name: "Progress" })
      .click();
    await page.getByTestId("dashboard-goal").first().waitFor();
    expect(await tools()).toBe(0);
    expect(await page.locator(".lane-add").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Undo" }).count()).toBe(1);
  });
});
