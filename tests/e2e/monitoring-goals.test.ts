import { addDays } from "@logic-canvas/shared";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { dayAsShown, screenshot } from "../support/browser.ts";
import { card, moreItem, waitForStatus } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { type CreatedModel, createModel } from "../support/http.ts";
import {
  expectSparkline,
  GOAL,
  showView,
  sparklinePoints,
  template,
  titleOf,
  today,
} from "../support/monitoring-views.ts";

/**
 * Monitoring a goal together: SMART target and measurements from the side panel and from the
 * dashboard, check-ins, fixing a wrong measurement, and what viewers may do. The exports of such a
 * model are in monitoring-exports.test.ts, importing a file in monitoring-import.test.ts.
 */

const { server, person } = chromiumSession();

describe("monitoring a model's goals", () => {
  let model: CreatedModel;
  let maria: Page;
  let sam: Page;

  it("a SMART goal and a measurement from the side panel show on the card, the dashboard and a collaborator's screen", async () => {
    model = await createModel(server.url, { template: "coaching" });
    maria = (await person("Maria", model.links.owner)).page;
    sam = (await person("Sam", model.links.editor)).page;

    await card(maria, titleOf(GOAL)).click();
    const panel = maria.getByTestId("goal-panel");
    await panel
      .getByLabel("Indicator (what you will track)")
      .fill("lessons with a shared intention");
    await panel.getByLabel("Indicator (what you will track)").press("Tab");
    await panel.getByTestId("smart-baseline-value").fill("20");
    await panel.getByTestId("smart-baseline-value").press("Enter");
    await panel.getByTestId("smart-baseline-date").fill(addDays(today, -100));
    await panel.getByTestId("smart-target-value").fill("80");
    await panel.getByTestId("smart-target-value").press("Enter");
    await panel.getByTestId("smart-target-date").fill(addDays(today, 100));
    await panel.getByTestId("smart-cohort").fill("150");
    await panel.getByTestId("smart-cohort").press("Enter");
    await expect
      .poll(() => panel.getByTestId("students-sentence").textContent())
      .toContain("30 → 120, 90 more students");
    const letters = panel.locator("[data-testid=smart-letters] li[data-pass=true]");
    expect(await letters.count()).toBe(5);
    // Clearing the target's date alone keeps its value; the goal is no longer time-bound.
    await panel.getByTestId("smart-target-date").fill("");
    await expect.poll(() => letters.count()).toBe(4);
    expect(await panel.getByTestId("smart-target-value").inputValue()).toBe("80");
    await panel.getByTestId("smart-target-date").fill(addDays(today, 100));
    await expect.poll(() => letters.count()).toBe(5);

    // Before any measurement: not measured, on the card and in the dashboard.
    const goalCard = maria.locator(`.react-flow__node[data-id="${GOAL}"]`);
    expect(await goalCard.getByTestId("goal-status").getAttribute("data-status")).toBe(
      "not-measured",
    );
    expect(await goalCard.getByTestId("sparkline").count()).toBe(0);
    // Its baseline is 100 days old with nothing measured since: a stale mid-journey goal.
    expect(await goalCard.getByTestId("stale-flag").count()).toBe(1);
    await showView(maria, "Progress");
    const staleRow = maria.locator(`[data-testid=dashboard-goal][data-node-id="${GOAL}"]`);
    await staleRow.waitFor();
    expect(await staleRow.getByTestId("stale-flag").count()).toBe(1);
    expect(await maria.getByTestId("stale-count").textContent()).toContain("1");
    await showView(maria, "Canvas");
    await card(maria, titleOf(GOAL)).click();

    const form = panel.getByTestId("measurement-form");
    await form.getByTestId("measurement-date").fill(addDays(today, -5));
    await form.getByTestId("measurement-value").fill("55");
    await form.getByTestId("measurement-note").fill("Walkthroughs, grade 3");
    await form.getByTestId("measurement-save").click();

    await expectSparkline(maria, GOAL, 1);
    expect(await goalCard.getByTestId("goal-status").getAttribute("data-status")).toBe("on-track");
    expect(await goalCard.getByTestId("stale-flag").count()).toBe(0);
    // The collaborator sees the measurement on the same card.
    await expectSparkline(sam, GOAL, 1);

    await showView(maria, "Progress");
    const row = maria.locator(`[data-testid=dashboard-goal][data-node-id="${GOAL}"]`);
    await expect.poll(() => row.getAttribute("data-status")).toBe("on-track");
    expect(await row.getByTestId("dashboard-latest").textContent()).toBe("55%");
    expect(await row.locator("[data-testid=goal-chart] svg").count()).toBe(1);
    expect(await row.getByTestId("goal-chart").getAttribute("data-points")).toBe("1");
    expect(await maria.getByTestId("dashboard-goal").count()).toBe(
      template.nodes.filter((n) => ["smallWin", "midJourney", "longTerm"].includes(n.kind)).length,
    );
  });

  it("a measurement recorded from the other person's dashboard reaches the first one's card and dashboard", async () => {
    await showView(sam, "Progress");
    const samRow = sam.locator(`[data-testid=dashboard-goal][data-node-id="${GOAL}"]`);
    await samRow.getByTestId("dashboard-record").click();
    await samRow.getByTestId("measurement-date").fill(addDays(today, -1));
    await samRow.getByTestId("measurement-value").fill("30");
    await samRow.getByTestId("measurement-save").click();

    const mariaRow = maria.locator(`[data-testid=dashboard-goal][data-node-id="${GOAL}"]`);
    await expect.poll(() => mariaRow.getByTestId("dashboard-latest").textContent()).toBe("30%");
    expect(await mariaRow.getAttribute("data-status")).toBe("off-track");
    expect(await mariaRow.getByTestId("goal-chart").getAttribute("data-points")).toBe("2");
    expect(await mariaRow.getByTestId("dashboard-last-measured").textContent()).toContain(
      await dayAsShown(maria, addDays(today, -1)),
    );

    // Check-ins: set by one person, seen by the other, with the goals not measured since.
    await maria.getByTestId("check-in-date").fill(addDays(today, -3));
    await maria.getByTestId("check-ins").getByRole("button", { name: "Add" }).click();
    await maria.getByTestId("check-in-date").fill(addDays(today, 30));
    await maria.getByTestId("check-ins").getByRole("button", { name: "Add" }).click();
    await expect
      .poll(() => sam.getByTestId("next-check-in").textContent())
      .toContain(await dayAsShown(sam, addDays(today, 30)));
    const unmeasured = await sam.getByTestId("not-measured-since").textContent();
    expect(unmeasured).toContain(titleOf("L1"));
    expect(unmeasured).not.toContain(titleOf(GOAL));
    await mariaRow.scrollIntoViewIfNeeded();
    await screenshot(maria, "monitoring-dashboard");

    await showView(sam, "Canvas");
    await expectSparkline(sam, GOAL, 2);
    await showView(maria, "Canvas");
    await expectSparkline(maria, GOAL, 2);
    expect(await sparklinePoints(maria, GOAL)).toBe("2");
  });

  it("fixing and deleting a wrong measurement is seen by both", async () => {
    await card(sam, titleOf(GOAL)).click();
    const panel = sam.getByTestId("goal-panel");
    const wrong = panel.getByTestId("measurement-row").filter({ hasText: "30%" });
    await wrong.getByRole("button", { name: "Fix" }).click();
    const fix = panel.locator(".measurement-list [data-testid=measurement-form]");
    await fix.getByTestId("measurement-value").fill("62");
    await fix.getByTestId("measurement-save").click();
    await card(maria, titleOf(GOAL)).click();
    const mariaPanel = maria.getByTestId("goal-panel");
    await expect
      .poll(() => mariaPanel.getByTestId("measurement-row").allTextContents())
      .toEqual([expect.stringContaining("62%"), expect.stringContaining("55%")]);
    await mariaPanel
      .getByTestId("measurement-row")
      .filter({ hasText: "62%" })
      .getByRole("button", { name: /Delete/ })
      .click();
    await expectSparkline(sam, GOAL, 1);
    await waitForStatus(maria, "Saved");
  });

  it("viewers see progress but cannot record, fix or import", async () => {
    const { page: viewer } = await person("Vera", model.links.viewer);
    await card(viewer, titleOf(GOAL)).click();
    const panel = viewer.getByTestId("goal-panel");
    await panel.getByTestId("measurements").waitFor();
    expect(await panel.getByTestId("measurement-form").count()).toBe(0);
    expect(await panel.getByRole("button", { name: "Fix" }).count()).toBe(0);
    await moreItem(viewer, "Download model file");
    expect(await viewer.getByRole("menuitem", { name: /^Import/ }).count()).toBe(0);
    await viewer.keyboard.press("Escape");
    await showView(viewer, "Progress");
    await viewer.getByTestId("dashboard-goal").first().waitFor();
    expect(await viewer.getByTestId("dashboard-record").count()).toBe(0);
  });
});
