import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { launchChromium } from "./canvas/page.ts";
import { buildDistrict } from "./cascade-rollup.ts";
import type { Flags } from "./lib/args.ts";
import { writeResult } from "./lib/machine.ts";
import { round, summarize } from "./lib/stats.ts";
import { type Launched, launch } from "./lib/targets.ts";

export const description =
  "Issue 16: the workspace progress page of a generated 500-model district (10,000 goals) in headless Chromium, navigation to the first rows drawn (needs a client build; --dist a,b compares builds)";

const OWN_DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "client", "dist");

/** One fetched file or API call in the page's clock (0 = navigation start). */
interface Fetched {
  name: string;
  start: number;
  end: number;
}

/**
 * CPU seconds the browser's renderer processes have used (the operating system's count, so
 * time the processes wait for a core is not in it, unlike every clock in the page).
 */
async function rendererCpu(browser: Browser): Promise<number> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await session.send("SystemInfo.getProcessInfo")) as {
      processInfo: { type: string; cpuTime: number }[];
    };
    return processInfo.filter((p) => p.type === "renderer").reduce((t, p) => t + p.cpuTime, 0);
  } finally {
    await session.detach();
  }
}

/** Navigation start to the progress table's first row in the page, and the answer's size. */
async function loadOnce(browser: Browser, base: string, cookie: string, districtId: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
      }),
    );
    const page = await context.newPage();
    let wire = 0;
    let decoded = 0;
    page.on("response", async (response) => {
      if (!response.url().includes("/cascade/progress")) return;
      // The live stream's reread may end after the page has closed: its size is not wanted.
      try {
        const sizes = await response.request().sizes();
        wire = sizes.responseBodySize;
        decoded = (await response.body()).byteLength;
      } catch {}
    });
    // The page's main-thread CPU (script, layout, all tasks): less at the mercy of other
    // processes than the wall clock, on a machine others share.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const cpuBefore = await rendererCpu(browser);
    await page.goto(`${base}/workspaces/${districtId}/progress`);
    // The page's own clock at the first animation frame with a row in it: read in the page, not
    // after a round trip to Playwright, which on a loaded machine adds its own wait.
    const drawn = await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="workspace-progress"] tbody tr')
          ? performance.now()
          : false,
      undefined,
      { polling: "raf", timeout: 60_000 },
    );
    const ms = (await drawn.jsonValue()) as number;
    // Where the time goes: every script and API call in the page's own clock.
    const timeline = await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((e) => /\/assets\/|\/api\//.test(e.name))
        .map((e) => ({
          name: new URL(e.name).pathname.replace(/\/workspaces\/[^/]+/, "/workspaces/…"),
          start: e.startTime,
          sent: e.requestStart,
          firstByte: e.responseStart,
          end: e.responseEnd,
        })),
    );
    const answer = timeline.find((e) => e.name.includes("/cascade/progress"));
    const request = answer
      ? { sentAt: answer.sent, firstByteAt: answer.firstByte, doneAt: answer.end }
      : null;
    const rendererCpuMs = round(((await rendererCpu(browser)) - cpuBefore) * 1000, 1);
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name: string) =>
      round((metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000, 1);
    const cpu = {
      rendererCpuMs,
      scriptMs: metric("ScriptDuration"),
      taskMs: metric("TaskDuration"),
      layoutMs: metric("LayoutDuration"),
    };
    const scriptBytes = await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((e) => e.name.endsWith(".js"))
        .reduce((sum, e) => sum + e.decodedBodySize, 0),
    );
    const rows = await page.locator('[data-testid="workspace-progress"] tbody tr').count();
    const fetched: Fetched[] = timeline.map((e) => ({
      name: e.name,
      start: round(e.start, 1),
      end: round(e.end, 1),
    }));
    return { ms, rows, wire, decoded, request, fetched, cpu, scriptBytes };
  } finally {
    await context.close();
  }
}

type Load = Awaited<ReturnType<typeof loadOnce>>;

function figuresOf(first: Load, loads: Load[]) {
  const part = (pick: (r: NonNullable<Load["request"]>) => number) =>
    summarize(loads.flatMap((l) => (l.request ? [pick(l.request)] : [])));
  const last = loads[loads.length - 1] ?? first;
  return {
    firstLoadMs: round(first.ms, 1),
    toFirstRowsMs: summarize(loads.map((l) => l.ms)),
    /** The least disturbed load, on a machine others share. */
    toFirstRowsMinMs: round(Math.min(...loads.map((l) => l.ms)), 1),
    /** Request sent, first byte and last byte of the progress answer (page clock). */
    answerSentAtMs: part((r) => r.sentAt),
    answerFirstByteAtMs: part((r) => r.firstByteAt),
    answerDoneAtMs: part((r) => r.doneAt),
    /** CPU time of the renderer (the OS's count), and the page's main-thread busy time
     * (Chromium's counters, a clock) by the time the rows were drawn. */
    rendererCpuMs: summarize(loads.map((l) => l.cpu.rendererCpuMs)),
    rendererCpuMinMs: round(Math.min(...loads.map((l) => l.cpu.rendererCpuMs)), 1),
    pageScriptCpuMs: summarize(loads.map((l) => l.cpu.scriptMs)),
    pageTaskCpuMs: summarize(loads.map((l) => l.cpu.taskMs)),
    /** JavaScript the page had fetched (decoded bytes) once its rows were drawn. */
    scriptBytes: last.scriptBytes,
    rowsDrawn: last.rows,
    answerBytesOnWire: last.wire,
    answerBytesDecoded: last.decoded,
    /** The last load's scripts and API calls, start and end in the page's clock. */
    lastLoadTimeline: last.fetched,
    targetMs: 1000,
  };
}

function describe(f: ReturnType<typeof figuresOf>): string {
  const s = f.toFirstRowsMs;
  const lines = f.lastLoadTimeline.map((e) => `      ${e.start} → ${e.end} ms  ${e.name}`);
  return [
    `  progress page: first ${f.firstLoadMs} ms, then p50 ${s.p50} ms (max ${s.max}); answer asked at p50 ${f.answerSentAtMs.p50} ms, first byte ${f.answerFirstByteAtMs.p50} ms, done ${f.answerDoneAtMs.p50} ms; ${f.rowsDrawn} rows drawn; answer ${f.answerBytesOnWire} bytes on the wire, ${f.answerBytesDecoded} decoded`,
    `  by then: renderer CPU p50 ${f.rendererCpuMs.p50} ms (min ${f.rendererCpuMinMs}); page main thread script p50 ${f.pageScriptCpuMs.p50} ms, all tasks p50 ${f.pageTaskCpuMs.p50} ms; ${f.scriptBytes} bytes of JavaScript fetched; first rows min ${f.toFirstRowsMinMs} ms`,
    "    last load:",
    ...lines,
  ].join("\n");
}

export async function run(flags: Flags): Promise<void> {
  const models = flags.number("models", 500);
  const goalsPer = flags.number("goals", 20);
  const schools = flags.number("schools", 10);
  const teamsPerSchool = flags.number("teams", 6);
  const repeats = flags.number("repeats", 5);
  // `--dist <folder>[,<folder>…]`: other client builds (say main's) on the same machine, each
  // with its own server and district, the builds taking turns load by load.
  const dists = flags.strings("dist", [OWN_DIST]).map((d) => resolve(d));
  for (const dist of dists)
    if (!existsSync(join(dist, "index.html")))
      throw new Error(`${dist}/index.html is missing: build the client first`);
  const launchedAll: Launched[] = [];
  const servers: { dist: string; launched: Launched; cookie: string; district: string }[] = [];
  const browser = await launchChromium();
  try {
    for (const dist of dists) {
      const launched = await launch("ours", {
        env: { API_REQUESTS_PER_SECOND: "100000", LOG_LEVEL: "error", CLIENT_DIST: dist },
      });
      launchedAll.push(launched);
      const base = `http://127.0.0.1:${launched.server.port}`;
      const built = await buildDistrict(base, schools, teamsPerSchool, models, goalsPer);
      servers.push({ dist, launched, ...built });
      console.log(`  district of ${models} models × ${goalsPer} goals built (${dist})`);
    }
    const loadsOf = servers.map(() => [] as Load[]);
    const firsts: Load[] = [];
    for (let i = 0; i <= repeats; i++)
      for (const [k, s] of servers.entries()) {
        const base = `http://127.0.0.1:${s.launched.server.port}`;
        const load = await loadOnce(browser, base, s.cookie, s.district);
        if (i === 0) firsts.push(load);
        else loadsOf[k]?.push(load);
      }
    const results = servers.map((s, k) => {
      const figures = figuresOf(firsts[k] as Load, loadsOf[k] ?? []);
      console.log(`  build ${s.dist}\n${describe(figures)}`);
      return { build: s.dist, ...figures };
    });
    const parameters = { models, goalsPer, schools, teamsPerSchool, repeats, viewport: "1440x900" };
    const path =
      dists.length > 1
        ? writeResult("cascade-progress-page.ab", { ...parameters, builds: dists }, results)
        : writeResult("cascade-progress-page", parameters, results[0] as object);
    console.log(`  wrote ${path}`);
  } finally {
    await browser.close();
    for (const launched of launchedAll) await launched.stop();
  }
}
