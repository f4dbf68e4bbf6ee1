import type { Locator, Page } from "playwright-core";

/** The editor's side panel, as a person uses it: its tabs (Details, Comments, Checks, …). */

/** Opens the side panel's tab whose name starts with `name` (a count may follow it). */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
}

/** The text a locator shows, "" when it has none (so assertions compare strings). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? "";
}
