import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { type ModelFile, parseModelFile } from "@logic-canvas/shared";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logPageErrors, SCREENSHOT_DIR, screenshot } from "../support/browser.ts";
import { card, moreItem, waitForStatus } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel, exportModel, tokenOf } from "../support/http.ts";
import { cardBoxes, importOnHome, overlapping } from "../support/model-import.ts";
import { openTab } from "../support/side-panel.ts";

/**
 * Model files keep everything: the editor's "Model file" carries the comments and votes (the
 * same file as the API's export), a file without positions is laid out in its lanes, and a
 * broken file gets every problem listed at once, in words, on the home page.
 */

const { server, person, context } = chromiumSession();

const SHOT = `${SCREENSHOT_DIR}/import-report.png`;

/** Maria asks a question on a card, Chris replies and votes, Maria resolves it and votes. */
async function reviewTogether(maria: Page, chris: Page): Promise<void> {
  await card(maria, "Reading fluency").click();
  await openTab(maria, "Comments");
  await maria.getByRole("textbox", { name: "New comment" }).fill("How do we measure it?");
  await maria.getByRole("button", { name: "Comment", exact: true }).click();
  await openTab(chris, "Comments");
  const chrisThread = chris.locator("[data-testid=thread]").first();
  await chrisThread.locator(".thread-head").click();
  await chrisThread.getByRole("textbox", { name: "Reply" }).fill("Words per minute, monthly.");
  await chrisThread.getByRole("button", { name: "Reply", exact: true }).click();
  await card(chris, "Reading fluency").click();
  await openTab(chris, "Details");
  await chris
    .locator("[data-testid=vote-widget]")
    .getByRole("button", { name: "4", exact: true })
    .click();
  const mariaThread = maria.locator("[data-testid=thread]").first();
  await expect.poll(() => mariaThread.textContent()).toContain("1 replies");
  await mariaThread.locator(".thread-head").click();
  await mariaThread.getByRole("button", { name: "Resolve" }).click();
  await openTab(maria, "Details");
  await maria
    .locator("[data-testid=vote-widget]")
    .getByRole("button", { name: "2", exact: true })
    .click();
}

/** The imported model shows the review: the resolved thread on its card, the two votes. */
async function expectReviewShown(home: Page): Promise<void> {
  await openTab(home, "Comments");
  await home.getByRole("combobox", { name: "Status" }).selectOption("all");
  const shown = home.locator("[data-testid=thread]").first();
  await expect.poll(() => shown.textContent()).toContain("Resolved");
  expect(await shown.textContent()).toContain("Reading fluency");
  await shown.locator(".thread-head").click();
  await expect
    .poll(() => shown.locator("[data-testid=message]").allTextContents())
    .toEqual([
      expect.stringContaining("How do we measure it?"),
      expect.stringContaining("Words per minute, monthly."),
    ]);
  await card(home, "Reading fluency").click();
  await openTab(home, "Details");
  const distribution = home.locator("[data-testid=vote-distribution]").first();
  await expect
    .poll(() => distribution.locator(".level-4").first().getAttribute("data-count"))
    .toBe("1");
  expect(await distribution.locator(".level-2").first().getAttribute("data-count")).toBe("1");
}

describe("the model file", () => {
  it("carries comments and votes from the editor's export into a model imported on the home page", async () => {
    const original = await createModel(server.url, {
      format: "logic-model",
      version: 1,
      title: "Reading plan",
      masteryGoal: "Every student reads fluently by grade 3",
      nodes: [
        { id: "coaches", kind: "input", title: "Reading coaches", position: { x: 40, y: 40 } },
        { id: "routine", kind: "activity", title: "Daily reading", position: { x: 360, y: 40 } },
        { id: "fluency", kind: "smallWin", title: "Reading fluency", position: { x: 680, y: 40 } },
      ],
      edges: [{ id: "e1", source: "routine", target: "fluency" }],
    });
    const maria = await person("Maria", original.links.owner);
    const chris = await person("Chris", original.links.commenter);

    await reviewTogether(maria.page, chris.page);
    const token = tokenOf(original.links.owner);
    await expect
      .poll(async () => {
        const file = (await exportModel(server.url, original.id, token)) as unknown as ModelFile;
        return [file.review?.votes.length, file.review?.threads[0]?.status];
      })
      .toEqual([2, "resolved"]);

    // A viewer exports from the browser: the same file as the API's export.
    const vic = await person("Vic", original.links.viewer);
    const item = await moreItem(vic.page, "Download model file");
    const [download] = await Promise.all([vic.page.waitForEvent("download"), item.click()]);
    const bytes = await readFile(await download.path());
    const fromBrowser = JSON.parse(bytes.toString("utf8")) as unknown as ModelFile;
    const fromApi = (await exportModel(server.url, original.id, token)) as unknown as ModelFile;
    expect(fromBrowser).toEqual(fromApi);
    expect(fromBrowser.review?.threads).toHaveLength(1);
    expect(fromBrowser.review?.votes).toHaveLength(2);
    expect(parseModelFile(bytes.toString("utf8")).ok).toBe(true);

    // Imported on the home page: a new model with the same threads and votes.
    const ana = await context("Ana");
    const home = await ana.newPage();
    logPageErrors(home, "Ana");
    await importOnHome(home, server.url, download.suggestedFilename(), bytes);
    const copyId = new URL(home.url()).pathname.split("/").pop() ?? "";
    expect(copyId).not.toBe(original.id);
    const copy = (await exportModel(
      server.url,
      copyId,
      new URL(home.url()).hash.slice("#token=".length),
    )) as unknown as ModelFile;
    expect(copy.review).toEqual(fromApi.review);
    const [thread] = copy.review?.threads ?? [];
    expect(thread?.anchor).toEqual({ kind: "node", id: "fluency" });
    expect(thread?.status).toBe("resolved");
    expect(thread?.messages.map((m) => [m.author.name, m.author.role, m.text])).toEqual([
      ["Maria", "owner", "How do we measure it?"],
      ["Chris", "commenter", "Words per minute, monthly."],
    ]);

    await expectReviewShown(home);
  });

  it("lays out a file without positions in its lanes, no two cards overlapping", async () => {
    const titles: Record<string, string[]> = {
      input: ["Reading coaches", "Money for books", "Time in the timetable for guided reading"],
      activity: [
        "Coaches visit classrooms every week and give feedback on guided reading",
        "Book clubs",
        "Parent evenings",
        "Teachers plan together",
      ],
      smallWin: ["Reading fluency", "More books borrowed from the school library each month"],
      midJourney: ["Reading at grade level by spring"],
      longTerm: ["Every student reads fluently by grade 3", "Joy in reading"],
    };
    const nodes = Object.entries(titles).flatMap(([kind, list]) =>
      list.map((title, i) => ({ id: `${kind}-${i}`, kind, title })),
    );
    const edges = [
      ["input-0", "activity-0"],
      ["input-1", "activity-1"],
      ["input-2", "activity-3"],
      ["activity-0", "smallWin-0"],
      ["activity-1", "smallWin-1"],
      ["activity-2", "smallWin-1"],
      ["smallWin-0", "midJourney-0"],
      ["midJourney-0", "longTerm-0"],
      ["smallWin-1", "longTerm-1"],
    ].map(([source, target], i) => ({ id: `e${i}`, source, target }));
    const file = {
      format: "logic-model",
      version: 1,
      title: "Unplaced",
      masteryGoal: "",
      nodes,
      edges,
    };
    const ctx = await context("Maria");
    const page = await ctx.newPage();
    logPageErrors(page, "Maria");
    await importOnHome(page, server.url, "unplaced.json", Buffer.from(JSON.stringify(file)));
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(nodes.length);
    // The view fits the whole model, so every card is drawn and measured.
    await page.getByRole("button", { name: "Fit view", exact: true }).click();
    await page.waitForTimeout(500);
    const boxes = await cardBoxes(page);
    expect(boxes).toHaveLength(nodes.length);
    expect(overlapping(boxes)).toEqual([]);
    // Each card stays in its lane: lanes run left to right in kind order.
    const left = (kind: string) =>
      Math.max(...boxes.filter((b) => b.id?.startsWith(kind)).map((b) => b.x));
    const right = (kind: string) =>
      Math.min(...boxes.filter((b) => b.id?.startsWith(kind)).map((b) => b.x));
    expect(left("input")).toBeLessThan(right("activity"));
    expect(left("activity")).toBeLessThan(right("smallWin"));
    expect(left("smallWin")).toBeLessThan(right("midJourney"));
    expect(left("midJourney")).toBeLessThan(right("longTerm"));
    await screenshot(page, "import-laid-out");
  });

  it("lists every problem of a broken file at once, in words, with where in the file as a detail", async () => {
    const file = {
      format: "logic-model",
      version: 1,
      title: "Broken plan",
      masteryGoal: "",
      nodes: [
        { id: "I1", kind: "input", title: "Reading coaches" },
        { id: "A1", kind: "activity", title: "Book clubs" },
        { id: "A1", kind: "activity", title: "Parent evenings" },
        { id: "G1", kind: "goal", title: "Coaches visit classrooms every week" },
        { id: "S1", kind: "smallWin", title: `Reading fluency ${"and more ".repeat(70)}` },
      ],
      edges: [
        { id: "e1", source: "A1", target: "I1" },
        { id: "e2", source: "I1", target: "I1" },
      ],
    };
    const ctx = await context("Maria");
    const page = await ctx.newPage();
    logPageErrors(page, "Maria");
    await page.goto(server.url);
    await page.getByLabel("Model file to import").setInputFiles({
      name: "broken-plan.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(file, null, 2)),
    });
    const report = page.getByTestId("import-report");
    await report.waitFor();
    const lines = page.getByTestId("import-problem").locator(".import-problem-text");
    expect(await lines.allTextContents()).toEqual([
      "Card 4 “Coaches visit classrooms every…”: the kind “goal” is not one of inputs, activities, small-win goals, mid-journey goals, long-term performance goals",
      "Card 5 “Reading fluency and more and…”: the title is 646 characters long; at most 500 are allowed",
      "Card 3 “Parent evenings”: its id “A1” is already the id of card 2; each needs its own",
      "Link 1: “Book clubs” links backward to “Reading coaches”: links run left to right, so activities link to small-win goals, mid-journey goals or long-term performance goals.",
      "Link 2: “Reading coaches” cannot link to itself.",
    ]);
    expect(await report.textContent()).toContain(
      "broken-plan.json cannot be imported (5 problems)",
    );
    expect(await report.textContent()).toContain("Nothing was created.");
    // Where in the file, for whoever edits the JSON, is one click away.
    const detail = page.getByTestId("import-problem").first().locator("details");
    expect(await detail.getAttribute("open")).toBeNull();
    await detail.locator("summary").click();
    expect(await detail.textContent()).toContain("nodes[3].kind");
    expect(new URL(page.url()).pathname).toBe("/");
    await mkdir(dirname(SHOT), { recursive: true });
    await page.screenshot({ path: SHOT });
  });

  it("refuses a title over 500 characters with its length, in the editor too, never cutting it", async () => {
    const model = await createModel(server.url, {
      format: "logic-model",
      version: 1,
      title: "Short plan",
      masteryGoal: "",
      nodes: [{ id: "c1", kind: "input", title: "Reading coaches", position: { x: 40, y: 40 } }],
      edges: [],
    });
    const { page } = await person("Maria", model.links.owner);
    const long = `Coaches ${"visit classrooms ".repeat(40)}`.trim();
    await card(page, "Reading coaches").click();
    const field = page.locator("[data-testid=node-details] textarea").first();
    await field.fill(long);
    await field.press("Tab");
    const problem = page.locator("[data-testid=node-details] [role=alert]");
    await expect
      .poll(() => problem.textContent())
      .toBe(`The title is ${long.length} characters long; at most 500 are allowed.`);
    // Nothing was cut and saved: the stored title is the old one, the field still holds it all.
    expect(await field.inputValue()).toBe(long);
    await waitForStatus(page, "Saved");
    const stored = await exportModel(server.url, model.id, tokenOf(model.links.owner));
    expect(stored.nodes[0]?.title).toBe("Reading coaches");

    const title = page.getByRole("textbox", { name: "Model title" });
    await title.fill(long);
    await title.press("Enter");
    await expect
      .poll(() => page.locator(".model-title-problem").textContent())
      .toContain(`is ${long.length} characters long`);
    expect(await title.inputValue()).toBe(long);
    await screenshot(page, "title-too-long");
  });
});
