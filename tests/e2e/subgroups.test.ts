import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { addDays, toModelFile } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { SCREENSHOT_DIR } from "../support/browser.ts";
import { card } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";
import { GOAL, showView, template, titleOf, today } from "../support/monitoring-views.ts";

/**
 * Issue 18's subgroups in Chromium: a leader adds "English learners" to a goal in its side
 * panel, sets its baseline, records its measurements with the form's subgroup picker, and sees
 * one line per group with a legend, the subgroup's status, and its widening gap flagged; a
 * colleague sees the same. The chart's table alternative names the subgroup too.
 */

const { server, person } = chromiumSession();
const SHOTS = resolve(SCREENSHOT_DIR, "../../docs/screenshots/issue-18");
const DATES = [addDays(today, -90), addDays(today, -60), addDays(today, -30)];

/** The coaching model with the goal's SMART target and three whole-group measurements. */
function measuredFile() {
  const nodes = template.nodes.map((node) =>
    node.id === GOAL
      ? {
          ...node,
          smart: {
            indicator: "students proficient in reading",
            unit: "percent",
            baseline: { value: 48, date: addDays(today, -120) },
            target: { value: 80, date: addDays(today, 120) },
          },
          measurements: DATES.map((date, i) => ({ date, value: [50, 54, 58][i] as number })),
        }
      : node,
  );
  return toModelFile({ ...template, nodes });
}

describe("subgroups of a goal", () => {
  it("are added in the side panel, measured with the picker, and charted one line each with a legend", async () => {
    const model = await createModel(server.url, measuredFile());
    const maria = (await person("Maria", model.links.owner)).page;
    const sam = (await person("Sam", model.links.viewer)).page;

    await card(maria, titleOf(GOAL)).click();
    const panel = maria.getByTestId("goal-panel");
    const subgroups = panel.getByTestId("subgroups");
    // Add with a typo, then rename: the measurements follow the subgroup, not its name.
    await subgroups.getByTestId("subgroup-name").fill("English learner");
    await subgroups.getByTestId("subgroup-add").click();
    await subgroups.getByTestId("subgroup").waitFor();
    // A second subgroup of the same name is refused in words before anything is written.
    await subgroups.getByTestId("subgroup-name").fill("english learner ");
    await subgroups.getByTestId("subgroup-add").click();
    expect(await subgroups.getByRole("alert").textContent()).toBe(
      "This goal already tracks “english learner”.",
    );
    await subgroups.getByTestId("subgroup-name").fill("");
    expect(await subgroups.getByRole("alert").count()).toBe(0);
    const name = subgroups.getByTestId("subgroup").getByLabel("Name");
    await name.fill("English learners");
    await name.press("Tab");
    await expect
      .poll(() => subgroups.locator("legend").first().textContent())
      .toBe("English learners");
    await subgroups.getByTestId("subgroup-baseline-value").fill("44");
    await subgroups.getByTestId("subgroup-baseline-value").press("Enter");
    await subgroups.getByTestId("subgroup-baseline-date").fill(addDays(today, -120));

    // Three measurements for the subgroup, through the form's picker (default: whole group).
    const form = panel.getByTestId("measurement-form");
    expect(await form.getByTestId("measurement-subgroup").inputValue()).toBe("");
    for (const [i, date] of DATES.entries()) {
      await form.getByTestId("measurement-subgroup").selectOption({ label: "English learners" });
      await form.getByTestId("measurement-date").fill(date);
      await form.getByTestId("measurement-value").fill(String([46, 47, 49][i]));
      await form.getByTestId("measurement-save").click();
      await expect.poll(() => panel.getByTestId("measurement-group").count()).toBe(i + 1);
    }
    // The whole group's status is its own: the card still judges 58 against its line.
    expect(await panel.getByTestId("measurement-row").count()).toBe(6);

    const gap = subgroups.getByTestId("subgroup-gap");
    await expect
      .poll(() => gap.textContent())
      .toBe(
        "⚠ English learners’ gap to the whole group widened from 4 to 9 points over the last three measurements.",
      );
    const chart = subgroups.getByTestId("goal-chart");
    expect(await chart.getAttribute("data-lines")).toBe("2");
    expect(await chart.locator(".recharts-legend-item-text").allTextContents()).toEqual([
      "Baseline → target",
      "Whole group",
      "English learners",
    ]);
    // Two measured lines drawn, each through three dots.
    expect(await chart.locator(".recharts-line-curve").count()).toBe(3);
    expect(await chart.locator(".recharts-line-dots").count()).toBe(2);
    const table = chart.getByTestId("goal-chart-table");
    expect(await table.locator("thead th").allTextContents()).toEqual([
      "Date",
      "Whole group",
      "English learners",
    ]);
    expect(await table.locator("tbody tr").count()).toBe(3);
    expect(await table.locator("tbody tr").last().locator("td").allTextContents()).toEqual([
      "58%",
      "49%",
    ]);

    // The viewer's progress table: the subgroup's status, its gap, and the same two lines.
    await showView(sam, "Progress");
    const row = sam.locator(`[data-testid=dashboard-goal][data-node-id="${GOAL}"]`);
    await expect.poll(() => row.getByTestId("subgroup-status").count()).toBe(1);
    expect(await row.getByTestId("subgroup-status").textContent()).toMatch(/English learners: /);
    // Its line runs 44 → 80 (the whole group's target): 57.5 thirty days ago, so 49 is at risk.
    expect(await row.getByTestId("subgroup-status").getAttribute("data-status")).toBe("at-risk");
    expect(await row.getByRole("note").textContent()).toContain("widened from 4 to 9 points");
    const rowChart = row.getByTestId("goal-chart");
    expect(await rowChart.getAttribute("data-lines")).toBe("2");
    expect(await rowChart.locator(".recharts-legend-item-text").allTextContents()).toContain(
      "English learners",
    );
    await mkdir(SHOTS, { recursive: true });
    await row.screenshot({ path: resolve(SHOTS, "subgroup-chart.png") });
    await subgroups.screenshot({ path: resolve(SHOTS, "subgroup-panel.png") });
    await chart.scrollIntoViewIfNeeded();
    await chart.screenshot({ path: resolve(SHOTS, "subgroup-panel-chart.png") });

    // Removing the subgroup removes its measurements with it, on every screen.
    await subgroups
      .getByRole("button", { name: "Remove the subgroup English learners and its measurements" })
      .click();
    await expect.poll(() => rowChart.getAttribute("data-lines")).toBe("1");
    expect(await panel.getByTestId("measurement-row").count()).toBe(3);
    expect(await row.getByTestId("subgroup-status").count()).toBe(0);
  });
});
