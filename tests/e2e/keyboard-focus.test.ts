import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { card, focusedLabel, modelFileOf, waitForStatus } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";

/**
 * Where keyboard focus lands on the editor page: the first Tab stop skips to the canvas, and the
 * mastery goal cannot be overwritten by reaching it with Tab.
 */

const { server, person } = chromiumSession();

describe("keyboard focus on the editor page", () => {
  it("the first Tab stop is “Skip to canvas”, shown while focused; Enter lands on a card", async () => {
    const model = await createModel(
      server.url,
      modelFileOf("Skip", [{ kind: "input", title: "Coaching time" }], "Goal"),
    );
    const { page } = await person("Maria", model.links.owner);
    await card(page, "Coaching time").waitFor();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to canvas" });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.x >= 0 && box.width > 40).toBe(true);
    await screenshot(page, "skip-to-canvas");
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedLabel(page)).toBe("Input: Coaching time");
    await page.keyboard.press("Shift+Tab"); // left the link behind: it hides again
    expect((await skip.boundingBox())?.y ?? -1).toBeLessThan(0);
  });

  it("the mastery goal opens for editing on Enter or a click, not on focus", async () => {
    const model = await createModel(
      server.url,
      modelFileOf("Goal", [{ kind: "input", title: "Time" }], "Students read widely"),
    );
    const { page } = await person("Maria", model.links.owner);
    const goal = page.getByTestId("mastery-show");
    await goal.focus();
    await page.keyboard.type("nf");
    expect(await page.locator(".mastery textarea").count()).toBe(0);
    expect(await goal.textContent()).toBe("Students read widely");

    await page.keyboard.press("Enter");
    const field = page.locator(".mastery textarea");
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("End");
    await page.keyboard.type(" and deeply");
    await page.keyboard.press("Enter");
    expect(await goal.textContent()).toBe("Students read widely and deeply");
    expect(await goal.evaluate((el) => el === document.activeElement)).toBe(true);

    await goal.click();
    await field.fill("Students read for joy");
    await page.keyboard.press("Escape");
    expect(await goal.textContent()).toBe("Students read widely and deeply");
    await waitForStatus(page, "Saved");
  });
});
