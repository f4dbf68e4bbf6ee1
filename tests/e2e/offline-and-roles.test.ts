import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logPageErrors, screenshot } from "../support/browser.ts";
import {
  addCard,
  card,
  dragBy,
  expectTitles,
  openEditor,
  waitForStatus,
} from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel, exportModel, modelInfo, tokenOf } from "../support/http.ts";

const { server, context, person } = chromiumSession();

describe("offline editing", () => {
  it("edits made offline are kept, then merge with a collaborator's on reconnect", async () => {
    const model = await createModel(server.url, { title: "Offline" });
    const maria = await person("Maria", model.links.owner);
    const sam = await person("Sam", model.links.editor);
    await addCard(maria.page, "input", "Shared input");
    await expectTitles(sam.page, ["Shared input"]);

    await sam.context.setOffline(true);
    await waitForStatus(sam.page, "Offline — changes kept on this device");
    await addCard(sam.page, "activity", "Drafted on the train");
    await addCard(maria.page, "smallWin", "Added while Sam was away");
    await sam.page.waitForTimeout(500);
    await screenshot(sam.page, "offline-editing");
    await expectTitles(maria.page, ["Added while Sam was away", "Shared input"]);

    await sam.context.setOffline(false);
    await waitForStatus(sam.page, "Saved", 30_000);
    const all = ["Added while Sam was away", "Drafted on the train", "Shared input"];
    await expectTitles(maria.page, all);
    await expectTitles(sam.page, all);
    await screenshot(maria.page, "offline-converged");
  });

  it("closing the page while offline loses nothing", async () => {
    const model = await createModel(server.url, { title: "Offline reload" });
    const maria = await person("Maria", model.links.owner);
    const sam = await person("Sam", model.links.editor);

    await sam.context.setOffline(true);
    await waitForStatus(sam.page, "Offline — changes kept on this device");
    await addCard(sam.page, "midJourney", "Kept in this browser");
    // y-indexeddb writes asynchronously; give it a moment before the tab goes away.
    await sam.page.waitForTimeout(500);
    await sam.page.close();
    await expectTitles(maria.page, []);

    await sam.context.setOffline(false);
    const again = await sam.context.newPage();
    await openEditor(again, model.links.editor);
    await expectTitles(again, ["Kept in this browser"]);
    await expectTitles(maria.page, ["Kept in this browser"]);
    const stored = await exportModel(server.url, model.id, tokenOf(model.links.owner));
    expect(stored.nodes.map((n) => n.title)).toEqual(["Kept in this browser"]);
  });
});

describe("opening a model with no network", () => {
  it("reopens from this device, and what is done there syncs when the network is back", async () => {
    const model = await createModel(server.url, { title: "Reopened offline" });
    const maria = await person("Maria", model.links.owner);
    const sam = await person("Sam", model.links.editor);
    await addCard(sam.page, "activity", "Made online");
    await expectTitles(maria.page, ["Made online"]);
    await offlineCopyReady(sam.page);

    await sam.context.setOffline(true);
    const reloaded = await sam.page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await waitForStatus(sam.page, "Offline — changes kept on this device");
    await expectTitles(sam.page, ["Made online"]);
    await addCard(sam.page, "midJourney", "Made after reopening offline");
    await screenshot(sam.page, "reopened-offline");

    await sam.context.setOffline(false);
    await waitForStatus(sam.page, "Saved");
    await expectTitles(maria.page, ["Made online", "Made after reopening offline"]);
    const stored = await exportModel(server.url, model.id, tokenOf(model.links.owner));
    expect(stored.nodes.map((n) => n.title).sort()).toEqual([
      "Made after reopening offline",
      "Made online",
    ]);
  });
});

/** The service worker controls the page and keeps the page and its entry script. */
async function offlineCopyReady(page: Page): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const ready = await page.evaluate(async () => {
      if (!navigator.serviceWorker.controller) return false;
      const names = await caches.keys();
      const kept = (await Promise.all(names.map(async (n) => (await caches.open(n)).keys())))
        .flat()
        .map((request) => new URL(request.url).pathname);
      return kept.includes("/index.html") && kept.some((p) => /^\/assets\/main-.*\.js$/.test(p));
    });
    if (ready) return;
    await page.waitForTimeout(100);
  }
  throw new Error("the offline copy of the app was not installed");
}

describe("roles", () => {
  it("a viewer sees the model and presence but cannot change it, in the UI or by force", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const owner = await person("Maria", model.links.owner);
    const viewer = await person("Vic Viewer", model.links.viewer);
    const before = await modelInfo(server.url, model.id, tokenOf(model.links.owner));

    expect(await viewer.page.locator("[data-testid=role]").textContent()).toBe("Viewer");
    await viewer.page.locator("[data-testid=read-only-banner]").waitFor();
    // No editing affordances at all.
    expect(await viewer.page.getByRole("button", { name: "+ input", exact: true }).count()).toBe(0);
    expect(await viewer.page.locator(".lane-add").count()).toBe(0);
    expect(await viewer.page.getByRole("button", { name: "Undo" }).count()).toBe(0);
    expect(await viewer.page.locator(".react-flow__handle.connectable").count()).toBe(0);
    expect(
      await viewer.page.getByLabel("Mastery goal", { exact: true }).evaluate((el) => el.tagName),
    ).not.toBe("TEXTAREA");

    // Selecting shows details read-only; Delete and dragging change nothing.
    const first = viewer.page.locator(".react-flow__node").first();
    const firstTitle = (await first.locator(".card-title").textContent()) ?? "";
    await first.click();
    const titleField = viewer.page.locator("[data-testid=node-details] textarea").first();
    expect(await titleField.getAttribute("readonly")).not.toBeNull();
    await viewer.page.keyboard.press("Delete");
    // Dragging a card a viewer cannot move pans the canvas instead: the card's flow position stays.
    const transform = () => first.evaluate((el) => (el as HTMLElement).style.transform);
    const before2 = await transform();
    await dragBy(viewer.page, first, 0, 200);
    expect(await transform()).toBe(before2);
    expect(await card(viewer.page, firstTitle).count()).toBe(1);
    // The owner sees the viewer among the people here, with their role.
    await owner.page.getByRole("button", { name: "Follow Vic Viewer, Viewer" }).waitFor();

    // A write forced past the UI is refused by the server and explained.
    await viewer.page.evaluate(() => {
      type Forcing = {
        setReadOnly(readOnly: boolean): void;
        createNode(kind: string, at: undefined, title: string): void;
      };
      const { binding } = (window as unknown as { logicCanvas: { binding: Forcing } }).logicCanvas;
      binding.setReadOnly(false);
      binding.createNode("input", undefined, "Forced by a viewer");
    });
    const problem = viewer.page.locator("[data-testid=connection-problem]");
    await problem.waitFor({ timeout: 10_000 });
    expect(await problem.textContent()).toContain("not change it");
    await screenshot(viewer.page, "viewer-forced-write-refused");
    await owner.page.waitForTimeout(500);
    expect(await card(owner.page, "Forced by a viewer").count()).toBe(0);
    const after = await modelInfo(server.url, model.id, tokenOf(model.links.owner));
    expect(after.nodeCount).toBe(before.nodeCount);
    expect(after.edgeCount).toBe(before.edgeCount);
    await screenshot(owner.page, "viewer-seen-by-owner");
  });

  it("a commenter cannot change the graph", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const commenter = await person("Cora", model.links.commenter);
    expect(await commenter.page.locator("[data-testid=role]").textContent()).toBe("Commenter");
    expect(
      await commenter.page.getByRole("button", { name: "+ activity", exact: true }).count(),
    ).toBe(0);
    expect(await commenter.page.locator(".react-flow__handle.connectable").count()).toBe(0);
    // The validation panel's items select and show the card concerned.
    await commenter.page.getByRole("tab", { name: /Checks/ }).click();
    const issue = commenter.page
      .locator("[data-testid=validation] .issue button:not([disabled])")
      .first();
    await issue.click();
    await commenter.page.waitForFunction(
      () => document.querySelectorAll(".react-flow__node.selected").length > 0,
    );
    await screenshot(commenter.page, "commenter-read-only");
  });
});

describe("import", () => {
  it("an invalid model file lists every problem and creates nothing", async () => {
    const ctx = await context("Maria");
    const page = await ctx.newPage();
    logPageErrors(page, "home");
    await page.goto(server.url);
    const bad = {
      format: "logic-model",
      version: 1,
      title: "",
      masteryGoal: "x",
      nodes: [
        { id: "a", kind: "resource", title: "Coaches" },
        { id: "b", kind: "activity", title: "" },
      ],
      edges: [{ id: "e", source: "b", target: "a" }],
    };
    await page.locator('input[type="file"]').setInputFiles({
      name: "broken-model.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const errors = page.getByTestId("import-problem");
    await errors.first().waitFor();
    const texts = await errors.allTextContents();
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(texts.join("\n")).toContain("nodes[0].kind");
    expect(texts.join("\n")).toContain("nodes[1].title");
    expect(texts.join("\n")).toContain("title");
    expect(await page.getByTestId("import-report").textContent()).toContain("Nothing was created");
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await page.locator(".recent-list li").count()).toBe(0);
    await screenshot(page, "import-invalid-file");
  });

  it("a valid file opens as a new model from the home page", async () => {
    const ctx = await context("Maria");
    const page = await ctx.newPage();
    await page.goto(server.url);
    const good = {
      format: "logic-model",
      version: 1,
      title: "Imported plan",
      masteryGoal: "Students read with joy",
      nodes: [{ id: "a", kind: "input", title: "Library time" }],
      edges: [],
    };
    await page.locator('input[type="file"]').setInputFiles({
      name: "plan.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(good)),
    });
    await page.waitForURL(/\/m\/[A-Za-z0-9_-]+#token=/);
    await waitForStatus(page, "Saved");
    await expectTitles(page, ["Library time"]);
    await page.goto(server.url);
    expect(await page.locator(".recent-list li").first().textContent()).toContain("Imported plan");
    await screenshot(page, "home-with-recent");
  });
});
