import { describe, expect, it } from "vitest";
import { card, moreItem } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";
import { GOAL, showView, titleOf } from "../support/monitoring-views.ts";
import { openTab } from "../support/side-panel.ts";

/**
 * The editor's parts that load on first use (issue 14: they are no longer in the bundle the first
 * cards wait for): each opens from its menu, button or tab as before, and what it shows is there.
 * A part whose code failed to load would leave its place empty, and the wait here would fail.
 * (Once the editor is idle it fetches them, so that editing goes on offline: offline-and-roles.)
 */
const { server, person } = chromiumSession();

describe("the editor's parts loaded on first use", () => {
  it("open from their menus, buttons and tabs", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const { page } = await person("Maria", model.links.owner);

    // The side panel's goal details (with the chart of a goal's subgroups) and its other tabs.
    await card(page, titleOf(GOAL)).click();
    await page.getByTestId("goal-panel").waitFor();
    await openTab(page, "Comments");
    await page.getByTestId("comments-panel").waitFor();
    await openTab(page, "Consensus");
    await page.getByTestId("consensus-panel").waitFor();
    await openTab(page, "History");
    await page.getByTestId("history-panel").waitFor();

    // The toolbar's dialogs and views.
    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "World Café" }).click();
    await page.getByRole("dialog", { name: "World Café" }).waitFor();
    await page.keyboard.press("Escape");
    await (await moreItem(page, "Import measurements…")).click();
    await page.getByRole("dialog", { name: "Import measurements" }).waitFor();
    await page.keyboard.press("Escape");
    await showView(page, "Print");
    await page.getByTestId("print-links").first().waitFor();
    await showView(page, "Progress");
    await page.getByTestId("dashboard").waitFor();
    await showView(page, "Canvas");

    // The Model menu's name and delete dialogs, and the inbox.
    await page.getByTestId("model-menu").getByRole("button", { name: "Model" }).click();
    await page.getByRole("menuitem", { name: /^Your name/ }).click();
    await page.getByRole("dialog", { name: "What should collaborators call you?" }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("model-menu").getByRole("button", { name: "Model" }).click();
    await page.getByRole("menuitem", { name: "Delete model…" }).click();
    await page.getByRole("dialog", { name: "Delete this model?" }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("inbox-button").click();
    await page.getByRole("dialog", { name: "Inbox" }).waitFor();

    // None of their code is in what the page loads before its first cards: they come later,
    // fetched when the page is idle or when first opened.
    const html = await (await fetch(`${server.url}/m/${model.id}`)).text();
    expect(html).toMatch(/\/assets\/main-[\w-]+\.js/);
    for (const part of ["GoalPanel", "CommentsPanel", "HistoryPanel", "CafeDialog", "GoalChart"])
      expect(html).not.toContain(`/${part}-`);
  });
});
