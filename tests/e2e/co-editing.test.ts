import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import {
  addCard,
  card,
  dragBy,
  expectTitles,
  link,
  waitForEdges,
  waitForStatus,
} from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel, exportModel, tokenOf } from "../support/http.ts";

const { server, person } = chromiumSession();

describe("two people co-editing one model", () => {
  it("one creates a card and a link, the other sees them", async () => {
    const model = await createModel(server.url, { title: "Reading plan" });
    const { page: maria } = await person("Maria", model.links.owner);
    const { page: sam } = await person("Sam", model.links.editor);

    await addCard(maria, "input", "Reading coach");
    await addCard(maria, "activity", "Coach models read-alouds");
    await link(maria, "Reading coach", "Coach models read-alouds");
    await waitForEdges(maria, 1);

    await expectTitles(sam, ["Coach models read-alouds", "Reading coach"]);
    await waitForEdges(sam, 1);
    await waitForStatus(maria, "Saved");
    const stored = await exportModel(server.url, model.id, tokenOf(model.links.owner));
    expect(stored.nodes.map((n) => n.title).sort()).toEqual([
      "Coach models read-alouds",
      "Reading coach",
    ]);
    expect(stored.edges).toHaveLength(1);
    await screenshot(sam, "co-edit-create-and-link");
  });

  it("keyboard: N then a lane number creates a card; Delete removes it with its links", async () => {
    const model = await createModel(server.url, { title: "Keys" });
    const { page: maria } = await person("Maria", model.links.owner);
    const { page: sam } = await person("Sam", model.links.editor);
    await addCard(maria, "input", "Time for coaching");
    await maria.locator(".react-flow__pane").click({ position: { x: 700, y: 600 } });
    await maria.keyboard.press("n");
    await maria.keyboard.press("2");
    const title = maria.locator("[data-testid=node-details] textarea").first();
    expect(await title.inputValue()).toBe("New activity");
    // The new card opened with its title ready for typing; Escape keeps "New activity".
    await maria.keyboard.press("Escape");
    await link(maria, "Time for coaching", "New activity");
    await waitForEdges(sam, 1);
    await card(maria, "New activity").click();
    await maria.keyboard.press("Delete");
    // Its link goes with it, so Delete asks first.
    await maria.getByTestId("delete-confirm").getByRole("button", { name: "Delete" }).click();
    await expectTitles(sam, ["Time for coaching"]);
    await waitForEdges(sam, 0);
    await maria.keyboard.press("?");
    await maria.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await screenshot(maria, "keyboard-shortcuts");
  });

  it("shows collaborators' cursors, selections and lets one follow another's view", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const { page: maria } = await person("Maria", model.links.owner);
    const { page: sam } = await person("Sam", model.links.editor);
    await sam.mouse.move(500, 500);
    await sam.mouse.move(520, 540, { steps: 4 });
    const cursor = maria.locator("[data-testid=peer-cursor]", { hasText: "Sam" });
    await cursor.waitFor();
    await sam.locator(".react-flow__node").first().click();
    await maria.locator("[data-testid=peer-selection]", { hasText: "Sam" }).waitFor();

    await maria.getByRole("button", { name: /^Follow Sam, Editor/ }).click();
    await maria.getByText("Following Sam’s view").waitFor();
    const viewport = (page: Page) =>
      page.locator(".react-flow__viewport").evaluate((el) => (el as HTMLElement).style.transform);
    const before = await viewport(maria);
    const pane = await sam.locator(".react-flow__pane").boundingBox();
    if (!pane) throw new Error("no pane");
    await sam.mouse.move(pane.x + 500, pane.y + 600);
    await sam.mouse.down();
    await sam.mouse.move(pane.x + 350, pane.y + 300, { steps: 10 });
    await sam.mouse.up();
    await maria.waitForFunction(
      (t) => (document.querySelector(".react-flow__viewport") as HTMLElement).style.transform !== t,
      before,
    );
    await maria.waitForTimeout(400);
    expect(await viewport(maria)).toBe(await viewport(sam));
    await screenshot(maria, "presence-follow");
  });

  it("copy and paste cards with their link, then tidy the lanes without overlaps", async () => {
    const model = await createModel(server.url, { title: "Tidy" });
    const { page: maria } = await person("Maria", model.links.owner);
    await addCard(maria, "input", "Coach time");
    await addCard(maria, "activity", "Model lessons");
    await link(maria, "Coach time", "Model lessons");
    await maria.locator(".react-flow__pane").click({ position: { x: 700, y: 600 } });
    await maria.keyboard.press("Control+a");
    await maria.keyboard.press("Control+c");
    await maria.keyboard.press("Control+v");
    await expectTitles(maria, ["Coach time", "Coach time", "Model lessons", "Model lessons"]);
    await waitForEdges(maria, 2);

    await maria.getByRole("button", { name: "Tidy lanes" }).click();
    await waitForStatus(maria, "Saved");
    await maria.waitForTimeout(500);
    const stored = await exportModel(server.url, model.id, tokenOf(model.links.owner));
    expect(stored.nodes.map((n) => n.kind).sort()).toEqual([
      "activity",
      "activity",
      "input",
      "input",
    ]);
    expect(stored.edges).toHaveLength(2);
    const boxes = await maria
      .locator(".react-flow__node")
      .evaluateAll((els) =>
        els
          .map((el) => el.getBoundingClientRect())
          .map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })),
      );
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap).toBe(false);
      }
    await screenshot(maria, "copy-paste-tidy");
  });

  it("a forbidden link cannot be drawn and the reason is shown while dragging", async () => {
    const model = await createModel(server.url, { title: "Backward" });
    const { page: maria } = await person("Maria", model.links.owner);
    await addCard(maria, "input", "Budget");
    await addCard(maria, "activity", "Workshops");
    const from = await card(maria, "Workshops").locator(".react-flow__handle.source").boundingBox();
    const to = await card(maria, "Budget").locator(".react-flow__handle.target").boundingBox();
    if (!from || !to) throw new Error("handles not visible");
    await maria.mouse.move(from.x + 5, from.y + 5);
    await maria.mouse.down();
    await maria.mouse.move(to.x + 5, to.y + 5, { steps: 12 });
    const hint = maria.locator(".connection-hint.is-bad");
    await hint.waitFor();
    expect(await hint.textContent()).toContain("links run left to right");
    await screenshot(maria, "co-edit-forbidden-link");
    await maria.mouse.up();
    await maria.waitForTimeout(300);
    expect(await maria.locator(".react-flow__edge").count()).toBe(0);
  });

  it("one moves a card, the other sees it moved", async () => {
    const model = await createModel(server.url, { title: "Moves" });
    const { page: maria } = await person("Maria", model.links.owner);
    await addCard(maria, "smallWin", "Teachers share intentions");
    const { page: sam } = await person("Sam", model.links.editor);
    const before = await card(sam, "Teachers share intentions").boundingBox();

    await dragBy(maria, card(maria, "Teachers share intentions"), 0, 220);

    await sam.waitForFunction(
      (y0) => {
        const el = Array.from(document.querySelectorAll(".react-flow__node")).find((n) =>
          n.textContent?.includes("Teachers share intentions"),
        );
        return el && el.getBoundingClientRect().y > y0 + 100;
      },
      before?.y ?? 0,
      { timeout: 10_000 },
    );
    await waitForStatus(maria, "Saved");
    const stored = await exportModel(server.url, model.id, tokenOf(model.links.owner));
    const moved = stored.nodes.find((n) => n.title === "Teachers share intentions");
    expect(moved?.kind).toBe("smallWin");
    expect(moved?.position?.y).toBeGreaterThan(200);
    await screenshot(sam, "co-edit-moved");
  });

  it("dropping a card into a lane its links forbid sends it back with the reason", async () => {
    const model = await createModel(server.url, { title: "Lanes" });
    const { page: maria } = await person("Maria", model.links.owner);
    await addCard(maria, "input", "Coaches");
    await addCard(maria, "activity", "Hire coaches");
    await link(maria, "Coaches", "Hire coaches");
    await waitForEdges(maria, 1);
    const laneWidth = await maria.evaluate(() => {
      const [first, second] = Array.from(document.querySelectorAll(".lane-header"));
      return (second?.getBoundingClientRect().x ?? 0) - (first?.getBoundingClientRect().x ?? 0);
    });
    // Activities → inputs would make the link run within one lane.
    await dragBy(maria, card(maria, "Hire coaches"), -laneWidth, 0);
    const toast = maria.locator(".toast-error");
    await toast.waitFor();
    expect(await toast.textContent()).toMatch(/"Hire coaches" cannot become one of the inputs/);
    await screenshot(maria, "co-edit-lane-refused");
    await waitForStatus(maria, "Saved");
    const stored = await exportModel(server.url, model.id, tokenOf(model.links.owner));
    expect(stored.nodes.find((n) => n.title === "Hire coaches")?.kind).toBe("activity");
  });

  it("undo in one browser leaves the other person's edit in place", async () => {
    const model = await createModel(server.url, { title: "Undo" });
    const { page: maria } = await person("Maria", model.links.owner);
    const { page: sam } = await person("Sam", model.links.editor);
    await addCard(maria, "input", "Maria's input");
    await addCard(sam, "activity", "Sam's activity");
    await expectTitles(maria, ["Maria's input", "Sam's activity"]);

    // Maria's two steps (create, rename) are undone; Sam's card stays everywhere.
    await maria.locator(".react-flow__pane").click({ position: { x: 600, y: 600 } });
    await maria.keyboard.press("Control+z");
    await maria.keyboard.press("Control+z");
    await expectTitles(maria, ["Sam's activity"]);
    await expectTitles(sam, ["Sam's activity"]);
    await maria.keyboard.press("Control+Shift+z");
    await maria.keyboard.press("Control+Shift+z");
    await expectTitles(sam, ["Maria's input", "Sam's activity"]);
    await screenshot(sam, "co-edit-undo");
  });
});
