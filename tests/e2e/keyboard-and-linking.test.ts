import { mkdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { SCREENSHOT_DIR, screenshot } from "../support/browser.ts";
import {
  addCard,
  card,
  cardBoxesInFlow,
  cardTitles,
  dragToBody,
  focusedLabel,
  modelFileOf,
  outsideOf,
  tallModelFile,
  viewport,
  waitForEdges,
  waitForStatus,
} from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel, exportModel, tokenOf } from "../support/http.ts";

/**
 * Creating and linking cards by mouse and by keyboard alone: a new card takes the typed title
 * (and no shortcut fires meanwhile), a link dropped on a card's body connects, the whole
 * create-link-edit-delete path works without a mouse, and Fit view frames every card of a large
 * model, mounted or not.
 */

const { server, person } = chromiumSession();
const SHOTS = SCREENSHOT_DIR;

describe("creating and linking cards, by mouse and keyboard", () => {
  it("typing a title after “+ input” goes into the card: no other card, no shortcut", async () => {
    const model = await createModel(server.url, { title: "Typing" });
    const { page } = await person("Maria", model.links.owner);
    const before = await viewport(page);

    await page.getByRole("button", { name: "+ input", exact: true }).click();
    // n then 1/3 would make cards, f fit the view, t tidy, l start a link, ? open the help.
    const typed = "Plan n1 and n3 visits, fit time, tidy lanes, link? yes";
    await page.keyboard.type(typed);
    await page.keyboard.press("Enter");

    await card(page, typed).waitFor();
    expect(await cardTitles(page)).toEqual([typed]);
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(await viewport(page)).toEqual(before);
    await waitForStatus(page, "Saved");
    const stored = await exportModel(server.url, model.id, tokenOf(model.links.owner));
    expect(stored.nodes.map((n) => n.title)).toEqual([typed]);
  });

  it("N then 3, a lane’s +, and a double-click each open the new card’s title for typing", async () => {
    const model = await createModel(server.url, { title: "New cards" });
    const { page } = await person("Maria", model.links.owner);
    const editing = page.locator(".react-flow__node .card-title-input");

    await page.locator(".react-flow__pane").click({ position: { x: 700, y: 600 } });
    await page.keyboard.press("n");
    await page.keyboard.press("3");
    await editing.waitFor();
    expect(await editing.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await editing.evaluate((el) => el.closest(".card")?.className)).toContain(
      "kind-smallWin",
    );
    await screenshot(page, "new-card-title-edit");
    await page.keyboard.type("Teachers share goals");
    await page.keyboard.press("Enter");
    await card(page, "Teachers share goals").waitFor();

    await page.getByRole("button", { name: "Add to Long-term performance goals" }).click();
    await editing.waitFor();
    await page.keyboard.type("Students own their learning");
    await page.keyboard.press("Enter");
    await card(page, "Students own their learning").waitFor();

    const pane = await page.locator(".react-flow__pane").boundingBox();
    if (!pane) throw new Error("no pane");
    await page.mouse.dblclick(pane.x + 120, pane.y + 500);
    await editing.waitFor();
    await page.keyboard.type("Coaching hours");
    await page.keyboard.press("Enter");
    await card(page, "Coaching hours").waitFor();
    expect(await cardTitles(page)).toEqual([
      "Coaching hours",
      "Students own their learning",
      "Teachers share goals",
    ]);
  });

  it("a link dropped anywhere on a card’s body connects; a forbidden drop says why", async () => {
    const model = await createModel(server.url, { title: "Drops" });
    const { page } = await person("Maria", model.links.owner);
    await addCard(page, "input", "Budget");
    await addCard(page, "activity", "Workshops");

    await dragToBody(page, "Budget", "Workshops", "Release to link these cards.");
    await waitForEdges(page, 1);
    await page
      .getByTestId("canvas-announcement")
      .filter({ hasText: 'Linked "Budget" to "Workshops".' })
      .waitFor();

    await dragToBody(page, "Workshops", "Budget", "links run left to right");
    const toast = page.locator(".toast-error");
    await toast.waitFor();
    expect(await toast.textContent()).toContain("links run left to right");
    expect(await page.locator(".react-flow__edge").count()).toBe(1);
    await waitForStatus(page, "Saved");
    const stored = await exportModel(server.url, model.id, tokenOf(model.links.owner));
    expect(stored.edges).toHaveLength(1);
  });

  it("keyboard only: reach the canvas, move, link through the picker, edit, delete", async () => {
    const goal = "Students explain their thinking";
    const model = await createModel(
      server.url,
      modelFileOf(
        "Keyboard",
        [
          { kind: "input", title: "Coaching time" },
          { kind: "activity", title: "Coaches model lessons" },
          { kind: "activity", title: "Peer observation" },
          { kind: "smallWin", title: "Teachers try strategies" },
          { kind: "smallWin", title: "Teachers share results" },
          { kind: "longTerm", title: "Reading scores rise" },
        ],
        goal,
      ),
    );
    const { page } = await person("Maria", model.links.owner);
    const { page: sam } = await person("Sam", model.links.editor);

    // Tab through the page to the canvas; the mastery goal never opens for editing on the way.
    let label = "";
    for (let i = 0; i < 60 && !label.startsWith("Input:"); i++) {
      await page.keyboard.press("Tab");
      expect(await page.locator(".mastery textarea").count()).toBe(0);
      label = await focusedLabel(page);
    }
    expect(label).toBe("Input: Coaching time");
    expect(await page.evaluate(() => document.activeElement?.matches(":focus-visible"))).toBe(true);

    await screenshot(page, "keyboard-focus-card");
    await page.keyboard.press("ArrowRight");
    expect(await focusedLabel(page)).toBe("Activity: Coaches model lessons");
    await page.keyboard.press("ArrowDown");
    expect(await focusedLabel(page)).toBe("Activity: Peer observation");
    await page.keyboard.press("ArrowUp");
    expect(await focusedLabel(page)).toBe("Activity: Coaches model lessons");

    // L: the picker lists only the cards this one may link to, in lane order.
    await page.keyboard.press("l");
    const picker = page.getByTestId("link-picker");
    await picker.waitFor();
    const options = picker.getByRole("option");
    // Its text box has a name a screen reader says, and holds the focus.
    const box = picker.getByRole("combobox", {
      name: "Type to narrow, ↑ ↓ to choose, Enter to link, Esc to cancel",
    });
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await options.allTextContents()).toEqual([
      "Small winTeachers try strategies",
      "Small winTeachers share results",
      "Long-termReading scores rise",
    ]);
    await page.keyboard.press("ArrowDown");
    expect(await picker.locator("[aria-selected=true]").textContent()).toContain(
      "Teachers share results",
    );
    // The card under the highlight is outlined on the canvas.
    expect(
      await card(page, "Teachers share results")
        .locator(".card")
        .evaluate((el) => getComputedStyle(el).outlineStyle),
    ).toBe("dashed");
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/keyboard-link.png` });
    // Escape cancels: no link, focus back on the card.
    await page.keyboard.press("Escape");
    await picker.waitFor({ state: "detached" });
    expect(await page.locator(".react-flow__edge").count()).toBe(0);
    expect(await focusedLabel(page)).toBe("Activity: Coaches model lessons");

    // Type-ahead narrows, Enter links.
    await page.keyboard.press("l");
    await picker.waitFor();
    await page.keyboard.type("try");
    expect(await options.allTextContents()).toEqual(["Small winTeachers try strategies"]);
    await page.keyboard.press("Enter");
    await picker.waitFor({ state: "detached" });
    await waitForEdges(page, 1);
    await waitForEdges(sam, 1);
    await page
      .getByTestId("canvas-announcement")
      .filter({ hasText: 'Linked "Coaches model lessons" to "Teachers try strategies".' })
      .waitFor();
    expect(await focusedLabel(page)).toBe("Activity: Coaches model lessons");

    // Enter edits the title; Enter again saves and keeps the focus on the card.
    await page.keyboard.press("Enter");
    await page.keyboard.type("Coaches model read-alouds");
    await page.keyboard.press("Enter");
    await card(sam, "Coaches model read-alouds").waitFor();
    expect(await focusedLabel(page)).toBe("Activity: Coaches model read-alouds");

    // Delete asks first, since the link goes with the card.
    await page.keyboard.press("Delete");
    const confirm = page.getByTestId("delete-confirm");
    await confirm.waitFor();
    await screenshot(page, "keyboard-delete-confirm");
    expect(await confirm.textContent()).toContain(
      'Delete "Coaches model read-alouds" and its link?',
    );
    // The safe answer has the focus: Enter or Escape keeps the card and its link.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Keep");
    await page.keyboard.press("Escape");
    await confirm.waitFor({ state: "detached" });
    expect(await cardTitles(page)).toContain("Coaches model read-alouds");
    await waitForEdges(page, 1);
    await page.waitForFunction(() => document.activeElement?.classList.contains("card"));
    expect(await focusedLabel(page)).toBe("Activity: Coaches model read-alouds");
    // Asked again, the person chooses Delete on purpose.
    await page.keyboard.press("Delete");
    await confirm.waitFor();
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Delete");
    await page.keyboard.press("Enter");
    await confirm.waitFor({ state: "detached" });
    await waitForEdges(sam, 0);
    expect(await cardTitles(sam)).not.toContain("Coaches model read-alouds");
    // The keyboard is back on the canvas, on a card that is still there.
    await page.waitForFunction(() => document.activeElement?.classList.contains("card"));
    expect(await focusedLabel(page)).toBe("Input: Coaching time");
    expect(await page.locator(".mastery-show").textContent()).toBe(goal);

    // The help lists the keyboard path.
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    const text = (await help.textContent()) ?? "";
    for (const words of ["Reach the canvas", "Move between cards", "Link the selected card"])
      expect(text).toContain(words);
    await page.keyboard.press("Escape");
  });

  it("Fit view frames all 300 cards of a large model, mounted or not", async () => {
    const file = tallModelFile(300);
    const model = await createModel(server.url, file);
    const { page } = await person("Maria", model.links.owner);
    await page.getByRole("button", { name: "Fit view", exact: true }).click();
    await page.waitForTimeout(600);

    const view = await viewport(page);
    const pane = await page.locator(".react-flow").boundingBox();
    const headers = await page.locator(".lane-headers").boundingBox();
    if (!pane || !headers) throw new Error("no pane");
    const boxes = await cardBoxesInFlow(page);
    expect(boxes).toHaveLength(300);
    const outside = outsideOf(pane, view, boxes);
    expect(outside).toEqual([]);
    // And none sits under the sticky lane headers.
    const topmost = Math.min(...boxes.map((b) => pane.y + view.y + b.y * view.zoom));
    expect(topmost).toBeGreaterThanOrEqual(headers.y + headers.height);
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/fit-view-300.png` });
  });
});
