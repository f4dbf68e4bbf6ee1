import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { moreItem, openEditor } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";

/**
 * Section 4 of issue 12: every page carries a strict Content-Security-Policy (no inline script),
 * refuses to be framed, does not sniff types and sends no referrer; and the built app breaks
 * none of it. Each page is loaded in Chromium with CSP violations counted from
 * `securitypolicyviolation` events and from the console: there must be none.
 */

const { server, context } = chromiumSession();

interface Watched {
  page: Page;
  violations: () => Promise<string[]>;
}

/** A page whose CSP violations are recorded from before its first script runs. */
async function watchedPage(ctx: BrowserContext, label: string): Promise<Watched> {
  await ctx.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => {
      seen.push(
        `${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  const page = await ctx.newPage();
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  page.on("pageerror", (error) =>
    globalThis.console.error(`[${label}] page error:`, error.message),
  );
  return {
    page,
    violations: async () => [
      ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? [])),
      ...console,
    ],
  };
}

async function showView(page: Page, label: "Canvas" | "Progress" | "Print"): Promise<void> {
  await page.locator(".view-switch").getByRole("button", { name: label, exact: true }).click();
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
}

describe("security headers and Content-Security-Policy", () => {
  it("every response carries the headers, and the built page has no inline script", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    for (const path of ["/", `/m/${model.id}`, "/sw.js", "/api/health"]) {
      const response = await fetch(`${server.url}${path}`);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("no-referrer");
    }
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).toContain("<script");
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? []).toEqual([]);
    expect(html).not.toMatch(/<style[\s>]/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it("home, owner canvas, progress, print, every side tab, commenter and viewer: 0 violations", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const visited: Record<string, string[]> = {};

    const home = await watchedPage(await context("Visitor"), "home");
    await home.page.goto(`${server.url}/`);
    await home.page.locator("#root *").first().waitFor();
    // Not "networkidle": the inbox keeps a live event stream open, so the network is never idle.
    // The Inbox button is the home page's last part to arrive (after the inbox's first answer).
    await home.page.getByRole("button", { name: /^Inbox/ }).waitFor();
    await home.page.waitForTimeout(300);
    visited.home = await home.violations();

    const owner = await watchedPage(await context("Maria"), "owner");
    await openEditor(owner.page, model.links.owner);
    for (const tab of ["Details", "Checks", "Comments", "Consensus", "History"]) {
      await openTab(owner.page, tab);
      await owner.page.waitForTimeout(300);
    }
    await owner.page.locator(".react-flow__node").first().click();
    await owner.page.waitForTimeout(300);
    // Image exports render the canvas through data: and blob: URLs.
    for (const format of ["Export as PNG image", "Export as SVG drawing"]) {
      const item = await moreItem(owner.page, format);
      await Promise.all([owner.page.waitForEvent("download"), item.click()]);
    }
    await showView(owner.page, "Progress");
    await owner.page.waitForTimeout(1_000);
    await showView(owner.page, "Print");
    await owner.page.waitForTimeout(500);
    await screenshot(owner.page, "csp-print-view");
    await showView(owner.page, "Canvas");
    await owner.page.waitForTimeout(300);
    // The service worker still registers and takes control under the policy.
    expect(
      await owner.page.evaluate(() =>
        navigator.serviceWorker.ready.then((registration) => registration.active !== null),
      ),
    ).toBe(true);
    await owner.page.reload();
    await owner.page.locator("[data-testid=status]").waitFor();
    expect(await owner.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await screenshot(owner.page, "csp-owner-canvas");
    visited.owner = await owner.violations();

    for (const role of ["commenter", "viewer"] as const) {
      const person = await watchedPage(await context(role), role);
      await openEditor(person.page, model.links[role]);
      await openTab(person.page, "Comments");
      await person.page.waitForTimeout(300);
      await showView(person.page, "Progress");
      await person.page.waitForTimeout(500);
      visited[role] = await person.violations();
    }
    console.log(`CSP violations per page: ${JSON.stringify(visited)}`);
    for (const [page, violations] of Object.entries(visited)) expect(violations, page).toEqual([]);
  });
});
