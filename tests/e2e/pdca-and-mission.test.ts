import { addDays, type ModelFile } from "@logic-canvas/shared";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { formatViolations, runAxe, severe } from "../support/axe.ts";
import { dayAsShown, screenshot } from "../support/browser.ts";
import { card } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { type CreatedModel, createModel } from "../support/http.ts";
import {
  download,
  GOAL,
  measuredGoalFile,
  showView,
  titleOf,
  today,
} from "../support/monitoring-views.ts";

/**
 * Issue 17 in Chromium: a goal runs a PDCA cycle from its side panel (the phase shows on the
 * card and on a viewer's screen), the Progress view flags a cycle whose Check date passed without
 * a decision, deciding “adapt” starts the next cycle from the same plan; the school's mission,
 * vision and values are set in the banner and show for a viewer, in the print view and the SVG.
 */

const { server, person } = chromiumSession();
const SMALL_WIN = "S1";

/** The measured coaching model, with a small win whose cycle's Check (a check-in) has passed. */
function modelWithOverdueCycle(): ModelFile {
  const file = measuredGoalFile();
  const checkIn = file.checkIns?.[0] as string; // three days ago
  const nodes = file.nodes.map((node) =>
    node.id === SMALL_WIN
      ? {
          ...node,
          measurements: [{ date: addDays(today, -20), value: 40 }],
          cycles: [
            {
              id: "cycle-1",
              plan: {
                what: "Coaches co-plan one lesson a week",
                until: addDays(today, -10),
                started: addDays(today, -60),
              },
              do: { activities: ["A2"] },
              check: { date: checkIn },
            },
          ],
        }
      : node,
  );
  return { ...file, nodes };
}

let model: CreatedModel;
let maria: Page;
let sam: Page;

beforeAll(async () => {
  model = await createModel(server.url, modelWithOverdueCycle());
  maria = (await person("Maria", model.links.owner)).page;
  sam = (await person("Sam", model.links.viewer)).page;
});

const badge = (page: Page, id: string) =>
  page.locator(`.react-flow__node[data-id="${id}"] [data-testid=cycle-badge]`);

describe("PDCA cycles on goals", () => {
  it("starts a cycle from the keyboard, fills Plan, Do and Check, and shows the phase on the card", async () => {
    expect(await badge(maria, GOAL).count()).toBe(0);
    await card(maria, titleOf(GOAL)).click();
    const panel = maria.getByTestId("cycle-panel");
    const start = panel.getByTestId("start-cycle");
    await start.focus();
    await start.press("Enter");
    await expect.poll(() => badge(maria, GOAL).textContent()).toBe("PDCA 1 · Plan");

    await panel.getByLabel("What we will try").fill("Learning intentions on the board, read aloud");
    await panel.getByLabel("Until").fill(addDays(today, 21));
    await panel.getByRole("button", { name: "Save the plan" }).click();
    await expect.poll(() => badge(maria, GOAL).textContent()).toBe("PDCA 1 · Do");

    await panel.getByRole("checkbox", { name: titleOf("A2") }).check();
    await panel.getByRole("button", { name: "Save the activities" }).click();
    // The Check date: the next check-in after the plan's end is suggested; none is, so pick one.
    const checkDate = panel.getByLabel("Check date (a check-in)");
    await checkDate.selectOption(addDays(today, 30));
    await panel.getByRole("button", { name: "Save the check" }).click();
    // Deciding before the Check is refused in words, and the button stays off.
    await panel.getByLabel("Why").fill("Too early to tell");
    const decide = panel.getByRole("button", { name: "Record the decision" });
    expect(await decide.isDisabled()).toBe(true);
    expect(await panel.textContent()).toContain("The Check comes first");

    await expect.poll(() => badge(sam, GOAL).textContent()).toBe("PDCA 1 · Do");
    const live = await maria.evaluate(() => {
      const w = window as unknown as {
        logicCanvas: { binding: { getSnapshot(): { model: { nodes: unknown[] } } } };
      };
      return w.logicCanvas.binding.getSnapshot().model.nodes;
    });
    const goal = (live as { id: string; cycles?: unknown[] }[]).find((n) => n.id === GOAL);
    expect(goal?.cycles?.[0]).toMatchObject({
      plan: { what: "Learning intentions on the board, read aloud", until: addDays(today, 21) },
      do: { activities: ["A2"] },
      check: { date: addDays(today, 30) },
    });
    await panel.getByTestId("current-cycle").scrollIntoViewIfNeeded();
    await screenshot(maria, "issue-17-cycle-side-panel");
  });

  it("the Progress view lists goals by phase and flags the Check passed without a decision", async () => {
    expect(await badge(maria, SMALL_WIN).textContent()).toBe("PDCA 1 · Check overdue");
    await showView(maria, "Progress");
    const list = maria.getByTestId("cycle-progress");
    await list.waitFor();
    expect(await list.getByTestId("cycle-overdue-count").textContent()).toBe(
      "1 cycle's Check date passed without a decision",
    );
    const overdueRow = list.locator("tr[data-overdue=true]");
    expect(await overdueRow.getAttribute("data-phase")).toBe("check");
    expect(await overdueRow.textContent()).toContain(titleOf(SMALL_WIN));
    expect(await overdueRow.textContent()).toContain(await dayAsShown(maria, addDays(today, -3)));
    const doRow = list.locator("tr[data-phase=do]");
    expect(await doRow.textContent()).toContain(titleOf(GOAL));
    const violations = severe(await runAxe(maria));
    expect(violations, formatViolations(violations)).toEqual([]);
    await screenshot(maria, "issue-17-progress-overdue-check");
  });

  it("deciding “adapt” closes the cycle and the next one starts from its plan", async () => {
    await showView(maria, "Canvas");
    await card(maria, titleOf(SMALL_WIN)).click();
    const panel = maria.getByTestId("cycle-panel");
    expect(await panel.getByTestId("cycle-overdue").textContent()).toContain(
      "Check date passed without a decision",
    );
    // The cycle's measurements: only those dated within it.
    expect(await panel.getByTestId("cycle-measurements").textContent()).toContain("40");
    expect(await panel.getByTestId("start-cycle").isDisabled()).toBe(true);
    await panel.getByLabel("Adapt", { exact: true }).check();
    await panel.getByLabel("Why").fill("Teachers asked for two shorter sessions instead of one");
    await panel.getByRole("button", { name: "Record the decision" }).click();
    await expect.poll(() => badge(maria, SMALL_WIN).textContent()).toBe("PDCA 1 · Adapt");
    await panel.getByTestId("start-cycle").click();
    await expect.poll(() => badge(maria, SMALL_WIN).textContent()).toBe("PDCA 2 · Plan");
    expect(await panel.getByLabel("What we will try").inputValue()).toBe(
      "Coaches co-plan one lesson a week",
    );
    expect(await panel.getByRole("checkbox", { name: titleOf("A2") }).isChecked()).toBe(true);
    expect(await panel.textContent()).toContain("Teachers asked for two shorter sessions");
    await panel.scrollIntoViewIfNeeded();
    await screenshot(maria, "issue-17-card-phases");
  });
});

describe("mission, vision and values", () => {
  it("an owner sets them in the banner; a viewer sees them, and so do the print view and SVG", async () => {
    expect(await sam.getByTestId("purpose").count()).toBe(0);
    await maria
      .getByRole("button", { name: "Add the school's mission, vision and values" })
      .click();
    const dialog = maria.getByTestId("purpose-dialog");
    await dialog
      .getByLabel("Mission", { exact: true })
      .fill("We grow readers who think for themselves.");
    await dialog
      .getByLabel("Vision", { exact: true })
      .fill("Every student leaves us a confident self-assessor.");
    await dialog.getByLabel(/^Values, one per line/).fill("Curiosity\n\nCare\n High expectations ");
    await dialog.getByRole("button", { name: "Save" }).click();
    const banner = maria.getByTestId("purpose");
    await expect.poll(() => banner.textContent()).toContain("We grow readers");
    expect(await banner.getByRole("listitem").allTextContents()).toEqual([
      "Curiosity",
      "Care",
      "High expectations",
    ]);
    await expect
      .poll(() => sam.getByTestId("purpose").textContent())
      .toContain("confident self-assessor");
    expect(await sam.getByRole("button", { name: /mission, vision and values/ }).count()).toBe(0);
    await screenshot(maria, "issue-17-banner-mission");

    // Too many values are refused in words before anything is sent.
    await maria.getByRole("button", { name: "Edit mission, vision and values" }).click();
    await dialog
      .getByLabel(/^Values, one per line/)
      .fill(Array.from({ length: 13 }, (_, i) => `Value ${i}`).join("\n"));
    expect(await dialog.getByRole("alert").textContent()).toContain("at most 12 values");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await showView(maria, "Print");
    const print = maria.getByTestId("print-purpose");
    expect(await print.textContent()).toContain("MissionWe grow readers who think for themselves.");
    expect(await print.textContent()).toContain("ValuesCuriosity · Care · High expectations");
    expect(
      await maria.locator(`[data-node-id="${SMALL_WIN}"] [data-testid=print-cycle]`).textContent(),
    ).toContain("PDCA 2 · Plan");
    await screenshot(maria, "issue-17-print-view");
    await showView(maria, "Canvas");
    const svg = (await download(maria, "Export as SVG drawing")).bytes.toString("utf8");
    expect(svg).toContain("Mission: We grow readers who think for themselves.");
    expect(svg).toContain("Values: Curiosity · Care · High expectations");
  });
});
