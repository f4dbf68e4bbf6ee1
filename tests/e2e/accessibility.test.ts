import type { Page } from "playwright-core";
import { describe, it } from "vitest";
import { chromiumSession } from "../support/chromium-session.ts";
import { expectRealDialog } from "../support/dialog.ts";
import { createModel } from "../support/http.ts";

const { server, person, context } = chromiumSession();

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
      page.getByRole("button", { name: /Signed in as/ }),
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
