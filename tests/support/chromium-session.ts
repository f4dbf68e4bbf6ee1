import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium, logPageErrors, personContext } from "./browser.ts";
import { openEditor } from "./canvas.ts";
import { startTestServer, type TestServer, WITH_BUILT_CLIENT } from "./server.ts";

export interface Person {
  page: Page;
  context: BrowserContext;
}

export interface ChromiumSession {
  /**
   * The file's server. A stable object rather than the TestServer itself, so that it can be
   * destructured at module level although the server only starts in `beforeAll`.
   */
  server: { readonly url: string };
  /** A context for one person, closed after the file; for pages that are not the editor. */
  context(name: string): Promise<BrowserContext>;
  /** One person with the editor open at `link`, their page errors forwarded to the output. */
  person(name: string, link: string): Promise<Person>;
}

/**
 * Registers the `beforeAll`/`afterAll` of a browser test file: one real server and one Chromium
 * for the whole file, and every person's context closed at the end. Call it at module level.
 */
export function chromiumSession(): ChromiumSession {
  let running: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    running = await startTestServer(WITH_BUILT_CLIENT);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await running?.stop();
  });

  async function context(name: string): Promise<BrowserContext> {
    if (!browser) throw new Error("chromiumSession: Chromium is only running inside tests");
    const created = await personContext(browser, name);
    contexts.push(created);
    return created;
  }

  return {
    server: {
      get url() {
        if (!running) throw new Error("chromiumSession: the server is only running inside tests");
        return running.url;
      },
    },
    context,
    async person(name, link) {
      const created = await context(name);
      const page = await created.newPage();
      logPageErrors(page, name);
      await openEditor(page, link);
      return { page, context: created };
    },
  };
}
