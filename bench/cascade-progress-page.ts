import type { Browser } from "playwright-core";
import { launchChromium } from "./canvas/page.ts";
import { buildDistrict } from "./cascade-rollup.ts";
import type { Flags } from "./lib/args.ts";
import { writeResult } from "./lib/machine.ts";
import { round, summarize } from "./lib/stats.ts";
import { launch } from "./lib/targets.ts";

export const description =
  "Issue 16: the workspace progress page of a generated 500-model district (10,000 goals) in headless Chromium, navigation to the first rows drawn (needs a client build)";

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
      const sizes = await response.request().sizes();
      wire = sizes.responseBodySize;
      decoded = (await response.body()).byteLength;
    });
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
    // Where the time goes: the answer's request in the page's own clock (0 = navigation start).
    const request = await page.evaluate(() => {
      const entry = performance
        .getEntriesByType("resource")
        .find((e) => e.name.includes("/cascade/progress")) as PerformanceResourceTiming | undefined;
      return entry
        ? {
            sentAt: entry.requestStart,
            firstByteAt: entry.responseStart,
            doneAt: entry.responseEnd,
          }
        : null;
    });
    const rows = await page.locator('[data-testid="workspace-progress"] tbody tr').count();
    return { ms, rows, wire, decoded, request };
  } finally {
    await context.close();
  }
}

export async function run(flags: Flags): Promise<void> {
  const models = flags.number("models", 500);
  const goalsPer = flags.number("goals", 20);
  const schools = flags.number("schools", 10);
  const teamsPerSchool = flags.number("teams", 6);
  const repeats = flags.number("repeats", 5);
  const launched = await launch("ours", {
    env: { API_REQUESTS_PER_SECOND: "100000", LOG_LEVEL: "error" },
  });
  const browser = await launchChromium();
  try {
    const base = `http://127.0.0.1:${launched.server.port}`;
    const { cookie, district } = await buildDistrict(
      base,
      schools,
      teamsPerSchool,
      models,
      goalsPer,
    );
    console.log(`  district of ${models} models × ${goalsPer} goals built`);
    const first = await loadOnce(browser, base, cookie, district);
    const loads: Awaited<ReturnType<typeof loadOnce>>[] = [];
    for (let i = 0; i < repeats; i++) loads.push(await loadOnce(browser, base, cookie, district));
    const summary = summarize(loads.map((l) => l.ms));
    const part = (pick: (r: NonNullable<(typeof loads)[number]["request"]>) => number) =>
      summarize(loads.flatMap((l) => (l.request ? [pick(l.request)] : [])));
    const last = loads[loads.length - 1] ?? first;
    const figures = {
      firstLoadMs: round(first.ms, 1),
      toFirstRowsMs: summary,
      /** Request sent, first byte and last byte of the progress answer (page clock). */
      answerSentAtMs: part((r) => r.sentAt),
      answerFirstByteAtMs: part((r) => r.firstByteAt),
      answerDoneAtMs: part((r) => r.doneAt),
      rowsDrawn: last.rows,
      answerBytesOnWire: last.wire,
      answerBytesDecoded: last.decoded,
      targetMs: 1000,
    };
    console.log(
      `  progress page: first ${round(first.ms, 1)} ms, then p50 ${summary.p50} ms (max ${summary.max}); answer asked at p50 ${figures.answerSentAtMs.p50} ms, first byte ${figures.answerFirstByteAtMs.p50} ms, done ${figures.answerDoneAtMs.p50} ms; ${last.rows} rows drawn; answer ${last.wire} bytes on the wire, ${last.decoded} decoded`,
    );
    const path = writeResult(
      "cascade-progress-page",
      { models, goalsPer, schools, teamsPerSchool, repeats, viewport: "1440x900" },
      figures,
    );
    console.log(`  wrote ${path}`);
  } finally {
    await browser.close();
    await launched.stop();
  }
}
