import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** Whether the focused element is inside the open dialog named `name`. */
function focusInside(page: Page, name: string): Promise<boolean> {
  return page.evaluate((label) => {
    const dialogs = Array.from(document.querySelectorAll<HTMLElement>("[role=dialog], dialog"));
    const named = dialogs.find((d) => {
      const by = d.getAttribute("aria-labelledby");
      const text = by ? document.getElementById(by)?.textContent : d.getAttribute("aria-label");
      return text?.trim() === label;
    });
    return !!named && !!document.activeElement && named.contains(document.activeElement);
  }, name);
}

/**
 * Opens a dialog from the keyboard (focus on `opener`, Enter; or `open`, where the dialog comes
 * another way: a menu item, a key, a file chosen) and checks what makes it a real dialog for
 * keyboard and screen-reader users: its role,
 * `aria-modal`, its accessible name, focus moved inside, Tab and Shift+Tab kept inside, the page
 * behind unable to take focus, Escape closing it and focus returning to the opener.
 */
export async function expectRealDialog(
  page: Page,
  name: string,
  opener: Locator,
  open?: () => Promise<void>,
): Promise<Locator> {
  if (open) await open();
  else {
    await opener.focus();
    await opener.press("Enter");
  }
  const dialog = page.getByRole("dialog", { name, exact: true });
  await dialog.waitFor();
  expect(await dialog.getAttribute("aria-modal")).toBe("true");
  await expect.poll(() => focusInside(page, name), { timeout: 3_000 }).toBe(true);

  const stops = await dialog.evaluate(
    (d) => d.querySelectorAll("button, input, textarea, select, a[href], summary").length,
  );
  for (let i = 0; i < stops + 2; i++) {
    await page.keyboard.press("Tab");
    expect(await focusInside(page, name), `Tab ${i + 1} left the dialog`).toBe(true);
  }
  for (let i = 0; i < stops + 2; i++) {
    await page.keyboard.press("Shift+Tab");
    expect(await focusInside(page, name), `Shift+Tab ${i + 1} left the dialog`).toBe(true);
  }
  // The page behind is inert: focusing one of its controls by script does not take the focus.
  const stolen = await page.evaluate(() => {
    const outside = Array.from(document.querySelectorAll<HTMLElement>("button")).find(
      (b) => !b.closest("dialog, [role=dialog]"),
    );
    outside?.focus();
    return !!outside && document.activeElement === outside;
  });
  expect(stolen, "a control behind the dialog took the focus").toBe(false);

  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached", timeout: 3_000 });
  const returned = await opener.evaluate((el) => document.activeElement === el);
  expect(returned, "focus did not return to what opened the dialog").toBe(true);
  return dialog;
}
