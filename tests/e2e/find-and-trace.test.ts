import {
  addDays,
  KIND_LABELS,
  laneX,
  NODE_KINDS,
  type NodeKind,
  todayIso,
} from "@logic-canvas/shared";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { card, focusedLabel } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";

const today = todayIso();

const { server, person } = chromiumSession();

type Card = { id: string; kind: NodeKind; title: string; row: number; notes?: string };

// One chain into the long-term goal "Reading at grade level", and beside it cards that do not
// lead to it; two cards far below the first screen (not mounted until shown) mention "élèves".
const CARDS: Card[] = [
  { id: "coach", kind: "input", title: "Instructional coach (half time)", row: 0 },
  { id: "cover", kind: "input", title: "Substitute cover for release time", row: 1 },
  { id: "books", kind: "input", title: "Leveled classroom libraries", row: 2 },
  { id: "cycles", kind: "activity", title: "Weekly coaching cycles", row: 0 },
  { id: "data", kind: "activity", title: "Grade-level data meetings", row: 1 },
  { id: "nights", kind: "activity", title: "Family reading nights", row: 2 },
  { id: "coplan", kind: "smallWin", title: "Teachers co-plan reading lessons", row: 0 },
  { id: "borrow", kind: "smallWin", title: "Families borrow books", row: 2 },
  { id: "intent", kind: "midJourney", title: "Shared lesson intentions in 80% of rooms", row: 0 },
  { id: "logs", kind: "midJourney", title: "Home reading logs come back", row: 2 },
  { id: "reading", kind: "longTerm", title: "Reading at grade level", row: 0 },
  { id: "attend", kind: "longTerm", title: "Attendance above 95%", row: 2 },
  { id: "tutor", kind: "activity", title: "Élèves en difficulté : tutorat", row: 30 },
  {
    id: "daily",
    kind: "smallWin",
    title: "Students read twenty minutes a day",
    row: 40,
    notes: "Les eleves lisent chaque jour, journal de lecture signé.",
  },
];

const LINKS = [
  ["coach", "cycles"],
  ["cover", "cycles"],
  ["cycles", "coplan"],
  ["data", "coplan"],
  ["coplan", "intent"],
  ["intent", "reading"],
  ["books", "nights"],
  ["nights", "borrow"],
  ["borrow", "logs"],
  ["logs", "attend"],
];

/** A goal judged against the line from 40 (200 days ago) to 80 (in 165 days). */
function measured(value: number) {
  return {
    smart: {
      indicator: "students reading at grade level",
      unit: "percent",
      baseline: { value: 40, date: addDays(today, -200) },
      target: { value: 80, date: addDays(today, 165) },
    },
    measurements: [{ date: addDays(today, -1), value }],
  };
}

function modelFile() {
  return {
    format: "logic-model",
    version: 1,
    title: "Reading plan",
    masteryGoal: "Every student reads at grade level by the end of grade 3.",
    nodes: CARDS.map(({ id, kind, title, row, notes }) => ({
      id,
      kind,
      title,
      ...(notes ? { notes } : {}),
      position: { x: laneX(kind), y: 40 + row * 140 },
      // "Reading at grade level" is far below its line (off track); attendance is on track.
      ...(id === "reading" ? measured(42) : id === "attend" ? measured(70) : {}),
    })),
    edges: LINKS.map(([source, target]) => ({ id: `${source}-${target}`, source, target })),
  };
}

const titleOf = (id: string) => CARDS.find((c) => c.id === id)?.title ?? id;
const marksOf = (page: Page, id: string) =>
  page.locator(`.react-flow__node[data-id="${id}"] .card`).getAttribute("data-marks");
const mountedIds = (page: Page) =>
  page.$$eval(".react-flow__node", (nodes) => nodes.map((n) => n.getAttribute("data-id")).sort());

/** The chain bar lies over no card: each card stays readable while a chain is traced. */
async function expectBarClearOfCards(page: Page) {
  const bar = await page.getByTestId("chain-bar").boundingBox();
  const cards = await page.$$eval(".react-flow__node", (nodes) =>
    nodes.map((n) => n.getBoundingClientRect().toJSON() as DOMRect),
  );
  expect(bar).not.toBeNull();
  if (!bar) return;
  const over = cards.filter(
    (c) =>
      c.x < bar.x + bar.width &&
      bar.x < c.x + c.width &&
      c.y < bar.y + bar.height &&
      bar.y < c.y + c.height,
  );
  expect(over).toEqual([]);
}

async function openReadingPlan(): Promise<Page> {
  const model = await createModel(server.url, modelFile());
  const { page } = await person("Lee", model.links.owner);
  await card(page, titleOf("reading")).waitFor();
  return page;
}

describe("reading a big model", () => {
  it("Ctrl+F finds cards that are not mounted, centres each, Enter steps to the next", async () => {
    const page = await openReadingPlan();
    expect(await card(page, titleOf("tutor")).count()).toBe(0); // far below: not in the DOM

    await page.locator(".react-flow__pane").click({ position: { x: 700, y: 500 } });
    await page.keyboard.press("Control+f");
    const field = page.getByRole("searchbox", { name: /Find cards/ });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    // No accents typed: "eleves" finds "Élèves" in a title and "eleves" in another card's notes.
    await field.pressSequentially("ELEVES");
    await expect.poll(() => page.getByTestId("find-count").textContent()).toBe("1 of 2");
    await card(page, titleOf("tutor")).waitFor();
    await expect.poll(() => marksOf(page, "tutor")).toBe("found current");
    await expectCentred(page, "tutor");

    await field.press("Enter");
    await expect.poll(() => page.getByTestId("find-count").textContent()).toBe("2 of 2 · in notes");
    await card(page, titleOf("daily")).waitFor();
    await expect.poll(() => marksOf(page, "daily")).toBe("found current");
    await expectCentred(page, "daily");
    await screenshot(page, "find-bar");

    await field.press("Shift+Enter");
    await expect.poll(() => page.getByTestId("find-count").textContent()).toBe("1 of 2");
    await field.press("Escape");
    await expect.poll(() => page.getByTestId("find-bar").count()).toBe(0);
    await expect.poll(() => marksOf(page, "tutor")).toBeNull();
  });

  it("the arrow keys reach a card far below the view, which the canvas does not hold till then", async () => {
    const page = await openReadingPlan();
    expect(await mountedIds(page)).not.toContain("tutor");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter"); // "Skip to canvas": the first card in lane order
    await expect.poll(() => focusedLabel(page)).toBe(`Input: ${titleOf("coach")}`);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => focusedLabel(page)).toBe(`Activity: ${titleOf("nights")}`);
    // The next card down the lane is 28 rows (about 3,900 px) below: out of view, not mounted.
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => focusedLabel(page)).toBe(`Activity: ${titleOf("tutor")}`);
    const pane = await page.locator(".react-flow").boundingBox();
    const box = await page.locator('.react-flow__node[data-id="tutor"]').boundingBox();
    expect(pane && box && box.y >= pane.y && box.y + box.height <= pane.y + pane.height).toBe(true);
    // Far from the first screen now, the cards at the top are no longer held either.
    await expect.poll(() => mountedIds(page)).not.toContain("coach");
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => focusedLabel(page)).toBe(`Activity: ${titleOf("nights")}`);
  });

  it("selecting a long-term goal traces what leads to it and dims the rest; only this chain, then all", async () => {
    const page = await openReadingPlan();
    await card(page, titleOf("reading")).click();

    await expect.poll(() => marksOf(page, "reading")).toBe("traced");
    for (const id of ["coach", "cover", "cycles", "data", "coplan", "intent"])
      await expect.poll(() => marksOf(page, id), { message: id }).toBe("upstream");
    for (const id of ["books", "nights", "attend"])
      await expect.poll(() => marksOf(page, id), { message: id }).toBe("dimmed");
    expect(await page.locator(".react-flow__edge .link.is-on-chain").count()).toBe(6);
    expect(await page.locator(".react-flow__edge .link.is-dimmed").count()).toBe(4);
    const bar = page.getByTestId("chain-bar");
    await expect
      .poll(() => bar.textContent())
      .toContain("2 inputs, 2 activities, 1 small win, 1 mid-journey goal lead to it");
    await expectBarClearOfCards(page);
    // A short laptop window: the bottom of the canvas now holds cards, and the bar must not.
    await page.setViewportSize({ width: 1440, height: 480 });
    await expectBarClearOfCards(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, "traced-chain");

    await bar.getByRole("button", { name: "Show only this chain" }).click();
    await expect
      .poll(() => mountedIds(page))
      .toEqual(["coach", "coplan", "cover", "cycles", "data", "intent", "reading"]);
    await expect
      .poll(() => page.getByTestId("lane-header-longTerm").textContent())
      .toContain("1 of 2 shown");
    await expectBarClearOfCards(page);
    await screenshot(page, "chain-only");
    // Selecting another card of the chain keeps the chain shown until "Show all".
    await card(page, titleOf("coach")).click();
    expect(await card(page, titleOf("books")).count()).toBe(0);
    await page.getByTestId("chain-bar").getByRole("button", { name: "Show all" }).click();
    await card(page, titleOf("books")).waitFor();
    await expect.poll(async () => (await mountedIds(page)).length).toBe(12);

    // Esc on the canvas ends "only this chain" and clears the trace, as the shortcut help says.
    await card(page, titleOf("reading")).click();
    await page
      .getByTestId("chain-bar")
      .getByRole("button", { name: "Show only this chain" })
      .click();
    await expect.poll(async () => (await mountedIds(page)).length).toBe(7);
    await card(page, titleOf("coach")).click();
    await page.keyboard.press("Escape");
    await expect.poll(async () => (await mountedIds(page)).length).toBe(12);
    await expect.poll(() => page.getByTestId("chain-bar").count()).toBe(0);
    await expect.poll(() => marksOf(page, "reading")).toBeNull();
  });

  it("the filter shows only off-track goals, or chosen lanes, and says that it is on", async () => {
    const page = await openReadingPlan();
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    const menu = page.getByTestId("filter-menu");
    await menu.getByLabel("Off track").check();

    await expect.poll(() => mountedIds(page)).toEqual(["reading"]);
    const line = page.getByTestId("filter-line");
    await expect
      .poll(() => line.textContent())
      .toContain("Filters on: Off track · 13 cards hidden");
    await expect
      .poll(() => page.getByTestId("lane-header-input").textContent())
      .toContain("All hidden");
    // Each header still says which lane it is, beside how many of its cards show.
    for (const kind of NODE_KINDS) {
      const name = page.getByTestId(`lane-header-${kind}`).locator(".lane-name");
      const { label, short } = KIND_LABELS[kind];
      expect([label, short], kind).toContain(await name.textContent());
    }
    await screenshot(page, "filter-off-track");

    await menu.getByLabel("Off track").uncheck();
    await menu.getByLabel("Inputs").check();
    await expect.poll(() => mountedIds(page)).toEqual(["books", "coach", "cover"]);
    await expect.poll(() => line.textContent()).toContain("Filters on: Inputs");
    await page.keyboard.press("Escape");
    await expect.poll(() => menu.count()).toBe(0);

    await line.getByRole("button", { name: "Clear" }).click();
    await expect.poll(async () => (await mountedIds(page)).length).toBe(12);
    await expect.poll(() => line.count()).toBe(0);
  });
});

/** The card's centre is within a few pixels of the canvas pane's centre. */
async function expectCentred(page: Page, id: string): Promise<void> {
  await expect
    .poll(async () => {
      const pane = await page.locator(".react-flow").boundingBox();
      const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
      if (!pane || !box) return Number.POSITIVE_INFINITY;
      return Math.hypot(
        box.x + box.width / 2 - (pane.x + pane.width / 2),
        box.y + box.height / 2 - (pane.y + pane.height / 2),
      );
    })
    .toBeLessThan(8);
}
