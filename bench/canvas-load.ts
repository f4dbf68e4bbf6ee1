/**
 * Browser benchmark of the canvas (issue 14): generated models of 1,000 cards with 1,600 links
 * and 5,000 cards with 8,000 links (bench/canvas/model.ts) are created through the API of our
 * server (its own process) and opened in the system Chromium at 1440×900. For each:
 * - time to first cards: navigation start → the first frame whose DOM holds every card the
 *   viewport shows (or a drawing surface drew as many), median of cold page loads;
 * - pan frames: requestAnimationFrame deltas during scripted drag-pans down the lanes into rows
 *   not drawn yet, at the opening zoom; p95, max, frames over 16.7 and 33 ms;
 * - the same pans while another person (a Node provider with an editor token) drags a card in
 *   view at 12 moves per second, interleaved with the plain pans;
 * - the JS heap after a full GC, after load and after `--pan-seconds` more of panning;
 * - zoomed-out pans at the canvas's minimum zoom (0.1), most of a lane's length in view.
 * Run: npm run bench canvas-load -- [--sizes 1000,5000] [--pan-seconds 60] [--repeats 3]
 *      [--drags 6] [--rounds 2] [--zoomed-out 0.1] [--remote-rate 12] [--dist a,b]
 * or standalone: npx tsx bench/canvas-load.ts [same flags]. Needs client/dist (build the client).
 * Writes bench/results/canvas-load.json (canvas-load.ab.json for several builds).
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "./canvas/page.ts";
import { describeSize, type SizeFigures, targetsFor } from "./canvas/report.ts";
import { measureSize, type Options } from "./canvas/scenario.ts";
import { type Flags, runIfStarted } from "./lib/args.ts";
import { writeResult } from "./lib/machine.ts";
import { launch } from "./lib/targets.ts";

export const description =
  "Canvas in Chromium at 1,000 and 5,000 cards: time to first cards, pan and zoomed-out pan frame p95, heap growth, pan during a remote drag";

const OWN_DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "client", "dist");

export async function run(flags: Flags): Promise<void> {
  // `--dist <folder>[,<folder>…]` measures other client builds (say main's) for a before/after
  // on this run's machine and server, size by size, the builds taking turns; by default this
  // checkout's build.
  const dists = flags.strings("dist", [OWN_DIST]).map((d) => resolve(d));
  await measure(flags, dists);
}

async function measure(flags: Flags, dists: string[]): Promise<void> {
  const sizes = flags.numbers("sizes", [1000, 5000]);
  const options: Options = {
    repeats: flags.number("repeats", 3),
    drags: flags.number("drags", 6),
    rounds: flags.number("rounds", 2),
    panSeconds: flags.number("pan-seconds", 60),
    zoomedOut: flags.number("zoomed-out", 0.1),
    remoteRate: flags.number("remote-rate", 12),
  };
  for (const dist of dists)
    if (!existsSync(join(dist, "index.html")))
      throw new Error(
        `${dist}/index.html is missing: build the client first (node scripts/pnpm.mjs --filter @logic-canvas/client build)`,
      );
  // Our server exactly as `npm start` builds it, in its own process (one per build); the
  // bench/servers/ours.ts raises the 2,000-card cap on files sent to the API so the 5,000-card
  // model can be created.
  const servers = [];
  for (const dist of dists)
    servers.push({ dist, launched: await launch("ours", { env: { CLIENT_DIST: dist } }) });
  const browser = await launchChromium();
  const results: (SizeFigures & { build: string })[] = [];
  const parameters = {
    sizes,
    builds: dists,
    ...options,
    viewport: "1440x900",
    chromium: "/usr/bin/chromium, headless, --disable-gpu",
    server: "our server in its own process (bench/servers/ours.ts), SQLite",
    targets: Object.fromEntries(sizes.map((s) => [s, targetsFor(s)])),
  };
  const name = dists.length > 1 ? "canvas-load.ab" : "canvas-load";
  try {
    for (const cards of sizes)
      for (const { dist, launched } of servers) {
        console.log(`  ${cards} cards, build ${dist} …`);
        const figures = await measureSize(browser, launched.server.port, cards, options);
        results.push({ build: dist, ...figures });
        console.log(describeSize(figures));
        // Written after every size, so a long run stopped part-way keeps what it measured.
        const path = writeResult(name, parameters, { sizes: results });
        console.log(`  → ${path}`);
      }
  } finally {
    await browser.close();
    for (const { launched } of servers) await launched.stop();
  }
}

// Standalone: `npx tsx bench/canvas-load.ts --sizes 1000`.
runIfStarted(import.meta.url, run);
