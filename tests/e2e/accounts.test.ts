import { expect, it } from "vitest";
import { logPageErrors, screenshot } from "../support/browser.ts";
import { chromiumSession } from "../support/chromium-session.ts";

/**
 * Issue 15, people and sign-in, as a person does it in Chromium: a new server offers its
 * first-run page from the home page; the first admin creates the district and is signed in;
 * signs out; signs in again (a wrong password first); sees and ends a session on another device.
 */
const { server, context } = chromiumSession();

const ADMIN = { email: "ada@district.test", password: "first-admin-password", name: "Ada Admin" };

it("first run → sign out → sign in, and ending a session on another device", async () => {
  const page = await (await context("Ada")).newPage();
  logPageErrors(page, "ada");
  await page.goto(server.url);
  await page.getByRole("link", { name: "Set up this server" }).click();
  await page.getByRole("heading", { name: "Set up Logic Canvas" }).waitFor();
  await page.getByLabel("District name").fill("Springfield District");
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel(/^Password/).fill(ADMIN.password);
  await screenshot(page, "accounts-first-run");
  await page.getByRole("button", { name: "Create the district" }).click();

  const menu = page.getByRole("navigation", { name: "Account" });
  await expect.poll(() => menu.textContent()).toContain("Signed in as Ada Admin");
  await screenshot(page, "accounts-home-signed-in");
  await menu.getByRole("button", { name: "Sign out" }).click();
  await menu.getByRole("link", { name: "Sign in" }).click();

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(() => page.getByRole("alert").textContent()).toBe("Wrong email or password.");
  await screenshot(page, "accounts-wrong-password");
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect.poll(() => menu.textContent()).toContain("Signed in as Ada Admin");

  // The same person on a second device (another browser context).
  const phone = await (await context("Ada's phone")).newPage();
  await phone.goto(`${server.url}/account/sign-in`);
  await phone.getByLabel("Email").fill(ADMIN.email);
  await phone.getByLabel("Password").fill(ADMIN.password);
  await phone.getByRole("button", { name: "Sign in" }).click();
  await expect
    .poll(() => phone.getByRole("navigation", { name: "Account" }).textContent())
    .toContain("Ada Admin");

  await menu.getByRole("link", { name: /Signed in as/ }).click();
  const sessions = page.getByRole("region", { name: "Your sessions" });
  await expect.poll(() => sessions.getByRole("listitem").count()).toBe(2);
  await expect.poll(() => sessions.textContent()).toContain("this device");
  await screenshot(page, "accounts-sessions");
  await sessions.getByRole("button", { name: "End this session" }).click();
  await expect.poll(() => sessions.getByRole("listitem").count()).toBe(1);

  await phone.reload();
  await expect
    .poll(() => phone.getByRole("navigation", { name: "Account" }).textContent())
    .toBe("Sign in");
});

it("a share link still opens a model with no account", async () => {
  const created = await fetch(`${server.url}/api/models`, { method: "POST" });
  const { links } = (await created.json()) as { links: { editor: string } };
  const page = await (await context("Parent")).newPage();
  await page.goto(links.editor);
  await page.locator(".react-flow").waitFor();
});
