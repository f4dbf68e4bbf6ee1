import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Where screenshots (and the accessibility report) go; `SCREENSHOT_DIR` overrides it. */
export const SCREENSHOT_DIR =
  process.env.SCREENSHOT_DIR ?? resolve(root, "test-results/screenshots");

/** The system Chromium; nothing is ever downloaded. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** A browser context standing for one person: their display name is already chosen. */
export async function personContext(browser: Browser, name: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript((displayName) => {
    if (!localStorage.getItem("logic-canvas:display-name"))
      localStorage.setItem("logic-canvas:display-name", displayName);
  }, name);
  return context;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Forwards page errors to the test output, so a crash in the page is visible in CI logs. */
export function logPageErrors(page: Page, label: string): void {
  page.on("pageerror", (error) => console.error(`[${label}] page error:`, error.message));
}

/** A calendar date ("2026-09-15") as the page shows it: the page's locale, month in words. */
export function dayAsShown(page: Page, isoDate: string): Promise<string> {
  return page.evaluate(
    (d) =>
      new Intl.DateTimeFormat(undefined, {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      }).format(Date.parse(`${d}T00:00:00Z`)),
    isoDate,
  );
}
