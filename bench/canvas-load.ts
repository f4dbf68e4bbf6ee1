/**
 * Browser benchmark of the canvas: a generated 1,000-node model (200 cards per lane, ~1,000
 * links) is created through the API, opened in the system Chromium, and measured:
 * - time to first render: from navigation start to the first frame in which every card visible
 *   in the viewport is in the DOM (the count of rendered cards has settled);
 * - frame times while panning: requestAnimationFrame deltas during a scripted drag-pan of the
 *   canvas (p50, p95, max, and frames dropped against 60 Hz).
 * Run: npx tsx bench/canvas-load.ts   (needs client/dist: pnpm --filter @logic-canvas/client build)
 * Writes bench/results/canvas-load.json.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "@logic-canvas/server";
import { LANE_PADDING, LANE_ROW_SPACING, laneX, NODE_KINDS } from "@logic-canvas/shared";
import { chromium } from "playwright-core";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PER_LANE = 200;
const RUNS = Number(process.env.RUNS ?? 3);

function generatedModel() {
  const nodes = NODE_KINDS.flatMap((kind, column) =>
    Array.from({ length: PER_LANE }, (_, i) => ({
      id: `n${column}-${i}`,
      kind,
      title: `${kind} card ${i + 1}: a title long enough to wrap onto a second line`,
      position: { x: laneX(kind), y: LANE_PADDING + i * LANE_ROW_SPACING },
    })),
  );
  const edges = [];
  for (let column = 0; column < NODE_KINDS.length - 1; column++) {
    for (let i = 0; i < PER_LANE; i++) {
      edges.push({
        id: `e${column}-${i}`,
        source: `n${column}-${i}`,
        target: `n${column + 1}-${i}`,
      });
      if (i + 1 < PER_LANE)
        edges.push({
          id: `f${column}-${i}`,
          source: `n${column}-${i}`,
          target: `n${column + 1}-${i + 1}`,
        });
    }
  }
  return {
    format: "logic-model",
    version: 1,
    title: "Benchmark: 1,000 cards",
    masteryGoal: "Every card renders quickly.",
    nodes,
    edges,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const round = (n: number) => Math.round(n * 10) / 10;

type Browser = Awaited<ReturnType<typeof chromium.launch>>;
type Page = Awaited<ReturnType<Browser["newPage"]>>;
type Server = Awaited<ReturnType<typeof startServer>>;

function launchChromium(): Promise<Browser> {
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

/** Creates the model through the API, as the import would; resolves with the owner's link. */
async function createBenchModel(server: Server, model: object): Promise<string> {
  const response = await fetch(`${server.url}/api/models`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(model),
  });
  if (response.status !== 201) throw new Error(`create failed: ${await response.text()}`);
  const created = (await response.json()) as { links: { owner: string } };
  return created.links.owner;
}

/**
 * Counts rendered cards on every frame; the first render is the moment the count last changed
 * before it stayed the same for 20 frames. Also when the document was synced and the script loaded.
 */
function timeFirstRender(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ ms: number; rendered: number; syncedMs: number; scriptMs: number }>((done) => {
        let last = -1;
        let since = 0;
        let stable = 0;
        let syncedMs = 0;
        const tick = () => {
          const count = document.querySelectorAll(".react-flow__node").length;
          if (!syncedMs && document.querySelector(".status-saved")) syncedMs = performance.now();
          if (count !== last) {
            last = count;
            since = performance.now();
            stable = 0;
          } else if (count > 0 && ++stable >= 20) {
            const script = performance
              .getEntriesByType("resource")
              .find((e) => e.name.endsWith(".js")) as PerformanceResourceTiming | undefined;
            done({
              ms: since,
              rendered: count,
              syncedMs,
              scriptMs: script?.responseEnd ?? 0,
            });
            return;
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** Frame times (requestAnimationFrame deltas) during a scripted drag-pan of the canvas. */
async function panFrameTimes(page: Page): Promise<number[]> {
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) throw new Error("no pane");
  const startX = pane.x + pane.width / 2;
  const startY = pane.y + pane.height - 80;
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; recording: boolean };
    w.frames_ = [];
    w.recording = true;
    let prev = performance.now();
    const loop = (now: number) => {
      w.frames_.push(now - prev);
      prev = now;
      if (w.recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  // Three seconds of dragging the canvas upward (scrolling down the lanes) and sideways.
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  const steps = 180;
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    await page.mouse.move(startX - Math.sin(t * Math.PI) * 200, startY - t * 600);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  return page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; recording: boolean };
    w.recording = false;
    return w.frames_.slice(1);
  });
}

/** One measured run in a fresh context: nothing cached in IndexedDB, a cold first render. */
async function measureRun(browser: Browser, ownerLink: string): Promise<Record<string, number>> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => localStorage.setItem("logic-canvas:display-name", "Bench"));
  // tsx compiles with keepNames, which wraps the functions passed to page.evaluate in __name().
  await context.addInitScript("window.__name = (f) => f");
  const page = await context.newPage();
  await page.goto(ownerLink);
  const firstRender = await timeFirstRender(page);
  const frames = await panFrameTimes(page);
  const visibleAfterPan = await page.locator(".react-flow__node").count();
  const sorted = [...frames].sort((a, b) => a - b);
  const dropped = frames.reduce((sum, d) => sum + Math.max(0, Math.round(d / (1000 / 60)) - 1), 0);
  await context.close();
  return {
    timeToFirstRenderMs: round(firstRender.ms),
    scriptLoadedAtMs: round(firstRender.scriptMs),
    documentSyncedAtMs: round(firstRender.syncedMs),
    cardsRenderedAtFirstRender: firstRender.rendered,
    cardsRenderedAfterPan: visibleAfterPan,
    panFrames: frames.length,
    frameP50Ms: round(percentile(sorted, 50)),
    frameP95Ms: round(percentile(sorted, 95)),
    frameMaxMs: round(sorted.at(-1) ?? 0),
    droppedFrames: dropped,
  };
}

async function writeCanvasResult(
  model: ReturnType<typeof generatedModel>,
  runs: Record<string, number>[],
  loadAtStart: number | undefined,
) {
  const median = (key: string) => {
    const values = runs.map((r) => r[key] as number).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)];
  };
  const result = {
    benchmark: "canvas-load",
    date: new Date().toISOString(),
    model: { nodes: model.nodes.length, edges: model.edges.length },
    viewport: "1440x900",
    chromium: "/usr/bin/chromium, headless, --disable-gpu",
    loadAverage1m: { atStart: round(loadAtStart ?? 0), atEnd: round(loadavg()[0] ?? 0) },
    runs,
    median: Object.fromEntries(Object.keys(runs[0] ?? {}).map((k) => [k, median(k)])),
  };
  await mkdir(resolve(root, "bench/results"), { recursive: true });
  await writeFile(
    resolve(root, "bench/results/canvas-load.json"),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log("median:", result.median);
}

async function main() {
  // Frame times on a 2-core machine depend on what else runs; the load is recorded with them.
  const loadAtStart = loadavg()[0];
  const dataDir = await mkdtemp(join(tmpdir(), "logic-canvas-bench-"));
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    dataDir,
    clientDist: resolve(root, "client/dist"),
    logLevel: "warn",
  });
  const browser = await launchChromium();
  const runs: Record<string, number>[] = [];
  const model = generatedModel();
  try {
    const ownerLink = await createBenchModel(server, model);
    for (let run = 0; run < RUNS; run++) {
      runs.push(await measureRun(browser, ownerLink));
      console.log(`run ${run + 1}:`, runs.at(-1));
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  await writeCanvasResult(model, runs, loadAtStart);
}

await main();
