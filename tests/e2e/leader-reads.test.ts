import { mkdir, readFile } from "node:fs/promises";
import { addDays, todayIso } from "@logic-canvas/shared";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { dayAsShown, SCREENSHOT_DIR, screenshot } from "../support/browser.ts";
import { addCard, card, moreItem } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";
import { showView } from "../support/monitoring-views.ts";
import { LONG_TITLE, MEASURED, RATIONALE, readingPlan } from "../support/reading-plan.ts";
import { openTab, textOf } from "../support/side-panel.ts";

/**
 * What a leader reads (issue 19): a goal's status today when its last measurement is old, the
 * quorum behind "wide agreement", no "why revised" for a first fill, dates with the month in
 * words, the print view's links and statuses, long titles whole in an SVG export, lane names in
 * a version diff, and a saved version's links on its read-only canvas.
 */

const { server, person } = chromiumSession();
const SHOTS = SCREENSHOT_DIR;
const today = todayIso();
/** Two-digit day, month and year run together ("26/08/15"): what no date may look like. */
const AMBIGUOUS = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;

describe("what a leader reads", () => {
  let maria: Page;

  it("an old measurement is judged today too, on the card, the goal panel and the dashboard, with dates in words", async () => {
    const model = await createModel(server.url, readingPlan());
    maria = (await person("Maria", model.links.owner)).page;
    const measured = await dayAsShown(maria, MEASURED);
    expect(measured).toMatch(/\b[A-Z][a-z]{2}\b/);
    const sentence = `Off track as of today: last measured 8% on ${measured}, the line is at 33% now`;

    // The card: on track when measured, off track today, and stale.
    const goalCard = card(maria, "Students reading at grade level");
    expect(await goalCard.getByTestId("goal-status").getAttribute("data-status")).toBe("on-track");
    const badge = goalCard.getByTestId("status-today");
    expect(await textOf(badge)).toContain("Off track today");
    expect(await badge.getAttribute("title")).toBe(sentence);
    expect(await goalCard.getByTestId("stale-flag").count()).toBe(1);

    // The goal panel says it in full, beside the stale flag, and lists the date in words.
    await goalCard.click();
    const panel = maria.getByTestId("goal-panel");
    expect(await textOf(panel.getByTestId("status-today"))).toBe(sentence);
    expect(await panel.getByTestId("stale-flag").count()).toBe(1);
    expect(await textOf(panel.getByTestId("measurement-row"))).toContain(measured);
    // The SMART check's Time-bound line says its dates the same way.
    const [from, to] = [
      await dayAsShown(maria, addDays(today, -280)),
      await dayAsShown(maria, addDays(today, 120)),
    ];
    expect(await textOf(panel.locator("[data-letter=T] .smart-reason"))).toBe(
      `From ${from} to ${to}.`,
    );
    await screenshot(maria, "leader-status-today-panel");

    // The dashboard too, and its chart's axis reads months ("Aug 2026").
    await showView(maria, "Progress");
    const row = maria.locator("[data-testid=dashboard-goal][data-node-id=grade]");
    expect(await textOf(row.getByTestId("status-today"))).toBe(sentence);
    expect(await textOf(row.getByTestId("dashboard-last-measured"))).toContain(measured);
    const tickLabels = row.locator(
      ".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value",
    );
    await expect.poll(() => tickLabels.count()).toBeGreaterThanOrEqual(2);
    const ticks = await tickLabels.allTextContents();
    for (const tick of ticks) expect(tick).toMatch(/\b[A-Z][a-z]{2} \d{4}\b/);
    expect(new Set(ticks).size).toBe(ticks.length);
    await screenshot(maria, "leader-status-today-dashboard");
    expect(await textOf(maria.locator("body"))).not.toMatch(AMBIGUOUS);
    await showView(maria, "Canvas");
  });

  it("the print view shows what each card leads to, with the rationale, and each goal's status", async () => {
    await showView(maria, "Print");
    const item = (id: string) => maria.locator(`[data-testid=print-item][data-node-id="${id}"]`);
    const coach = await textOf(item("coach").getByTestId("print-links"));
    expect(coach).toContain(`→ Daily guided reading: ${RATIONALE.coach}`);
    expect(await textOf(item("logs").getByTestId("print-links"))).toContain(
      `→ Students reading at grade level: ${RATIONALE.logging}`,
    );
    // A link without a rationale still says where it leads.
    expect(await textOf(item("cycle").getByTestId("print-link"))).toBe(
      "→ Students log their reading",
    );
    expect(await maria.getByTestId("print-link").count()).toBe(5);
    // Every goal has its status; the old measurement is read today as well.
    const status = item("grade").getByTestId("print-status");
    expect(await textOf(status)).toContain("On track");
    expect(await textOf(status)).toContain("Off track as of today");
    expect(await textOf(status)).toContain("Stale");
    expect(await textOf(item("fluent").getByTestId("print-status"))).toContain("Not measured yet");
    expect(await item("coach").getByTestId("print-status").count()).toBe(0);
    expect(await textOf(maria.getByTestId("print-view"))).not.toMatch(AMBIGUOUS);
    await mkdir(SHOTS, { recursive: true });
    await maria.screenshot({ path: `${SHOTS}/print-view-links.png` });
    await showView(maria, "Canvas");
  });

  it("an SVG export wraps a 200-character title over several lines, every word of it", async () => {
    const item = await moreItem(maria, "Export as SVG drawing");
    const [file] = await Promise.all([maria.waitForEvent("download"), item.click()]);
    const svg = (await readFile(await file.path())).toString("utf8");
    const drawn = await maria.evaluate(
      ({ source, title }) => {
        const doc = new DOMParser().parseFromString(source, "image/svg+xml");
        const group = Array.from(doc.querySelectorAll("g.card")).find(
          (g) => g.querySelector("title")?.textContent === title,
        );
        return Array.from(group?.querySelectorAll("text tspan") ?? []).map(
          (t) => t.textContent ?? "",
        );
      },
      { source: svg, title: LONG_TITLE },
    );
    expect(LONG_TITLE.length).toBeGreaterThanOrEqual(200);
    expect(drawn.length).toBeGreaterThan(4);
    expect(drawn.join(" ")).toBe(LONG_TITLE);
    expect(drawn.join(" ")).not.toContain("…");
  });

  it("filling a blank goal's SMART fields asks no 'why'; changing a value that was set does", async () => {
    await card(maria, "Fluent readers").click();
    await openTab(maria, "Details");
    const panel = maria.getByTestId("goal-panel");
    const prompt = maria.locator("[data-testid=revision-reason]");
    const letters = panel.locator("[data-testid=smart-letters] li[data-pass=true]");
    const indicator = panel.getByLabel("Indicator (what you will track)");
    await indicator.fill("students reading fluently at the end of grade 3");
    await indicator.press("Tab");
    const target = panel.getByTestId("smart-target-value");
    await target.fill("90");
    await target.press("Tab");
    await panel.getByTestId("smart-target-date").fill(addDays(today, 300));
    const baseline = panel.getByTestId("smart-baseline-value");
    await baseline.fill("60");
    await baseline.press("Tab");
    await panel.getByTestId("smart-baseline-date").fill(addDays(today, -30));
    // Every first fill has landed (all five letters pass) and nothing asked why.
    await expect.poll(() => letters.count()).toBe(5);
    expect(await prompt.count()).toBe(0);

    await target.fill("95");
    await target.press("Tab");
    await prompt.waitFor();
    expect(await textOf(prompt)).toContain("You revised this goal’s target");
  });

  it("a version's diff names the lanes, and the version opens with its links on a read-only canvas", async () => {
    await openTab(maria, "History");
    await maria.getByPlaceholder("e.g. Draft shared with staff").fill("Before the board");
    await maria.getByRole("button", { name: "Save version" }).click();
    const version = maria.locator("[data-testid=version]", { hasText: "Before the board" });
    await version.waitFor();
    expect(await textOf(version)).toMatch(/\b[A-Z][a-z]{2}\b.*\d{4}/);
    expect(await textOf(version)).not.toMatch(AMBIGUOUS);

    await openTab(maria, "Details");
    await addCard(maria, "longTerm", "Graduation rate");
    await openTab(maria, "History");
    await version.getByRole("button", { name: "What changed" }).click();
    const diff = maria.getByTestId("version-diff");
    await expect.poll(() => textOf(diff)).toContain("Graduation rate (Long-term goal)");
    expect(await textOf(diff)).not.toContain("longTerm");
    await screenshot(maria, "leader-version-diff");
    await maria.getByRole("dialog").getByRole("button", { name: "Close" }).click();

    await version.getByRole("button", { name: "Open" }).click();
    const opened = maria.getByTestId("version-view");
    const canvas = opened.getByTestId("version-canvas");
    await expect.poll(() => canvas.locator(".react-flow__edge").count()).toBe(5);
    expect(await canvas.locator(".react-flow__node").count()).toBe(6);
    await screenshot(maria, "leader-version-read-only-canvas");
    expect(await textOf(canvas)).not.toContain("Graduation rate");
    // Read-only: nothing to type into, no handle to draw a link from.
    expect(await opened.locator("textarea, input").count()).toBe(0);
    expect(await canvas.locator(".react-flow__handle.connectable").count()).toBe(0);
    await opened.getByRole("button", { name: "Close" }).click();
  });
});

describe("consensus", () => {
  const at = new Date(Date.now() - 86_400_000).toISOString();
  const author = (name: string) => ({ id: `p-${name.toLowerCase()}`, name, role: "commenter" });

  it("before anyone takes part, the summary says 'No votes yet' and names nobody as not weighed in", async () => {
    const model = await createModel(server.url, {
      format: "logic-model",
      version: 1,
      title: "Fresh plan",
      masteryGoal: "Every student attends",
      nodes: [{ id: "g", kind: "midJourney", title: "Attendance", position: { x: 1000, y: 60 } }],
      edges: [],
    });
    const lee = (await person("Lee", model.links.owner)).page;
    await person("Sam", model.links.editor);
    await openTab(lee, "Consensus");
    const rule = await textOf(lee.getByTestId("quorum-rule"));
    expect(rule).toMatch(/^No votes yet\./);
    expect(rule).not.toContain("0 people");
    const row = lee.locator("[data-testid=consensus-row]", { hasText: "Attendance" });
    expect(await textOf(row.getByTestId("consensus-state"))).toBe("No votes yet");
    // Looking on is not taking part: Lee and Sam are not listed as missing votes.
    expect(await lee.getByText("Not weighed in").count()).toBe(0);
  });

  it("wide agreement waits for a quorum: 'not enough votes yet (2 of 5)' until a third vote", async () => {
    const people = ["Ana", "Ben", "Cy", "Di", "Ed"];
    const model = await createModel(server.url, {
      format: "logic-model",
      version: 1,
      title: "Attendance plan",
      masteryGoal: "Every student attends and engages",
      nodes: [
        { id: "attend", kind: "midJourney", title: "Attendance", position: { x: 1000, y: 60 } },
      ],
      edges: [],
      review: {
        threads: [
          {
            id: "t1",
            anchor: { kind: "model" },
            type: "question",
            status: "open",
            createdAt: at,
            author: author("Ana"),
            messages: people.map((name, i) => ({
              id: `m${i}`,
              author: author(name),
              text: `${name} thinks it over`,
              createdAt: at,
            })),
          },
        ],
        votes: [
          { target: "attend", author: author("Ana"), level: 4, at },
          { target: "attend", author: author("Ben"), level: 5, at },
        ],
      },
    });
    const lee = (await person("Lee", model.links.owner)).page;
    await openTab(lee, "Consensus");
    const row = lee.locator("[data-testid=consensus-row]", { hasText: "Attendance" });
    await expect
      .poll(() => textOf(row.getByTestId("consensus-state")))
      .toBe("Not enough votes yet (2 of 5)");
    // The rule is said in words, with who counts as having taken part.
    const rule = await textOf(lee.getByTestId("quorum-rule"));
    expect(rule).toContain("at least 3 votes");
    expect(rule).toContain("50% of the 5 people who have taken part");
    expect(rule).toContain("comment, or voted");
    await screenshot(lee, "leader-consensus-quorum");

    // Lee votes: 3 votes of the 6 people who have now taken part is a quorum.
    await card(lee, "Attendance").click();
    await openTab(lee, "Details");
    await lee.getByTestId("vote-widget").getByRole("button", { name: "4", exact: true }).click();
    await openTab(lee, "Consensus");
    await expect.poll(() => textOf(row.getByTestId("consensus-state"))).toBe("Wide agreement");
    expect(await textOf(lee.getByTestId("quorum-rule"))).toContain("the 6 people");
  });
});
