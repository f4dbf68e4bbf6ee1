import { copyFile, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "@logic-canvas/server";
import { chromium } from "playwright-core";
import type { Flags } from "./lib/args.ts";
import { exportModel } from "./lib/export-model.ts";
import { INSTRUMENTS, timeExport, timeView } from "./lib/export-page.ts";
import { writeResult } from "./lib/machine.ts";
import { round } from "./lib/stats.ts";

export const description =
  "Exports: SVG and PNG of a 400- and a 1,000-card model (click to file) and the print view (click to every card drawn), in headless Chromium";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
type Browser = Awaited<ReturnType<typeof chromium.launch>>;
type Server = Awaited<ReturnType<typeof startServer>>;
/** One client build under test, e.g. main's and a branch's, served side by side. */
interface Build {
  label: string;
  dist: string;
  server: Server;
  dataDir: string;
}
type Run = Record<string, number | string | null>;

async function startBuild(dist: string): Promise<Build> {
  const dataDir = await mkdtemp(join(tmpdir(), "lc-bench-exports-"));
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    dataDir,
    clientDist: resolve(dist),
    logLevel: "warn",
  });
  return { label: resolve(dist), dist, server, dataDir };
}

async function ownerLink(server: Server, cards: number): Promise<string> {
  const response = await fetch(`${server.url}/api/models`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(exportModel(cards)),
  });
  if (response.status !== 201) throw new Error(`create failed: ${await response.text()}`);
  return ((await response.json()) as { links: { owner: string } }).links.owner;
}

type Opened = Awaited<ReturnType<typeof openEditor>>;

/** The editor of a new `cards`-card model on `build`, loaded and saved. */
async function openEditor(browser: Browser, build: Build, cards: number) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => localStorage.setItem("logic-canvas:display-name", "Bench"));
  await context.addInitScript(INSTRUMENTS);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(await ownerLink(build.server, cards));
  await page.locator(".react-flow__node").first().waitFor({ timeout: 60_000 });
  await page.locator(".status-saved").waitFor({ timeout: 60_000 });
  return { build, context, page, cdp };
}

/** One round on one opened editor: the SVG, the PNG, then the print view and back. */
async function measureRound(opened: Opened, cards: number, run: number, saveTo?: string) {
  const { build, page, cdp } = opened;
  const svg = await timeExport(page, cdp, "Export as SVG drawing");
  const png = await timeExport(page, cdp, "Export as PNG image");
  const print = await timeView(page, cdp, "Print", "[data-testid=print-item]", cards);
  await timeView(page, cdp, "Canvas", ".react-flow__node", 1);
  const result: Run = {
    build: build.label,
    cards,
    run,
    svgClickToFileMs: round(svg.clickToFileMs, 0),
    svgClickToSavedMs: round(svg.clickToSavedMs, 0),
    svgMainThreadMs: round(svg.mainThreadMs, 0),
    svgBytes: (await stat(svg.path)).size,
    pngAskedMs: png.askedMs === undefined ? null : round(png.askedMs, 0),
    pngClickToFileMs: round(png.clickToFileMs, 0),
    pngClickToSavedMs: round(png.clickToSavedMs, 0),
    pngMainThreadMs: round(png.mainThreadMs, 0),
    pngBytes: (await stat(png.path)).size,
    printRenderMs: round(print.ms, 0),
    printMainThreadMs: round(print.mainThreadMs, 0),
  };
  if (saveTo) await saveFiles(saveTo, build, cards, svg.path, png.path);
  console.log("  ", JSON.stringify(result));
  return result;
}

/**
 * Every build's editor opened on its own model of `cards` cards, then `runs` rounds in which
 * the builds take turns, so a before/after sees the same moments of the machine's load.
 */
async function measureSize(
  browser: Browser,
  builds: Build[],
  cards: number,
  runs: number,
  saveTo?: string,
) {
  const opened: Opened[] = [];
  const results: Run[] = [];
  try {
    for (const build of builds) opened.push(await openEditor(browser, build, cards));
    for (let run = 1; run <= runs; run++)
      for (const editor of opened)
        results.push(await measureRound(editor, cards, run, run === runs ? saveTo : undefined));
  } finally {
    for (const editor of opened) await editor.context.close();
  }
  return results;
}

/** Keeps the last run's images, to look at: `<dir>/<build n>-<cards>.svg|png`. */
async function saveFiles(dir: string, build: Build, cards: number, svg: string, png: string) {
  await mkdir(dir, { recursive: true });
  const base = join(dir, `${build.label.replace(/[^\w]+/g, "-").replace(/^-|-$/g, "")}-${cards}`);
  await copyFile(svg, `${base}.svg`);
  await copyFile(png, `${base}.png`);
  console.log(`   saved ${base}.svg and .png`);
}

function medians(runs: Run[]): Record<string, number> {
  const keys = Object.keys(runs[0] ?? {}).filter((k) => typeof runs[0]?.[k] === "number");
  return Object.fromEntries(
    keys
      .filter((k) => k !== "run" && k !== "cards")
      .map((k) => {
        const values = runs.map((r) => r[k] as number).sort((a, b) => a - b);
        return [k, values[Math.floor(values.length / 2)] as number];
      }),
  );
}

/**
 * `--dist a,b` serves each client build from its own server (same server code) and measures
 * them in turns, round by round, so a before/after comparison sees the same machine load.
 */
export async function run(flags: Flags): Promise<void> {
  const sizes = flags.numbers("cards", [400, 1000]);
  const runs = flags.number("runs", 3);
  const dists = flags.strings("dist", [resolve(root, "client/dist")]);
  const saveTo = flags.strings("save", [])[0];
  const loadAtStart = loadavg()[0] ?? 0;
  const builds: Build[] = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  const all: Run[] = [];
  try {
    for (const dist of dists) builds.push(await startBuild(dist));
    for (const cards of sizes) {
      console.log(`  ${cards} cards`);
      all.push(...(await measureSize(browser, builds, cards, runs, saveTo)));
    }
  } finally {
    await browser.close();
    for (const build of builds) {
      await build.server.close();
      await rm(build.dataDir, { recursive: true, force: true });
    }
  }
  const summary = sizes.flatMap((cards) =>
    builds.map((b) => ({
      build: b.label,
      cards,
      median: medians(all.filter((r) => r.cards === cards && r.build === b.label)),
    })),
  );
  for (const s of summary) console.log(`  median ${s.cards} cards, ${s.build}:`, s.median);
  const path = writeResult(
    "exports",
    {
      sizes,
      runs,
      builds: builds.map((b) => b.label),
      viewport: "1440x900",
      chromium: "/usr/bin/chromium, headless, --disable-gpu",
      loadAverage1mAtStart: round(loadAtStart),
      times:
        "clickToFile: menu click to the file handed to the browser; clickToSaved: to the download written (Playwright); mainThread: renderer TaskDuration; print: tab click to the first frame drawn with every card",
    },
    { summary, runs: all },
  );
  console.log(`  wrote ${path}`);
}
