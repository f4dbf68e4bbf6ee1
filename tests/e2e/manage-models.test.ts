import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SCREENSHOT_DIR } from "../support/browser.ts";
import { cardTitles, expectTitles, waitForStatus } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel, modelInfo, tokenOf } from "../support/http.ts";

const { server, context, person } = chromiumSession();
const SHOTS = SCREENSHOT_DIR;

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
}

async function modelMenu(page: Page, item: string | RegExp): Promise<void> {
  await page.getByTestId("model-menu").click();
  await page.getByRole("menuitem", { name: item }).click();
}

/** A page in a context whose person has not named themselves yet, the model open and saved. */
async function unnamed(link: string): Promise<{ page: Page; context: BrowserContext }> {
  const created = await context("");
  const page = await created.newPage();
  await page.goto(link);
  await waitForStatus(page, "Saved");
  return { page, context: created };
}

async function recentTitles(page: Page): Promise<string[]> {
  const list = page.getByTestId("recent-models").locator(".recent-title");
  return (await list.count()) === 0 ? [] : list.allTextContents();
}

describe("rename", () => {
  it("an owner renames the model in the top bar; a second editor sees it; a commenter cannot", async () => {
    const model = await createModel(server.url, { title: "Draft" });
    const maria = await person("Maria", model.links.owner);
    const sam = await person("Sam", model.links.editor);
    const chris = await person("Chris", model.links.commenter);
    const title = maria.page.getByRole("textbox", { name: "Model title" });
    await title.fill("Reading by grade 3");
    await title.press("Enter");
    await expect
      .poll(() => sam.page.getByRole("textbox", { name: "Model title" }).inputValue())
      .toBe("Reading by grade 3");
    await expect
      .poll(() => chris.page.locator("h1.model-title").textContent())
      .toBe("Reading by grade 3");
    expect(await chris.page.getByRole("textbox", { name: "Model title" }).count()).toBe(0);
    expect((await modelInfo(server.url, model.id, model.tokens.viewer)).title).toBe(
      "Reading by grade 3",
    );
    // A commenter who forces a rename past the UI is refused by the server; the title stays.
    await chris.page.evaluate(() => {
      type Forcing = { setReadOnly(v: boolean): void; setMeta(m: { title: string }): void };
      const { binding } = (window as unknown as { logicCanvas: { binding: Forcing } }).logicCanvas;
      binding.setReadOnly(false);
      binding.setMeta({ title: "Renamed by a commenter" });
    });
    await chris.page.getByTestId("connection-problem").waitFor({ timeout: 10_000 });
    await sam.page.waitForTimeout(500);
    expect(await sam.page.getByRole("textbox", { name: "Model title" }).inputValue()).toBe(
      "Reading by grade 3",
    );
    expect((await modelInfo(server.url, model.id, model.tokens.viewer)).title).toBe(
      "Reading by grade 3",
    );
    // The list of models on Sam's home page shows the new title, not the one it opened with.
    await sam.page.goto(`${server.url}/`);
    await sam.page.getByTestId("recent-models").waitFor();
    expect(await recentTitles(sam.page)).toEqual(["Reading by grade 3"]);
  });
});

describe("duplicate", () => {
  it("an editor duplicates: the copy has the cards, no comments, and opens with the owner role", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const chris = await person("Chris", model.links.commenter);
    await openTab(chris.page, "Comments");
    await chris.page.getByRole("textbox", { name: "New comment" }).fill("Who runs the PD?");
    await chris.page.getByRole("button", { name: "Comment", exact: true }).click();
    await chris.page.getByText("Who runs the PD?").first().waitFor();

    const sam = await person("Sam", model.links.editor);
    const original = (await cardTitles(sam.page)).sort();
    expect(original.length).toBeGreaterThan(5);
    await modelMenu(sam.page, "Duplicate");
    await sam.page.waitForURL((url) => !url.pathname.includes(model.id), { timeout: 15_000 });
    await waitForStatus(sam.page, "Saved");
    expect(await sam.page.getByTestId("role").textContent()).toBe("Owner");
    await expect
      .poll(() => sam.page.getByRole("textbox", { name: "Model title" }).inputValue())
      .toBe("Coaching for self-assessment (copy)");
    await expectTitles(sam.page, original);
    await openTab(sam.page, "Comments");
    expect(await sam.page.getByText("Who runs the PD?").count()).toBe(0);
    const copyToken = tokenOf(sam.page.url());
    const copyId = new URL(sam.page.url()).pathname.split("/")[2] as string;
    expect((await modelInfo(server.url, copyId, copyToken)).role).toBe("owner");

    // A commenter is not offered Duplicate (and the server refuses it: server tests).
    await chris.page.getByTestId("model-menu").click();
    expect(await chris.page.getByRole("menuitem", { name: "Duplicate" }).count()).toBe(0);
  });
});

describe("delete", () => {
  it("the owner deletes with the title typed; a connected viewer is told and disconnected", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const title = "Coaching for self-assessment";
    const maria = await person("Maria", model.links.owner);
    const vera = await person("Vera", model.links.viewer);
    const sam = await person("Sam", model.links.editor);
    await sam.page.getByTestId("model-menu").click();
    expect(await sam.page.getByRole("menuitem", { name: /Delete/ }).count()).toBe(0);

    await maria.page.getByTestId("model-menu").click();
    // The menu takes the keyboard: its first item has the focus, arrows move down it, End goes
    // to the last item, where Delete stays (after Duplicate and Post to the gallery).
    await maria.page.keyboard.press("ArrowDown");
    expect(await maria.page.evaluate(() => document.activeElement?.textContent)).toBe("Duplicate");
    await maria.page.keyboard.press("End");
    expect(await maria.page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Delete model…",
    );
    await maria.page.screenshot({ path: `${SHOTS}/manage-model-menu-owner.png` });
    await maria.page.keyboard.press("Enter");
    const dialog = maria.page.getByRole("dialog", { name: "Delete this model?" });
    const confirm = dialog.getByRole("button", { name: "Delete model" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole("textbox").fill("Coaching");
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole("textbox").fill(title);
    await maria.page.screenshot({ path: `${SHOTS}/manage-delete-typed-confirmation.png` });
    await confirm.click();

    // The owner lands on the home page, which says so and no longer lists the model.
    await maria.page.waitForURL((url) => url.pathname === "/", { timeout: 15_000 });
    await maria.page.getByText(`“${title}” was deleted for everyone.`).waitFor();
    expect(await recentTitles(maria.page)).not.toContain(title);

    // The viewer, connected all along, is told why and is no longer in the model.
    const gone = vera.page.getByTestId("model-gone");
    await gone.waitFor({ timeout: 15_000 });
    expect(await gone.textContent()).toContain("This model was deleted by its owner.");
    expect(await vera.page.locator(".react-flow__node").count()).toBe(0);
    await vera.page.screenshot({ path: `${SHOTS}/manage-deleted-viewer.png` });
    await vera.page.goto(`${server.url}/`);
    await vera.page.getByRole("heading", { name: "Models you opened in this browser" }).waitFor();
    expect(await recentTitles(vera.page)).not.toContain(title);

    // Opening the link later says the model was deleted, not that the link is wrong.
    await vera.page.goto(model.links.viewer);
    await vera.page.getByTestId("model-gone").waitFor();
    // Nor does the browser keep a copy of it.
    await expect
      .poll(() =>
        vera.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? "")),
      )
      .not.toContainEqual(expect.stringContaining(model.id));
    expect((await fetch(`${server.url}/api/models/${model.id}`)).status).toBe(404);
  });
});

describe("home page", () => {
  it("lists the models opened here with their role and lets a person forget one, with undo", async () => {
    const first = await createModel(server.url, { title: "Attendance plan" });
    const second = await createModel(server.url, { title: "Reading plan" });
    const ana = await person("Ana", first.links.editor);
    await ana.page.goto(second.links.viewer);
    await waitForStatus(ana.page, "Saved");
    await ana.page.goto(`${server.url}/`);
    const list = ana.page.getByTestId("recent-models");
    await list.waitFor();
    expect(await recentTitles(ana.page)).toEqual(["Reading plan", "Attendance plan"]);
    expect(await list.locator("li").first().textContent()).toContain("Viewer");
    expect(await list.locator("li").nth(1).textContent()).toContain("Editor");
    expect(await list.locator("li").first().textContent()).toMatch(/Opened /);
    await ana.page.screenshot({ path: `${SHOTS}/manage-home-list.png` });

    await ana.page.getByRole("button", { name: "Forget “Reading plan” (Viewer)" }).click();
    expect(await recentTitles(ana.page)).toEqual(["Attendance plan"]);
    await ana.page.getByRole("button", { name: "Undo" }).click();
    expect(await recentTitles(ana.page)).toEqual(["Reading plan", "Attendance plan"]);
    await ana.page.getByRole("button", { name: "Forget “Reading plan” (Viewer)" }).click();
    await ana.page.reload();
    await list.waitFor();
    expect(await recentTitles(ana.page)).toEqual(["Attendance plan"]);
    // Forgetting is local: the model and its link still work.
    expect((await modelInfo(server.url, second.id, second.tokens.viewer)).title).toBe(
      "Reading plan",
    );
  });
});

describe("the display name", () => {
  it("a viewer sees the model without being asked; a commenter is asked when commenting", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const viewer = await unnamed(model.links.viewer);
    expect((await cardTitles(viewer.page)).length).toBeGreaterThan(5);
    expect(await viewer.page.getByRole("dialog").count()).toBe(0);

    const commenter = await unnamed(model.links.commenter);
    expect(await commenter.page.getByRole("dialog").count()).toBe(0);
    // Votes are signed too: in place of the vote buttons, a way to give the name first.
    await openTab(commenter.page, "Consensus");
    const vote = commenter.page.getByTestId("vote-widget").first();
    await vote.getByRole("button", { name: "Vote" }).waitFor();
    expect(await vote.getByRole("button", { name: "5" }).count()).toBe(0);
    await openTab(commenter.page, "Comments");
    await commenter.page.getByRole("button", { name: "Write a comment" }).click();
    const dialog = commenter.page.getByRole("dialog", {
      name: "What should collaborators call you?",
    });
    await dialog.waitFor();
    expect(await dialog.getAttribute("aria-modal")).toBe("true");
    const field = dialog.getByRole("textbox", { name: "Display name" });
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await commenter.page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    await commenter.page.getByRole("button", { name: "Write a comment" }).click();
    await field.fill("Ana (coach)");
    await commenter.page.screenshot({ path: `${SHOTS}/manage-name-asked-at-first-comment.png` });
    await dialog.getByRole("button", { name: "Continue" }).click();
    const box = commenter.page.getByRole("textbox", { name: "New comment" });
    await box.waitFor({ timeout: 15_000 });
    await box.fill("Can we see last year's data?");
    await commenter.page.getByRole("button", { name: "Comment", exact: true }).click();
    await commenter.page.getByText("Can we see last year's data?").first().waitFor();
    expect(await commenter.page.getByTestId("comments-panel").textContent()).toContain(
      "Ana (coach)",
    );
    // The others see the new name in presence, as grapheme initials ("AC", never "A(").
    await expect
      .poll(() => viewer.page.getByTestId("avatar").allTextContents(), { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/^AC/));
  });

  it("an editor is asked on arrival, over the model already shown", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const editor = await unnamed(model.links.editor);
    const dialog = editor.page.getByRole("dialog", { name: "What should collaborators call you?" });
    await dialog.waitFor();
    expect((await cardTitles(editor.page)).length).toBeGreaterThan(5);
    await editor.page.screenshot({ path: `${SHOTS}/manage-name-dialog-editor.png` });
    await dialog.getByRole("textbox", { name: "Display name" }).fill("👩‍🏫 Maria");
    await dialog.getByRole("button", { name: "Continue" }).click();
    await dialog.waitFor({ state: "detached" });
    const owner = await person("Owner", model.links.owner);
    await expect
      .poll(() => owner.page.getByTestId("avatar").allTextContents(), { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/^👩‍🏫/u));
  });
});
