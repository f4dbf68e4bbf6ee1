/**
 * CPU profiles of the canvas (issue 14: "where a target is missed, the profile that shows what
 * stands in the way"). On a generated model (default 5,000 cards, 8,000 links) in the system
 * Chromium at 1440×900, the Chrome DevTools Protocol's sampling profiler records three phases:
 * - load: from navigation to the first cards and the synced document;
 * - pan: scripted drag-pans at the opening zoom (bench/canvas/pan.ts);
 * - remote: the same pans while another person drags a card at 12 moves per second.
 * Each is summarised by self time and total time per function (name, file, line), so the
 * summary names what the main thread spends its time on. Build the client without minifying
 * for readable names: `npx vite build --minify false --outDir /tmp/dist-profile` in client/.
 * Run: npx tsx bench/canvas-profile.ts [--cards 5000] [--dist <folder>] [--drags 6] [--label x]
 *   [--raw <folder>]: also writes each phase's whole profile as `<phase>.cpuprofile`, which
 *   Chromium's DevTools (Performance panel) opens, to see who calls what.
 * Writes bench/results/canvas-profile[.label].json.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CDPSession, Page } from "playwright-core";
import { canvasModel } from "./canvas/model.ts";
import { launchChromium } from "./canvas/page.ts";
import { Panner } from "./canvas/pan.ts";
import { type CpuProfile, summarise } from "./canvas/profile-summary.ts";
import { startRemoteDrag } from "./canvas/remote.ts";
import { createModel } from "./canvas/scenario.ts";
import { type Flags, runIfStarted } from "./lib/args.ts";
import { writeResult } from "./lib/machine.ts";
import { launch } from "./lib/targets.ts";

const OWN_DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "client", "dist");

let rawFolder: string | undefined;

async function profiled<T>(cdp: CDPSession, phase: string, work: () => Promise<T>) {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
  await cdp.send("Profiler.start");
  const result = await work();
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
  if (rawFolder) {
    await mkdir(rawFolder, { recursive: true });
    await writeFile(join(rawFolder, `${phase}.cpuprofile`), JSON.stringify(profile));
  }
  return { result, summary: summarise(profile) };
}

async function pans(page: Page, rows: number, drags: number) {
  const panner = new Panner(page, rows);
  return { panner, record: await panner.measure({ drags }) };
}

export async function run(flags: Flags): Promise<void> {
  const cards = flags.number("cards", 5000);
  const drags = flags.number("drags", 6);
  const [dist = OWN_DIST] = flags.strings("dist", [OWN_DIST]);
  const [label] = flags.strings("label", []);
  [rawFolder] = flags.strings("raw", []);
  const server = await launch("ours", { env: { CLIENT_DIST: resolve(dist) } });
  const browser = await launchChromium();
  try {
    const { file, rows } = canvasModel(cards);
    const created = await createModel(server.server.port, file);
    // Load: a cold context (nothing in IndexedDB), profiled from before navigation.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript("window.__name = (f) => f");
    await context.addInitScript(() => localStorage.setItem("logic-canvas:display-name", "Bench"));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const load = await profiled(cdp, "load", async () => {
      const started = Date.now();
      await page.goto(created.ownerLink);
      await page.waitForSelector(".react-flow__node", { timeout: 120_000 });
      const firstCardMs = Date.now() - started;
      await page.waitForFunction(
        () => document.querySelector("[data-testid=status]")?.textContent?.includes("Saved"),
        null,
        { timeout: 120_000 },
      );
      await page.waitForTimeout(1000);
      return { firstCardMs };
    });
    console.log(`  load profiled (first card ${load.result.firstCardMs} ms); panning …`);
    const pan = await profiled(cdp, "pan", () => pans(page, rows, drags));
    const target = {
      kind: "ours" as const,
      port: server.server.port,
      docName: created.id,
      token: created.editorToken,
    };
    const panner = pan.result.panner;
    const dragger = await startRemoteDrag(target, "n2-0", () => panner.centreY, 12);
    console.log("  pans profiled; now with a remote drag …");
    // A page the remote drag stalls is a finding: the profile up to the stall is kept.
    const remote = await profiled(cdp, "remote", () =>
      panner.measure({ drags }).catch((error: Error) => console.log(`  STALLED: ${error.message}`)),
    );
    const done = await dragger.stop();
    await context.close();
    const results = {
      cards,
      firstCardMs: load.result.firstCardMs,
      load: load.summary,
      pan: pan.summary,
      remote: { ...remote.summary, remoteUpdates: done.updates },
    };
    const path = writeResult(
      label ? `canvas-profile.${label}` : "canvas-profile",
      { cards, drags, dist },
      results,
    );
    for (const [name, s] of Object.entries({
      load: load.summary,
      pan: pan.summary,
      remote: remote.summary,
    })) {
      console.log(`\n== ${name}: ${s.totalMs} ms sampled, ${s.idleMs} ms idle`);
      console.log("  self:");
      for (const f of s.self.slice(0, 15)) console.log(`    ${f.ms} ms  ${f.fn}`);
      console.log("  total:");
      for (const f of s.total.slice(0, 20)) console.log(`    ${f.ms} ms  ${f.fn}`);
    }
    console.log(`→ ${path}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

runIfStarted(import.meta.url, run);
