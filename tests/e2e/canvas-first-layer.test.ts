import { canvasSnapshotPath, canvasSnapshotSchema, laneX, toModelFile } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { logPageErrors, screenshot } from "../support/browser.ts";
import { card, waitForStatus } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { api, createModel } from "../support/http.ts";

/**
 * The canvas's first layer (issue 14): a model's cards are drawn from the canvas snapshot before
 * its graph document has synced, as frames with titles that nothing can change yet; once the
 * document arrives they are the real cards, which an editor edits as usual. The sync is held
 * back here by routing the page's collaboration socket until the test lets it through.
 */
const { server, context } = chromiumSession();

function plan() {
  return toModelFile({
    title: "Reading plan",
    masteryGoal: "Every reader on grade level by June",
    nodes: [
      { id: "i1", kind: "input", title: "Coaches", position: { x: laneX("input"), y: 40 } },
      {
        id: "a1",
        kind: "activity",
        title: "Walkthroughs",
        position: { x: laneX("activity"), y: 40 },
      },
    ],
    edges: [{ id: "e1", source: "i1", target: "a1" }],
  });
}

describe("first cards before the sync", () => {
  it("draws the cards at once, read-only, and makes them editable once the model has synced", async () => {
    const model = await createModel(server.url, plan());
    const ana = await context("Ana");
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The socket stays connecting until released: the page has the snapshot, not the document.
    await ana.routeWebSocket(/\/collab$/, async (socket) => {
      await held;
      socket.connectToServer();
    });
    const page = await ana.newPage();
    logPageErrors(page, "Ana");
    await page.goto(model.links.editor);

    const coaches = card(page, "Coaches");
    await coaches.locator("[data-provisional]").waitFor();
    await card(page, "Walkthroughs").waitFor();
    expect(await page.locator(".react-flow__edge").count()).toBe(1);
    expect(await page.locator("[data-testid=status]").textContent()).not.toContain("Saved");
    // Nothing to grab or edit yet: no handle starts a link, and a double-click opens no editor.
    expect(await coaches.locator(".react-flow__handle.connectable").count()).toBe(0);
    // (The pane takes the pointer over a card React Flow may not select: nothing to hit yet.)
    const box = await coaches.boundingBox();
    if (!box) throw new Error("the card has no box");
    await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.locator(".card-title-input").count()).toBe(0);
    expect(await page.locator(".react-flow__node").count()).toBe(2);
    // The model as a whole shows from the snapshot too: its mastery goal and its counts.
    expect(await page.getByRole("region", { name: "Mastery goal" }).textContent()).toContain(
      "Every reader on grade level by June",
    );
    expect(await page.locator(".side-panel .panel-empty").textContent()).toContain(
      "2 cards, 1 link.",
    );
    await screenshot(page, "issue-14-first-layer-before-sync");

    release();
    await waitForStatus(page, "Saved");
    await coaches.locator(".react-flow__handle.connectable").first().waitFor();
    expect(await coaches.locator("[data-provisional]").count()).toBe(0);
    await coaches.locator(".card-title").dblclick();
    const field = page.locator(".card-title-input");
    await field.fill("Coaches and mentors");
    await field.press("Enter");
    await card(page, "Coaches and mentors").waitFor();
    await waitForStatus(page, "Saved");
    // The server's copy has it too: its snapshot (the next visitor's first layer) says so.
    const response = await api(server.url, canvasSnapshotPath(model.id), {
      token: model.tokens.viewer,
    });
    const snapshot = canvasSnapshotSchema.parse(await response.json());
    expect(snapshot.cards).toContainEqual([
      "i1",
      "input",
      laneX("input"),
      40,
      "Coaches and mentors",
    ]);
  });
});
