/**
 * Main-thread CPU per pan frame (issue 14), for a before/after on a loaded machine: on a
 * generated model (default 1,000 cards) in the system Chromium at 1440×900, each build's page
 * pans `--drags` scripted drag-pans per round (bench/canvas/pan.ts), the builds taking turns for
 * `--rounds` rounds, with `--remote` while another person drags a card at 12 moves per second.
 * Each frame's figure is the renderer main thread's CPU time (trace thread time, not wall time:
 * bench/canvas/frame-cpu.ts), so a neighbour's load lengthens the frames canvas-load times but
 * hardly these. Prints per build: frames, CPU per frame p50/p95/max, frames over 16.7 and 33 ms
 * of CPU, total CPU, the wall-clock frames beside them, and what the long frames spent CPU on.
 * Run: npx tsx bench/canvas-frame-cpu.ts --dist a,b [--cards 1000] [--rounds 3] [--drags 6]
 *      [--remote]
 */
import { loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cpuPerFrame, traced } from "./canvas/frame-cpu.ts";
import { canvasModel } from "./canvas/model.ts";
import { launchChromium, openCanvas } from "./canvas/page.ts";
import { Panner } from "./canvas/pan.ts";
import { startRemoteDrag } from "./canvas/remote.ts";
import { createModel } from "./canvas/scenario.ts";
import { type Flags, runIfStarted } from "./lib/args.ts";
import { launch } from "./lib/targets.ts";

const OWN_DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "client", "dist");

const at = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * q)] ?? 0;
const fixed = (n: number) => n.toFixed(1);

async function openBuild(dist: string, cards: number) {
  const launched = await launch("ours", { env: { CLIENT_DIST: resolve(dist) } });
  const browser = await launchChromium();
  const { file, rows, places } = canvasModel(cards);
  const created = await createModel(launched.server.port, file);
  const { context, page } = await openCanvas(browser, created.ownerLink, places);
  await page.waitForTimeout(1500);
  const panner = new Panner(page, rows);
  await panner.measure({ drags: 2 }); // warm-up
  const target = {
    kind: "ours" as const,
    port: launched.server.port,
    docName: created.id,
    token: created.editorToken,
  };
  const cdp = await context.newCDPSession(page);
  const close = async () => {
    await browser.close();
    await launched.stop();
  };
  return { dist, panner, target, cdp, close, cpu: [] as number[], wall: [] as number[], total: 0 };
}

export async function run(flags: Flags): Promise<void> {
  const cards = flags.number("cards", 1000);
  const rounds = flags.number("rounds", 3);
  const drags = flags.number("drags", 6);
  const remote = flags.has("remote");
  const builds = [];
  try {
    for (const dist of flags.strings("dist", [OWN_DIST])) builds.push(await openBuild(dist, cards));
    const longBy = new Map<string, Map<string, number>>();
    for (let r = 0; r < rounds; r++)
      for (const b of r % 2 ? [...builds].reverse() : builds) {
        const dragger = remote
          ? await startRemoteDrag(b.target, "n2-0", () => b.panner.centreY, 12)
          : undefined;
        let wall: number[] = [];
        const events = await traced(b.cdp, async () => {
          wall = (await b.panner.measure({ drags })).frames;
        });
        await dragger?.stop();
        const figures = cpuPerFrame(events);
        b.cpu.push(...figures.frames);
        b.wall.push(...wall);
        b.total += figures.totalMs;
        const by = longBy.get(b.dist) ?? new Map<string, number>();
        for (const [name, ms] of figures.longFramesBy) by.set(name, (by.get(name) ?? 0) + ms);
        longBy.set(b.dist, by);
      }
    for (const b of builds) {
      const over = (values: number[], ms: number) => values.filter((v) => v > ms).length;
      console.log(
        `${b.dist} (${cards} cards${remote ? ", remote drag" : ""}): ${b.cpu.length} frames, CPU per frame p50 ${fixed(at(b.cpu, 0.5))} p95 ${fixed(at(b.cpu, 0.95))} max ${fixed(Math.max(...b.cpu))} ms, over 16.7 ms ${over(b.cpu, 16.7)}, over 33 ms ${over(b.cpu, 33.3)}, total ${Math.round(b.total)} ms | wall p95 ${fixed(at(b.wall, 0.95))}, over 17.7 ${over(b.wall, 17.7)}, over 34.3 ${over(b.wall, 34.3)} of ${b.wall.length}`,
      );
      const top = [...(longBy.get(b.dist) ?? [])].sort((x, y) => y[1] - x[1]).slice(0, 8);
      console.log(
        `  long frames' CPU: ${top.map(([n, ms]) => `${n} ${Math.round(ms)}`).join(", ")}`,
      );
    }
    console.log(`load average ${loadavg().map(fixed).join(" ")}`);
  } finally {
    for (const b of builds) await b.close();
  }
}

runIfStarted(import.meta.url, run);
