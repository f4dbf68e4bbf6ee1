import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { AxeReport, formatViolations, runAxe, severe } from "../support/axe.ts";
import { SCREENSHOT_DIR } from "../support/browser.ts";
import { card, moreItem, waitForStatus } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { expectRealDialog } from "../support/dialog.ts";
import { createModel } from "../support/http.ts";

const { server, person, context } = chromiumSession();
const report = new AxeReport();
const REPORT_PATH = `${SCREENSHOT_DIR}/axe-report.txt`;

afterAll(async () => {
  await report.write(REPORT_PATH);
});

/** Audits what the page shows now: no serious or critical violation; totals go to the report. */
async function audit(page: Page, name: string): Promise<void> {
  const summary = await runAxe(page);
  report.add(name, summary);
  const found = severe(summary);
  expect(formatViolations(found), `${name}: serious or critical violations`).toBe("");
}

const COACHES = "Principals hire instructional coaches.";

/** A model file with a card of a kind that does not exist: the import report lists it. */
const BAD_FILE = {
  name: "bad.json",
  mimeType: "application/json",
  buffer: Buffer.from(
    JSON.stringify({
      format: "logic-model",
      version: 1,
      title: "",
      masteryGoal: "",
      nodes: [{ id: "a", kind: "wish", title: "x" }],
      edges: [],
    }),
  ),
};

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
}

describe("every dialog is a real dialog", () => {
  it("the display-name dialog on the home page", async () => {
    const page = await (await context("Maria")).newPage();
    await page.goto(server.url);
    await expectRealDialog(
      page,
      "What should collaborators call you?",
      page.getByRole("button", { name: /Your name/ }),
    );
  });

  it("the shortcut help, the version diff, the read-only version, the restore confirmation", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const { page } = await person("Maria", model.links.owner);
    await expectRealDialog(
      page,
      "Keyboard shortcuts",
      page.getByRole("button", { name: "Keyboard shortcuts" }),
    );

    await openTab(page, "History");
    await page.getByPlaceholder("e.g. Draft shared with staff").fill("First draft");
    await page.getByRole("button", { name: "Save version" }).click();
    const version = page.locator("[data-testid=version]", { hasText: "First draft" });
    await version.waitFor();
    await expectRealDialog(
      page,
      "What changed since “First draft”",
      version.getByRole("button", { name: "What changed" }),
    );
    await expectRealDialog(
      page,
      "“First draft” (read-only)",
      version.getByRole("button", { name: "Open" }),
    );
    await expectRealDialog(
      page,
      "Restore “First draft”?",
      version.getByRole("button", { name: "Restore" }),
    );
  });
});

describe("the dialogs of sharing, managing, linking and importing are real dialogs", () => {
  it("the Share dialog, the delete confirmation, the link picker (L), the import report", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const { page } = await person("Maria", model.links.owner);
    await page.locator(".react-flow__node").first().waitFor();
    await expectRealDialog(page, "Share this model", page.getByTestId("share-button"));

    // The Model menu from the keyboard: Enter opens it on its first item, End reaches Delete.
    const modelButton = page.getByTestId("model-menu").getByRole("button", { name: "Model" });
    await expectRealDialog(page, "Delete this model?", modelButton, async () => {
      await modelButton.focus();
      await modelButton.press("Enter");
      await page.getByRole("menuitem", { name: "Delete model…" }).waitFor();
      await page.keyboard.press("End");
      await page.keyboard.press("Enter");
    });

    const from = page.getByLabel(`Activity: ${COACHES}`, { exact: true });
    await expectRealDialog(page, `Link "${COACHES}" to…`, from, async () => {
      await card(page, COACHES).click();
      await page.keyboard.press("l");
    });

    // A file chosen through More ▾ → Import: the report of its problems, focus back on More.
    const more = page.getByRole("button", { name: "More actions" });
    await expectRealDialog(page, "This file cannot be imported", more, async () => {
      const item = await moreItem(page, "Import a model file…");
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"), item.click()]);
      await chooser.setFiles(BAD_FILE);
    });
    await waitForStatus(page, "Saved");
  });
});

describe("axe-core finds no serious or critical violation", () => {
  it("on the home page", async () => {
    const page = await (await context("Maria")).newPage();
    await page.goto(server.url);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await audit(page, "home");
    // Every Tab stop is something the person can see (a hidden file input is not one).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const stops: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press("Tab");
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const box = el.getBoundingClientRect();
        const seen = el.checkVisibility() && box.width > 2 && box.height > 2;
        const name = el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 30) ?? "";
        return { name: `${el.tagName} ${name}`, seen };
      });
      if (!stop) break;
      expect(stop.seen, `Tab stop ${stop.name} is invisible`).toBe(true);
      stops.push(stop.name);
    }
    expect(stops.some((name) => name.includes("Choose a file"))).toBe(true);
  });

  it("in the editor, its Progress view, the review sidebar and the print view", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const { page } = await person("Maria", model.links.owner);
    await page.locator(".react-flow__node").first().waitFor();
    await audit(page, "editor (canvas)");

    await card(page, "Principals hire instructional coaches.").click();
    await audit(page, "editor, a card selected");

    await openTab(page, "Comments");
    await page.getByRole("textbox", { name: "New comment" }).fill("Who hires them, and by when?");
    await page.getByRole("button", { name: "Comment", exact: true }).click();
    await page.locator("[data-testid=thread]").first().waitFor();
    await audit(page, "review sidebar (Comments)");

    await page
      .getByRole("navigation", { name: "Views" })
      .getByRole("button", { name: "Progress" })
      .click();
    await page.getByTestId("dashboard-goal").first().waitFor();
    await audit(page, "Progress view");

    await page
      .getByRole("navigation", { name: "Views" })
      .getByRole("button", { name: "Print" })
      .click();
    await page.locator(".print-view").waitFor();
    await audit(page, "print view");
    await waitForStatus(page, "Saved");
  });

  it("in the Share dialog, as its owner sees it", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const { page } = await person("Maria", model.links.owner);
    await page.getByTestId("share-button").click();
    const dialog = page.getByRole("dialog", { name: "Share this model" });
    await dialog.getByTestId("share-link").first().waitFor();
    await audit(page, "Share dialog (owner)");
  });

  it("with the delete confirmation, the link picker or the import report open", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const { page } = await person("Maria", model.links.owner);
    await page.getByTestId("model-menu").getByRole("button", { name: "Model" }).click();
    await page.getByRole("menuitem", { name: "Delete model…" }).click();
    await page.getByRole("dialog", { name: "Delete this model?" }).waitFor();
    await audit(page, "delete confirmation dialog");
    await page.keyboard.press("Escape");

    await card(page, COACHES).click();
    await page.keyboard.press("l");
    await page.getByTestId("link-picker").getByRole("option").first().waitFor();
    await audit(page, "link picker dialog");
    await page.keyboard.press("Escape");

    const item = await moreItem(page, "Import a model file…");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), item.click()]);
    await chooser.setFiles(BAD_FILE);
    await page.getByTestId("import-report").waitFor();
    await audit(page, "import report dialog");
  });

  it("with a dialog open", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const { page } = await person("Maria", model.links.owner);
    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await audit(page, "shortcut help dialog");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/dialog-shortcut-help.png` });
  });
});
