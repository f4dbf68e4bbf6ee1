import type { CDPSession, Page } from "playwright-core";

/**
 * The page side of bench/exports.ts: instruments that time an export from the click on its menu
 * item to the moment the file is handed to the browser (the `<a download>` click), and the print
 * view from the click on its tab to the first frame drawn with every card in it; and the main
 * thread's busy time (CDP `TaskDuration`), which a loaded machine inflates less than wall time.
 */

/** Installed before the app's script: records clicks on menu items and view tabs, and downloads. */
export const INSTRUMENTS = `
  window.__name = (f) => f;
  window.__bench = { clickAt: 0, downloads: [] };
  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest("[role=menuitem], .view-switch button, [data-testid=unreadable-png] button"))
      window.__bench.clickAt = performance.now();
  }, true);
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) {
      window.__bench.downloads.push({
        name: this.download,
        ms: performance.now() - window.__bench.clickAt,
        urlChars: this.href.length,
      });
    }
    return click.call(this);
  };
`;

interface BenchWindow {
  __bench: { clickAt: number; downloads: { name: string; ms: number; urlChars: number }[] };
}

/** Seconds the renderer's main thread has spent in tasks so far. */
export async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return metrics.find((m) => m.name === "TaskDuration")?.value ?? 0;
}

/**
 * Opens "More actions" and clicks `name`; resolves once the download has been written. A PNG too
 * small to read asks first (`UnreadablePng.tsx`): then `askedMs` is the click to that question,
 * and the file's times run from the click on "Export the PNG anyway".
 */
export async function timeExport(page: Page, cdp: CDPSession, name: string) {
  const more = page.getByRole("button", { name: "More actions" });
  if ((await more.getAttribute("aria-expanded")) !== "true") await more.click();
  const item = page.getByRole("menu").getByRole("menuitem", { name, exact: true });
  await item.waitFor();
  const before = await taskSeconds(cdp);
  const started = performance.now();
  const downloaded = page.waitForEvent("download", { timeout: 120_000 });
  const asked = page
    .getByTestId("unreadable-png")
    .waitFor({ timeout: 120_000 })
    .then(() =>
      page.evaluate(() => performance.now() - (window as unknown as BenchWindow).__bench.clickAt),
    );
  await item.click({ timeout: 120_000, noWaitAfter: true });
  const askedMs = await Promise.race([asked, downloaded.then(() => undefined)]);
  if (askedMs !== undefined)
    await page.getByRole("button", { name: "Export the PNG anyway" }).click({ noWaitAfter: true });
  const download = await downloaded;
  const path = await download.path();
  const wallMs = performance.now() - started;
  const cpuMs = ((await taskSeconds(cdp)) - before) * 1000;
  const inPage = await page.evaluate(() =>
    (window as unknown as BenchWindow).__bench.downloads.pop(),
  );
  if (!inPage) throw new Error(`${name}: the page handed over no download`);
  return { clickToFileMs: inPage.ms, clickToSavedMs: wallMs, mainThreadMs: cpuMs, path, askedMs };
}

/** Clicks the view tab `label` and resolves when `selector` matches `count` elements, drawn. */
export async function timeView(
  page: Page,
  cdp: CDPSession,
  label: string,
  selector: string,
  count: number,
) {
  const before = await taskSeconds(cdp);
  const waiting = page.evaluate(
    ({ selector, count }) =>
      new Promise<number>((done) => {
        const tick = () => {
          // In a frame callback the cards are in the DOM; the timeout runs after that frame's
          // style, layout and paint, so the time includes drawing them.
          if (document.querySelectorAll(selector).length >= count)
            setTimeout(() =>
              done(performance.now() - (window as unknown as BenchWindow).__bench.clickAt),
            );
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { selector, count },
  );
  await page.locator(".view-switch").getByRole("button", { name: label, exact: true }).click();
  const ms = await waiting;
  return { ms, mainThreadMs: ((await taskSeconds(cdp)) - before) * 1000 };
}
