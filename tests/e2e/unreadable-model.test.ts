import { toModelFile } from "@logic-canvas/shared";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, logPageErrors, personContext, screenshot } from "../support/browser.ts";
import { expectTitles, waitForStatus } from "../support/canvas.ts";
import {
  type CreatedModel,
  createModel,
  startTestServer,
  type TestServer,
  WITH_BUILT_CLIENT,
} from "../support/index.ts";
import { graphDocName } from "../support/server-internals.ts";
import { storeCorruptUpdate, storeLayoutVersion } from "../support/unreadable-store.ts";

/**
 * A model whose stored data the server refuses to open (a layout version of -2^60, a stored
 * change that cannot be read): the page shows why instead of a blank canvas, an owner or editor
 * brings it back from a saved version or a model file with the keyboard, and viewers are told
 * whom to ask.
 */

let running: TestServer;
let browser: Browser;

beforeAll(async () => {
  running = await startTestServer(WITH_BUILT_CLIENT);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const CARDS = ["Instructional coaches", "Coaching cycles", "Coaches in classrooms"];

function fileOf(titles: string[]) {
  const kinds = ["input", "activity", "smallWin"] as const;
  return toModelFile({
    title: "Coaching plan",
    masteryGoal: "Students assess their own work",
    nodes: titles.map((title, i) => ({
      id: `N${i}`,
      kind: kinds[i % 3] as (typeof kinds)[number],
      title,
      position: { x: 40 + 300 * (i % 3), y: 60 },
    })),
    edges: [],
  });
}

/** A model with a saved version, then its stored graph broken by `corrupt`. */
async function brokenModel(
  corrupt: (name: string) => Promise<void>,
): Promise<{ model: CreatedModel; token: (role: keyof CreatedModel["links"]) => string }> {
  const model = await createModel(running.url, fileOf(CARDS));
  const token = (role: keyof CreatedModel["links"]) => model.links[role].split("#token=")[1] ?? "";
  const saved = await fetch(`${running.url}/api/models/${model.id}/versions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token("owner")}`, "content-type": "application/json" },
    body: JSON.stringify({ label: "Agreed in September" }),
  });
  expect(saved.status).toBe(201);
  await corrupt(graphDocName(model.id));
  return { model, token };
}

async function openPage(name: string, link: string): Promise<Page> {
  const context = await personContext(browser, name);
  const page = await context.newPage();
  logPageErrors(page, name);
  await page.goto(link);
  return page;
}

describe("a model whose saved data cannot be opened", () => {
  it("shows the owner why, and a restored version opens with its cards", async () => {
    const { model } = await brokenModel((name) => storeLayoutVersion(running.store, name));
    const page = await openPage("Maria", model.links.owner);
    const reason = page.getByTestId("refused-reason");
    await reason.waitFor({ timeout: 15_000 });
    expect(await reason.textContent()).toMatch(
      /^This model's saved data can't be opened: its layout version is -\d+, not a whole number from 0 to \d+\.$/,
    );
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "This model can't be opened",
    );
    const restore = page.getByRole("button", { name: "Restore “Agreed in September”" });
    await restore.waitFor();
    await screenshot(page, "unreadable-model-owner");

    // By keyboard: the confirmation takes the focus, Enter restores.
    await restore.focus();
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("button", { name: "Yes, restore" });
    await confirm.waitFor();
    expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, "unreadable-model-confirm");
    await page.keyboard.press("Enter");

    await page.locator("[data-testid=status]").waitFor({ timeout: 20_000 });
    await waitForStatus(page, "Saved");
    await expectTitles(page, CARDS);
    await screenshot(page, "unreadable-model-restored");
  });

  it("tells a viewer whom to ask and offers them no action", async () => {
    const { model } = await brokenModel((name) => storeLayoutVersion(running.store, name));
    const page = await openPage("Viewer Val", model.links.viewer);
    await page.getByTestId("refused-ask").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("refused-ask").textContent()).toMatch(
      /Ask its owner or an editor/,
    );
    expect(await page.getByRole("button", { name: /Restore/ }).count()).toBe(0);
    expect(await page.getByLabel("Model file", { exact: true }).count()).toBe(0);
    await screenshot(page, "unreadable-model-viewer");
  });

  it("lets an editor import a model file over a stored log that cannot be read", async () => {
    const { model } = await brokenModel((name) => storeCorruptUpdate(running.store, name));
    const page = await openPage("Sam", model.links.editor);
    await page.getByTestId("refused-reason").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("refused-reason").textContent()).toMatch(
      /a change stored with it cannot be read/,
    );
    // A broken file gets the import report every import path shows: each problem, in words.
    const broken = fileOf(["Reading coaches", "Book study"]) as unknown as {
      nodes: Record<string, unknown>[];
      edges: Record<string, unknown>[];
    };
    (broken.nodes[0] as Record<string, unknown>).kind = "goal";
    broken.edges.push({ id: "back", source: "N1", target: "N1" });
    await page.getByLabel("Model file", { exact: true }).setInputFiles({
      name: "broken.logic-model.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await page.getByRole("button", { name: "Import this file" }).click();
    const problems = page.getByTestId("import-problem");
    await expect.poll(() => problems.count()).toBe(2);
    expect(await problems.allTextContents()).toEqual([
      expect.stringContaining("Card 1 “Reading coaches”: the kind “goal” is not one of inputs"),
      expect.stringContaining("Link 1: “Book study” cannot link to itself"),
    ]);
    const imported = ["Reading coaches", "Book study"];
    await page.getByLabel("Model file", { exact: true }).setInputFiles({
      name: "coaching.logic-model.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(fileOf(imported))),
    });
    await screenshot(page, "unreadable-model-import");
    await page.getByRole("button", { name: "Import this file" }).click();
    await page.locator("[data-testid=status]").waitFor({ timeout: 20_000 });
    await waitForStatus(page, "Saved");
    await expectTitles(page, imported);
    await screenshot(page, "unreadable-model-imported");
  });
});
