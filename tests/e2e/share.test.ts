import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SCREENSHOT_DIR } from "../support/browser.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { api, createModel, tokenOf } from "../support/http.ts";

const { server, person } = chromiumSession();

const SHOT = `${SCREENSHOT_DIR}/share-dialog.png`;

async function openShare(page: Page) {
  await page.getByTestId("share-button").click();
  const dialog = page.getByTestId("share-dialog");
  await dialog.waitFor();
  // Links load from the server after the dialog opens.
  await dialog.getByTestId("share-link").first().waitFor();
  return dialog;
}

const roleOf = (page: Page) => page.getByTestId("role").textContent();

/** The text of the connected-now list, one line per role. */
async function connected(page: Page): Promise<string[]> {
  const lines = await page.getByTestId("share-connected").locator("li").allInnerTexts();
  return lines.map((line) => line.replace(/\s+/g, " ").trim());
}

describe("the Share dialog", () => {
  it("lets the owner copy the viewer link; whoever opens it is a viewer", async () => {
    const model = await createModel(server.url, { title: "Reading plan" });
    const maria = await person("Maria", model.links.owner);
    await maria.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: server.url,
    });
    const dialog = await openShare(maria.page);
    const viewer = dialog.getByTestId("share-role-viewer");
    await viewer.getByRole("button", { name: "Copy" }).click();
    await viewer.getByRole("button", { name: "Copied" }).waitFor();
    const copied = await maria.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(model.links.viewer);

    const vera = await person("Vera", copied);
    expect(await roleOf(vera.page)).toBe("Viewer");
    await dialog.getByTestId("connected-viewer").getByText("Vera").waitFor();
  });

  it("creates a labelled link with an expiry, lists it, and shows who is connected by role", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const maria = await person("Maria", model.links.owner);
    const sam = await person("Sam", model.links.editor);
    const cleo = await person("Cleo", model.links.commenter);
    const vera = await person("Vera", model.links.viewer);
    const dialog = await openShare(maria.page);

    const form = dialog.getByTestId("share-new-link");
    await form.getByLabel("Role").selectOption("commenter");
    await form.getByLabel("Label (optional)").fill("Board members");
    const day = await maria.page.evaluate(() => {
      const at = new Date(Date.now() + 14 * 86_400_000);
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
    });
    await form.getByLabel("Works until (optional)").fill(day);
    await form.getByRole("button", { name: "Create link" }).click();

    const board = dialog.getByTestId("share-link").filter({ hasText: "Board members" });
    await board.waitFor();
    const shownDay = await maria.page.evaluate(
      (d) =>
        new Intl.DateTimeFormat(undefined, {
          day: "numeric",
          month: "short",
          year: "numeric",
        }).format(new Date(`${d}T12:00:00`)),
      day,
    );
    expect(await board.getByTestId("share-link-facts").textContent()).toContain(
      `Expires ${shownDay}`,
    );
    expect(await dialog.getByTestId("share-role-commenter").getByTestId("share-link").count()).toBe(
      2,
    );
    // The new link works, with its role.
    const url = await board.getByTestId("share-link-url").inputValue();
    const guest = await person("Gus", url);
    expect(await roleOf(guest.page)).toBe("Commenter");

    await dialog.getByTestId("connected-commenter").getByText("Gus").waitFor();
    expect(await connected(maria.page)).toEqual([
      "Owner · 1 Maria (you)",
      "Editor · 1 Sam",
      "Commenter · 2 Cleo, Gus",
      "Viewer · 1 Vera",
    ]);
    await maria.page.screenshot({ path: SHOT });
    // An expiry in the past is refused in words before anything is sent.
    await form.getByLabel("Label (optional)").fill("x");
    await form.getByLabel("Works until (optional)").fill("2020-01-01");
    await form.getByRole("button", { name: "Create link" }).click();
    await form.getByText("The expiry must be in the future.").waitFor();
    await form.getByLabel("Works until (optional)").fill("");
    await form.getByText("The expiry must be in the future.").waitFor({ state: "detached" });
    for (const p of [sam, cleo, vera])
      expect(await p.page.getByTestId("share-button").count()).toBe(p === sam ? 1 : 0);
  });

  it("revoking a link disconnects the person using it at once, with the reason", async () => {
    const model = await createModel(server.url, { title: "Revoke me" });
    const maria = await person("Maria", model.links.owner);
    const vera = await person("Vera", model.links.viewer);
    const dialog = await openShare(maria.page);
    await dialog.getByTestId("connected-viewer").getByText("Vera").waitFor();

    const viewerLink = dialog.getByTestId("share-role-viewer").getByTestId("share-link");
    await viewerLink.getByRole("button", { name: "Revoke" }).click();
    await viewerLink.getByText("People using this link are disconnected now").waitFor();
    await viewerLink.getByRole("button", { name: "Revoke link" }).click();

    const problem = vera.page.getByTestId("connection-problem");
    await problem.getByText("The owner revoked the link you used.").waitFor({ timeout: 10_000 });
    await problem.getByRole("button", { name: "Reload" }).waitFor();
    await dialog.getByTestId("connected-viewer").waitFor({ state: "detached", timeout: 10_000 });
    await dialog.getByText("1 revoked link is not shown.").waitFor();
    expect(await dialog.getByTestId("share-role-viewer").getByText("No viewer link.").count()).toBe(
      1,
    );
  });

  it("disconnects a person whose link expires, with the reason", async () => {
    const model = await createModel(server.url, { title: "Expiring" });
    // The dialog offers whole days; the API takes any future instant, which keeps this test short.
    const response = await api(server.url, `/api/models/${model.id}/links`, {
      method: "POST",
      token: tokenOf(model.links.owner),
      body: JSON.stringify({
        role: "commenter",
        label: "Visit day",
        expiresAt: new Date(Date.now() + 6_000).toISOString(),
      }),
    });
    const { url } = (await response.json()) as { url: string };
    const gus = await person("Gus", url);
    expect(await roleOf(gus.page)).toBe("Commenter");
    const problem = gus.page.getByTestId("connection-problem");
    await problem.getByText("The link you used has expired.").waitFor({ timeout: 20_000 });
    // At the latest, opening it again says so.
    await gus.page.reload();
    await gus.page.getByText("This model cannot be opened").waitFor();
    await gus.page.getByText(/The link you used expired on /).waitFor();
  });

  it("shows an editor the viewer and commenter links only, and a commenter no Share button", async () => {
    const model = await createModel(server.url, { title: "Editors pass it on" });
    const sam = await person("Sam", model.links.editor);
    const dialog = await openShare(sam.page);
    const urls = await dialog
      .getByTestId("share-link-url")
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(urls.sort()).toEqual([model.links.commenter, model.links.viewer].sort());
    expect(await dialog.getByTestId("share-role-editor").count()).toBe(0);
    expect(await dialog.getByTestId("share-role-owner").count()).toBe(0);
    expect(await dialog.getByRole("button", { name: "Revoke" }).count()).toBe(0);
    expect(await dialog.getByTestId("share-new-link").count()).toBe(0);

    const cleo = await person("Cleo", model.links.commenter);
    await cleo.page.getByTestId("role").waitFor();
    expect(await cleo.page.getByTestId("share-button").count()).toBe(0);
    expect(await cleo.page.getByRole("button", { name: "Share" }).count()).toBe(0);
  });
});
