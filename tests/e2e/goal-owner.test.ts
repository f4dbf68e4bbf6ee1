/**
 * A goal's owner, chosen in Chromium (issue 18): Ann, an editor, gives the mid-journey goal to
 * Bea, who has commented on it; the card carries her initials on both screens, and Bea's panel
 * tells her she will hear; Ann's off-track measurement
 * then reaches Bea's inbox by itself, and Ann's own inbox stays empty.
 */
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { card } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";

const { server, person } = chromiumSession();

const GOAL = "Grade 3 reading on level";
// The plan runs from 30 % on 1 September to 80 % on 31 October: 55 % on 1 October.
const readingPlan = {
  format: "logic-model",
  version: 1,
  title: "Reading plan",
  masteryGoal: "Every student reads fluently by grade 3",
  nodes: [
    {
      id: "g3",
      kind: "midJourney",
      title: GOAL,
      position: { x: 360, y: 120 },
      smart: {
        indicator: "Grade 3 students reading on level",
        unit: "percent",
        baseline: { value: 30, date: "2025-09-01" },
        target: { value: 80, date: "2025-10-31" },
      },
    },
  ],
  edges: [],
};

describe("a goal's owner", () => {
  it("is chosen from the goal's panel and hears in the inbox when a colleague puts it off track", async () => {
    const model = await createModel(server.url, readingPlan);
    const bea = await person("Bea", model.links.commenter);
    const ann = await person("Ann", model.links.editor);

    // Bea comments on the goal, so the model knows her by name.
    await card(bea.page, GOAL).click();
    await bea.page.getByRole("tab", { name: /^Comments/ }).click();
    await bea.page.getByRole("textbox", { name: "New comment" }).fill("I can follow this one.");
    await bea.page.getByRole("button", { name: "Comment", exact: true }).click();

    await card(ann.page, GOAL).click();
    const owner = ann.page.getByTestId("goal-owner");
    await expect
      .poll(() => owner.getByLabel("Owner").locator("option").allTextContents(), {
        timeout: 15_000,
      })
      .toContain("Bea");
    await owner.getByLabel("Owner").selectOption({ label: "Bea" });
    await expect
      .poll(() => owner.textContent())
      .toContain("Bea hears when a colleague’s change puts this goal off track.");

    // Both cards carry Bea's initials; the full name is read out.
    for (const page of [ann.page, bea.page]) {
      const mark = card(page, GOAL).getByTestId("goal-owner-mark");
      await expect.poll(() => mark.textContent(), { timeout: 15_000 }).toBe("BOwner: Bea");
      expect(await mark.getAttribute("title")).toBe("Owner: Bea");
    }

    // Bea, a commenter, reads her ownership and cannot change it.
    await bea.page.getByRole("tab", { name: "Details" }).click();
    const beaOwner = bea.page.getByTestId("goal-owner");
    await expect
      .poll(() => beaOwner.textContent(), { timeout: 15_000 })
      .toContain("You hear when a colleague’s change puts this goal off track.");
    expect(await beaOwner.getByLabel("Owner").isDisabled()).toBe(true);

    // Ann records 40 % on 1 October, against a plan of 55 %.
    const form = ann.page.getByTestId("goal-panel").getByTestId("measurement-form");
    await form.getByTestId("measurement-date").fill("2025-10-01");
    await form.getByTestId("measurement-value").fill("40");
    await form.getByTestId("measurement-save").click();

    await expect
      .poll(() => bea.page.getByTestId("inbox-badge").textContent(), { timeout: 15_000 })
      .toBe("1");
    await screenshot(ann.page, "goal-owner");
    await bea.page.getByTestId("inbox-button").click();
    const item = bea.page.getByRole("dialog", { name: "Inbox" }).getByTestId("inbox-item");
    await expect
      .poll(() => item.textContent())
      .toMatch(
        /Your goal “Grade 3 reading on level” is off track: latest 40% against a plan of 55%/,
      );
    expect(await ann.page.getByTestId("inbox-button").getAttribute("aria-label")).toBe(
      "Inbox, nothing unread",
    );
  });
});
