/**
 * The inbox in Chromium (issue 18): Ann mentions Bea in a comment; Bea's header badge and inbox
 * show it live, without a reload; Bea marks it read.
 */
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { card } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";

const { server, person } = chromiumSession();

const readingPlan = {
  format: "logic-model",
  version: 1,
  title: "Reading plan",
  masteryGoal: "Every student reads fluently by grade 3",
  nodes: [
    {
      id: "routine",
      kind: "activity",
      title: "Daily reading routine",
      position: { x: 40, y: 120 },
    },
    { id: "fluency", kind: "smallWin", title: "Reading fluency", position: { x: 360, y: 120 } },
  ],
  edges: [],
};

describe("inbox", () => {
  it("a mention reaches the person's badge and inbox live, and they mark it read", async () => {
    const model = await createModel(server.url, readingPlan);
    const bea = await person("Bea", model.links.commenter);
    const ann = await person("Ann", model.links.commenter);
    const inboxButton = bea.page.getByTestId("inbox-button");
    await expect.poll(() => inboxButton.getAttribute("aria-label")).toBe("Inbox, nothing unread");
    // A mark on the page: a reload would lose it.
    await bea.page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });

    await card(ann.page, "Reading fluency").click();
    await ann.page.getByRole("tab", { name: /^Comments/ }).click();
    await ann.page.getByRole("button", { name: "Question", exact: true }).click();
    const box = ann.page.getByRole("textbox", { name: "New comment" });
    await box.pressSequentially("Could you check the fluency target, @Be");
    await ann.page.getByRole("button", { name: "@Bea" }).click();
    await box.pressSequentially("before Friday?");
    await ann.page.getByRole("button", { name: "Comment", exact: true }).click();

    // Bea's badge turns to 1 by itself.
    await expect
      .poll(() => bea.page.getByTestId("inbox-badge").textContent(), { timeout: 15_000 })
      .toBe("1");
    expect(await inboxButton.getAttribute("aria-label")).toBe("Inbox, 1 unread");
    expect(await bea.page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );

    await inboxButton.click();
    const dialog = bea.page.getByRole("dialog", { name: "Inbox" });
    const item = dialog.getByTestId("inbox-item");
    await expect.poll(() => item.count()).toBe(1);
    await expect
      .poll(() => item.textContent())
      .toContain(
        "Ann mentioned you in “Reading plan”: Could you check the fluency target, @Bea before Friday?",
      );
    expect(await item.getAttribute("class")).toContain("unread");
    const open = dialog.getByRole("link", { name: "Open “Reading plan”" });
    expect(await open.getAttribute("href")).toMatch(
      new RegExp(`^/m/${model.id}\\?card=fluency&thread=\\w+#token=`),
    );
    await screenshot(bea.page, "inbox");

    await dialog.getByRole("button", { name: "Mark read" }).click();
    await expect.poll(() => dialog.getByText("Nothing unread.").count()).toBe(1);
    expect(await item.getAttribute("class")).not.toContain("unread");
    expect(await dialog.getByRole("button", { name: "Mark all read" }).isDisabled()).toBe(true);
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => bea.page.getByTestId("inbox-badge").count()).toBe(0);
    expect(await inboxButton.getAttribute("aria-label")).toBe("Inbox, nothing unread");

    // The item leads to the card it is about.
    await inboxButton.click();
    await dialog.getByRole("link", { name: "Open “Reading plan”" }).click();
    await bea.page.waitForURL(/\?card=fluency/);
    await expect
      .poll(() => card(bea.page, "Reading fluency").getAttribute("class"), { timeout: 15_000 })
      .toMatch(/selected/);

    // The home page's header has the same inbox.
    await bea.page.goto(`${server.url}/`);
    await expect
      .poll(() => bea.page.getByTestId("inbox-button").getAttribute("aria-label"))
      .toBe("Inbox, nothing unread");
  });
});
