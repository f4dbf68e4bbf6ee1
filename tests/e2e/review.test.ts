import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { addCard, card, expectTitles, waitForStatus } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";

const { server, person } = chromiumSession();

function modelFile(title: string, nodes: { id: string; kind: string; title: string }[]) {
  return {
    format: "logic-model",
    version: 1,
    title,
    masteryGoal: "Every student reads fluently by grade 3",
    nodes: nodes.map((n, i) => ({ ...n, position: { x: 40 + i * 320, y: 120 } })),
    edges: [],
  };
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
}

/** The comment badge of a card as { open, unread }, or null when the card shows none. */
async function badge(page: Page, title: string): Promise<{ open: number; unread: number } | null> {
  const found = card(page, title).locator("[data-testid=comment-badge]");
  if ((await found.count()) === 0) return null;
  return {
    open: Number(await found.getAttribute("data-open")),
    unread: Number(await found.getAttribute("data-unread")),
  };
}

async function expectBadge(page: Page, title: string, wanted: { open: number; unread: number }) {
  await expect.poll(() => badge(page, title), { timeout: 15_000 }).toEqual(wanted);
}

describe("comments", () => {
  it("a comment left while the editor is offline shows as unread when they come back", async () => {
    const model = await createModel(
      server.url,
      modelFile("Reading plan", [
        { id: "routine", kind: "activity", title: "Daily reading routine" },
        { id: "fluency", kind: "smallWin", title: "Reading fluency" },
      ]),
    );
    const maria = await person("Maria", model.links.editor);
    const chris = await person("Chris", model.links.commenter);

    await card(chris.page, "Reading fluency").click();
    await openTab(chris.page, "Comments");
    await chris.page.getByRole("button", { name: "Concern", exact: true }).click();
    const box = chris.page.getByRole("textbox", { name: "New comment" });
    await box.pressSequentially("How will we measure this, @Ma");
    // Maria takes part (she is here), so her name is offered.
    await chris.page.getByRole("button", { name: "@Maria" }).click();
    await expect.poll(() => box.inputValue()).toBe("How will we measure this, @Maria ");

    await maria.context.setOffline(true);
    await waitForStatus(maria.page, "Offline");
    await chris.page.getByRole("button", { name: "Comment", exact: true }).click();
    await expectBadge(chris.page, "Reading fluency", { open: 1, unread: 0 });

    await maria.context.setOffline(false);
    await waitForStatus(maria.page, "Saved", 30_000);
    await expectBadge(maria.page, "Reading fluency", { open: 1, unread: 1 });

    // The badge opens the comments sidebar on that card.
    await card(maria.page, "Reading fluency").locator("[data-testid=comment-badge]").click();
    await expect
      .poll(() => maria.page.getByRole("combobox", { name: "Card" }).inputValue())
      .toBe("fluency");
    const thread = maria.page.locator("[data-testid=thread]").first();
    await expect.poll(() => thread.textContent()).toContain("mentions you");
    await expect.poll(() => thread.textContent()).toContain("Reading fluency");
    await screenshot(maria.page, "review-comments-sidebar");

    // Opening the thread reads it and centres its card.
    await thread.locator(".thread-head").click();
    await expectBadge(maria.page, "Reading fluency", { open: 1, unread: 0 });
    await expect
      .poll(() => card(maria.page, "Reading fluency").getAttribute("class"))
      .toContain("selected");
    // Read markers are remembered by this browser.
    await maria.page.reload();
    await waitForStatus(maria.page, "Saved");
    await expectBadge(maria.page, "Reading fluency", { open: 1, unread: 0 });
  });

  it("a commenter cannot change another person's message, in the UI or by force", async () => {
    const model = await createModel(
      server.url,
      modelFile("Comment rights", [{ id: "goal1", kind: "midJourney", title: "Attendance" }]),
    );
    const chris = await person("Chris", model.links.commenter);
    await card(chris.page, "Attendance").click();
    await openTab(chris.page, "Comments");
    await chris.page.getByRole("textbox", { name: "New comment" }).fill("Is 95% realistic?");
    await chris.page.getByRole("button", { name: "Comment", exact: true }).click();
    await expectBadge(chris.page, "Attendance", { open: 1, unread: 0 });

    const dana = await person("Dana", model.links.commenter);
    await openTab(dana.page, "Comments");
    const thread = dana.page.locator("[data-testid=thread]").first();
    await thread.locator(".thread-head").click();
    const chrisMessage = thread.locator("[data-testid=message]").first();
    await expect.poll(() => chrisMessage.textContent()).toContain("Is 95% realistic?");
    expect(await chrisMessage.getByRole("button", { name: "Edit" }).count()).toBe(0);
    expect(await chrisMessage.getByRole("button", { name: "Delete" }).count()).toBe(0);
    // Her own reply does get the controls: the difference is authorship, not the role.
    await thread.getByRole("textbox", { name: "Reply" }).fill("It was 93% last year.");
    await thread.getByRole("button", { name: "Reply", exact: true }).click();
    const own = thread.locator("[data-testid=message][data-own=true]");
    await own.getByRole("button", { name: "Edit" }).waitFor();

    // Forced past the UI: the server refuses it and explains.
    await dana.page.evaluate(() => {
      const review = (window as unknown as { logicCanvasReview: { doc: YDocLike } })
        .logicCanvasReview;
      const [thread] = [...review.doc.getMap("threads").values()];
      if (!thread) throw new Error("no thread in the review document");
      const messages = [...(thread.get("messages") as YMapLike).values()] as YMapLike[];
      const theirs = messages.find((m) => m.get("text") === "Is 95% realistic?");
      if (!theirs) throw new Error("Chris's message is missing");
      theirs.set("text", "Forged by Dana");
    });
    await dana.page.locator("[data-testid=comments-problem]").waitFor({ timeout: 15_000 });
    expect(await dana.page.locator("[data-testid=comments-problem]").textContent()).toContain(
      "refused",
    );
    // Everyone else, and a fresh visit, still read Chris's words.
    const fresh = await person("Erin", model.links.viewer);
    await openTab(fresh.page, "Comments");
    const seen = fresh.page.locator("[data-testid=thread]").first();
    await seen.locator(".thread-head").click();
    await expect.poll(() => seen.textContent()).toContain("Is 95% realistic?");
    expect(await seen.textContent()).not.toContain("Forged");
    expect(await chris.page.locator("[data-testid=comments-panel]").textContent()).not.toContain(
      "Forged",
    );
    // Commenters vote too: Chris gives the goal a 4, everyone sees the distribution.
    await openTab(chris.page, "Details");
    const vote = chris.page.locator("[data-testid=vote-widget]");
    await vote.getByRole("button", { name: "4", exact: true }).click();
    await expect
      .poll(() =>
        fresh.page
          .locator("[data-testid=vote-distribution] .level-4")
          .first()
          .getAttribute("data-count")
          .catch(() => null),
      )
      .toBe("1");
    await openTab(fresh.page, "Consensus");
    const row = fresh.page.locator("[data-testid=consensus-row]", { hasText: "Attendance" });
    // One vote of the two people who have taken part (Chris and Dana) is no quorum yet.
    await expect.poll(() => row.textContent()).toContain("Not enough votes yet (1 of 2)");
    expect(await row.textContent()).toContain("Not weighed in: Dana");
    // A viewer reads, with no way to write.
    expect(await fresh.page.locator("[data-testid=vote-widget] .fist-to-five").count()).toBe(0);
    await openTab(fresh.page, "Comments");
    expect(await fresh.page.getByRole("textbox", { name: "New comment" }).count()).toBe(0);
    await fresh.page.locator("[data-testid=thread] .thread-head").first().click();
    expect(await fresh.page.getByRole("button", { name: "Reply", exact: true }).count()).toBe(0);
  });
});

describe("versions", () => {
  it("an editor restores a version while another is connected; both end on it", async () => {
    const model = await createModel(
      server.url,
      modelFile("Versions", [
        { id: "orig", kind: "input", title: "Original input" },
        { id: "goal", kind: "midJourney", title: "Attendance" },
      ]),
    );
    const maria = await person("Maria", model.links.owner);
    const sam = await person("Sam", model.links.editor);

    await openTab(sam.page, "History");
    await openTab(maria.page, "History");
    await maria.page
      .getByPlaceholder("e.g. Draft shared with staff")
      .fill("Draft shared with staff");
    await maria.page.getByRole("button", { name: "Save version" }).click();
    const version = maria.page.locator("[data-testid=version]", {
      hasText: "Draft shared with staff",
    });
    await version.waitFor();
    expect(await version.textContent()).toContain("Maria");
    // Sam's open History panel lists it without a refresh.
    await sam.page
      .locator("[data-testid=version]", { hasText: "Draft shared with staff" })
      .waitFor({ timeout: 5_000 });
    await openTab(sam.page, "Details");

    await addCard(sam.page, "activity", "Tutoring sessions");
    await card(maria.page, "Attendance").click();
    await openTab(maria.page, "Details");
    const title = maria.page.locator("[data-testid=node-details] textarea").first();
    await title.fill("Attendance rate");
    await title.press("Tab");
    await expectTitles(maria.page, ["Attendance rate", "Original input", "Tutoring sessions"]);
    await expectTitles(sam.page, ["Attendance rate", "Original input", "Tutoring sessions"]);

    // The card's own history names who changed what.
    await maria.page.locator(".node-history-section summary").click();
    const history = maria.page.locator("[data-testid=node-history]");
    await expect.poll(() => history.textContent(), { timeout: 10_000 }).toContain("Maria");
    expect(await history.textContent()).toContain("changed title");
    await openTab(maria.page, "History");

    await version.getByRole("button", { name: "What changed" }).click();
    const diff = maria.page.locator("[data-testid=version-diff]");
    await diff.waitFor();
    await expect.poll(() => diff.textContent()).toContain("Cards added (1)");
    expect(await diff.textContent()).toContain("Tutoring sessions");
    expect(await diff.textContent()).toContain("title: Attendance → Attendance rate");
    await screenshot(maria.page, "review-version-diff");
    await maria.page.getByRole("dialog").getByRole("button", { name: "Close" }).click();

    // A version opens read-only, as it was.
    await version.getByRole("button", { name: "Open" }).click();
    const opened = maria.page.locator("[data-testid=version-view]");
    await expect.poll(() => opened.textContent()).toContain("Original input");
    expect(await opened.textContent()).toContain("Attendance");
    expect(await opened.textContent()).not.toContain("Tutoring sessions");
    expect(await opened.locator("textarea, input").count()).toBe(0);
    await opened.getByRole("button", { name: "Close" }).click();

    await version.getByRole("button", { name: "Restore" }).click();
    await maria.page.getByRole("button", { name: "Yes, restore" }).click();
    await expectTitles(maria.page, ["Attendance", "Original input"]);
    await expectTitles(sam.page, ["Attendance", "Original input"]);

    // Nobody's session was reset: Sam keeps editing, Maria sees it.
    await waitForStatus(sam.page, "Saved");
    await addCard(sam.page, "input", "After the restore");
    await expectTitles(maria.page, ["After the restore", "Attendance", "Original input"]);
    // The restore can be undone: the state before it was saved as a version, listed at once.
    await maria.page
      .locator("[data-testid=version]", { hasText: "Before restoring" })
      .first()
      .waitFor();
  });
});

describe("revision log", () => {
  it("an editor says why a goal's target was revised; the card's history keeps it", async () => {
    const model = await createModel(
      server.url,
      modelFile("Revisions", [{ id: "goal", kind: "midJourney", title: "Attendance" }]),
    );
    const maria = await person("Maria", model.links.owner);
    await card(maria.page, "Attendance").click();
    const target = maria.page.locator("[data-testid=smart-target-value]");
    // The first target is a fill, not a revision: only the change to 95 asks why.
    await target.fill("90");
    await target.press("Tab");
    await target.fill("95");
    await target.press("Tab");
    const prompt = maria.page.locator("[data-testid=revision-reason]");
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain("target");
    await prompt.getByRole("textbox").fill("The board asked for a stretch goal");
    await prompt.getByRole("button", { name: "Save reason" }).click();
    await maria.page.getByText("Reason saved with the revision.").waitFor();

    await maria.page.locator(".node-history-section summary").click();
    const history = maria.page.locator("[data-testid=node-history]");
    await expect
      .poll(() => history.textContent())
      .toContain("Why: The board asked for a stretch goal");
    expect(await history.textContent()).toContain("changed target");
  });
});

interface YMapLike {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  values(): IterableIterator<unknown>;
}
interface YDocLike {
  getMap(name: string): { values(): IterableIterator<YMapLike> };
}
