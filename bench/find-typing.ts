/**
 * Browser benchmark of find on the canvas: a generated 5,000-card model (bench/lib/generate.ts)
 * is opened in the system Chromium, the find bar is opened with Ctrl+F and queries are typed one
 * key at a time. For each key: the time from the keydown event to the first frame painted after
 * the find count and the cards' highlight marks show the new matches (a rAF, then a task, so
 * the frame with the highlight has been produced). Centring the view on the first match is
 * included, as a person sees it.
 * Run: `npx tsx bench/run.ts find-typing [--cards 5000]` or standalone `npx tsx bench/find-typing.ts`
 * (needs client/dist: pnpm --filter @logic-canvas/client build). Writes bench/results/find-typing.json.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "@logic-canvas/server";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { type Flags, runIfStarted } from "./lib/args.ts";
import { generateModel } from "./lib/generate.ts";
import { writeResult } from "./lib/machine.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// Every card matches the first query's early keys, then fewer; the second narrows to a handful.
const QUERIES = ["coaching cycle", "midjourney 77"];

const round = (n: number) => Math.round(n * 10) / 10;
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

type KeyTiming = { query: string; typed: string; matches: string; ms: number; handlerMs: number };

export const description =
  "Find on the canvas in Chromium: keydown to highlighted matches, per key, on a 5,000-card model";

export async function run(flags: Flags): Promise<void> {
  const cards = flags.number("cards", Number(process.env.CARDS ?? 5000));
  if (!existsSync(resolve(root, "client/dist/index.html")))
    throw new Error(
      "client/dist is missing: build the client first (node scripts/pnpm.mjs --filter @logic-canvas/client build)",
    );
  const loadAtStart = loadavg()[0] ?? 0;
  const dataDir = await mkdtemp(join(tmpdir(), "logic-canvas-bench-"));
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    dataDir,
    clientDist: resolve(root, "client/dist"),
    logLevel: "warn",
    limits: { maxCardsOnImport: 20_000 },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  const keys: KeyTiming[] = [];
  try {
    const ownerLink = await createBenchModel(server.url, cards);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await openModel(context, ownerLink);
    for (const query of QUERIES) await typeQuery(page, query, keys);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  const result = summarise(keys, loadAtStart);
  const path = writeResult(
    "find-typing",
    {
      cards,
      queries: QUERIES,
      viewport: "1440x900",
      chromium: "/usr/bin/chromium, headless, --disable-gpu",
    },
    result,
  );
  console.log("key → highlighted (ms):", result.keyToHighlightMs, "handler:", result.handlerMs);
  console.log(`  → ${path}`);
}

/** Creates the generated model through the API, as an import would, and returns its owner link. */
async function createBenchModel(url: string, cards: number): Promise<string> {
  const response = await fetch(`${url}/api/models`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(generateModel(cards)),
  });
  if (response.status !== 201) throw new Error(`create failed: ${await response.text()}`);
  const created = (await response.json()) as { links: { owner: string } };
  return created.links.owner;
}

/**
 * Opens the model and waits until it is saved and its cards are on screen, then a second more,
 * so the first key is not timed against the tail of the initial render.
 */
async function openModel(context: BrowserContext, ownerLink: string): Promise<Page> {
  await context.addInitScript(() => localStorage.setItem("logic-canvas:display-name", "Bench"));
  await context.addInitScript("window.__name = (f) => f");
  const page = await context.newPage();
  await page.goto(ownerLink);
  await page.waitForFunction(
    () => document.querySelector("[data-testid=status]")?.textContent?.includes("Saved"),
    null,
    { timeout: 60_000 },
  );
  await page.locator(".react-flow__node").first().waitFor();
  await page.waitForTimeout(1000);
  return page;
}

/** Opens find with Ctrl+F on an empty query and types `query` one key at a time, timing each. */
async function typeQuery(page: Page, query: string, keys: KeyTiming[]): Promise<void> {
  await page.locator(".react-flow__pane").click({ position: { x: 600, y: 600 } });
  await page.keyboard.press("Control+f");
  const field = page.getByRole("searchbox", { name: /Find cards/ });
  await field.fill("");
  await page.waitForTimeout(300);
  // The clock starts at keydown, in the capture phase, before any of the app's own handlers.
  await page.evaluate(() => {
    const w = window as unknown as { keyStart: number; input: HTMLInputElement };
    w.input = document.querySelector(".find-bar input") as HTMLInputElement;
    w.input.addEventListener(
      "keydown",
      () => {
        w.keyStart = performance.now();
      },
      { capture: true },
    );
  });
  for (let i = 1; i <= query.length; i++) {
    const wait = waitForKeyTiming(page);
    await field.press(query[i - 1] === " " ? "Space" : (query[i - 1] as string));
    const { ms, handlerMs, matches } = await wait;
    const marked = await page.locator(".card[data-marks~=found]").count();
    keys.push({
      query,
      typed: query.slice(0, i),
      matches: `${matches} (${marked} mounted marked)`,
      ms: round(ms),
      handlerMs: round(handlerMs),
    });
    console.log(keys.at(-1));
    await page.waitForTimeout(350); // between keys, as a person types, and past the centring
  }
  await field.press("Escape");
}

/**
 * Arms the page to report the next key's timings; armed before the key is pressed so the
 * listeners are in place when its input event fires.
 */
function waitForKeyTiming(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ ms: number; handlerMs: number; matches: string }>((done) => {
        const w = window as unknown as { keyStart: number; input: HTMLInputElement };
        // A window listener runs after React's root listener has handled the event and
        // rendered synchronously: keydown → here is find's own work (match, marks, render).
        let handlerMs = 0;
        window.addEventListener(
          "input",
          () => {
            handlerMs = performance.now() - w.keyStart;
          },
          { once: true },
        );
        w.input.addEventListener(
          "input",
          () =>
            requestAnimationFrame(() =>
              setTimeout(() =>
                done({
                  handlerMs,
                  ms: performance.now() - w.keyStart,
                  matches: document.querySelector("[data-testid=find-count]")?.textContent ?? "",
                }),
              ),
            ),
          { once: true },
        );
      }),
  );
}

/** The result file: percentiles of both timings, the machine's load, and every key's numbers. */
function summarise(keys: KeyTiming[], loadAtStart: number) {
  const sorted = keys.map((k) => k.ms).sort((a, b) => a - b);
  const handler = keys.map((k) => k.handlerMs).sort((a, b) => a - b);
  return {
    loadAverage1m: { atStart: round(loadAtStart), atEnd: round(loadavg()[0] ?? 0) },
    keyToHighlightMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1) ?? 0,
    },
    handlerMs: {
      p50: percentile(handler, 50),
      p95: percentile(handler, 95),
      max: handler.at(-1) ?? 0,
    },
    keys,
  };
}

// Standalone: `npx tsx bench/find-typing.ts --cards 5000`.
runIfStarted(import.meta.url, run);
