/**
 * A Chromium trace of panning (issue 14: what takes the frame). Where `canvas-profile.ts` samples
 * JavaScript only, a trace also shows style recalculation, layout, paint and the compositor, and
 * each frame's length: on a generated model (default 1,000 cards) in the system Chromium at
 * 1440×900 it records `--drags` scripted drag-pans at the opening zoom (and, with `--remote`,
 * while another person drags a card at 12 moves per second) and prints the main thread's busy time
 * by event (top-level tasks' children: FunctionCall, UpdateLayoutTree, Layout, Paint, …), the frame
 * deltas (mean, p95, frames over 16.7 and 33.4 ms) and the longest tasks.
 * Run: npx tsx bench/canvas-trace.ts [--cards 1000] [--dist a,b] [--drags 6] [--remote]
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CDPSession } from "playwright-core";
import { canvasModel } from "./canvas/model.ts";
import { launchChromium, openCanvas } from "./canvas/page.ts";
import { Panner } from "./canvas/pan.ts";
import { startRemoteDrag } from "./canvas/remote.ts";
import { createModel } from "./canvas/scenario.ts";
import { type Flags, runIfStarted } from "./lib/args.ts";
import { launch } from "./lib/targets.ts";

const OWN_DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "client", "dist");

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { frame?: string; nodeName?: string; reason?: string } };
}

const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.frame",
  "v8.execute",
  "blink.user_timing",
  // What made the frames paint or lay out again, by element and reason (`--invalidations`).
  ...(process.argv.includes("--invalidations")
    ? ["disabled-by-default-devtools.timeline.invalidationTracking"]
    : []),
].join(",");

async function traced(cdp: CDPSession, work: () => Promise<unknown>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (data) =>
    events.push(...(data.value as unknown as TraceEvent[])),
  );
  const done = new Promise<void>((ok) => cdp.once("Tracing.tracingComplete", () => ok()));
  await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
  await work();
  await cdp.send("Tracing.end");
  await done;
  return events;
}

/** The renderer main thread: the thread with the most `RunTask` time that runs `FunctionCall`s. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const score = new Map<string, number>();
  for (const e of events)
    if (e.name === "UpdateLayoutTree" || e.name === "Layout")
      score.set(`${e.pid}:${e.tid}`, (score.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const [best] = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const [pid, tid] = (best?.[0] ?? "0:0").split(":").map(Number);
  return { pid: pid ?? 0, tid: tid ?? 0 };
}

const round = (n: number) => Math.round(n * 10) / 10;

function summarise(events: TraceEvent[], frames: number[]) {
  const { pid, tid } = mainThread(events);
  const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X");
  const tasks = mine.filter(
    (e) => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask",
  );
  const busy = tasks.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
  // Self time per event name: each event's duration minus its children's (nested X events).
  const byName = new Map<string, number>();
  const sorted = [...mine].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: TraceEvent[] = [];
  const self = new Map<TraceEvent, number>();
  for (const e of sorted) {
    while (stack.length && (stack.at(-1)?.ts ?? 0) + (stack.at(-1)?.dur ?? 0) <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent, (self.get(parent) ?? 0) - (e.dur ?? 0));
    self.set(e, (self.get(e) ?? 0) + (e.dur ?? 0));
    stack.push(e);
  }
  for (const [e, us] of self) byName.set(e.name, (byName.get(e.name) ?? 0) + us / 1000);
  const top = [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 18);
  const long = tasks
    .map((e) => (e.dur ?? 0) / 1000)
    .sort((a, b) => b - a)
    .slice(0, 10)
    .map(round);
  const invalidations = new Map<string, number>();
  for (const e of events)
    if (e.name.endsWith("InvalidationTracking")) {
      const key = `${e.name} ${e.args?.data?.reason ?? ""} ${e.args?.data?.nodeName ?? ""}`;
      invalidations.set(key, (invalidations.get(key) ?? 0) + 1);
    }
  const layerizeCount = mine.filter((e) => e.name === "Layerize").length;
  const paintCount = mine.filter((e) => e.name === "Paint").length;
  const sortedFrames = [...frames].sort((a, b) => a - b);
  const mean = frames.reduce((s, f) => s + f, 0) / (frames.length || 1);
  return {
    busyMs: round(busy),
    selfByEvent: top.map(([name, ms]) => ({ name, ms: round(ms) })),
    longestTasksMs: long,
    counts: { layerize: layerizeCount, paint: paintCount },
    invalidations: [...invalidations.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25),
    tasksOver16ms: tasks.filter((e) => (e.dur ?? 0) > 16_700).length,
    frames: {
      count: frames.length,
      meanMs: round(mean),
      p95: round(sortedFrames[Math.floor(sortedFrames.length * 0.95)] ?? 0),
      over16_7: frames.filter((f) => f > 17.5).length,
      over33: frames.filter((f) => f > 34).length,
    },
  };
}

export async function run(flags: Flags): Promise<void> {
  const cards = flags.number("cards", 1000);
  const drags = flags.number("drags", 6);
  const remote = flags.has("remote");
  const dists = flags.strings("dist", [OWN_DIST]).map((d) => resolve(d));
  const browser = await launchChromium();
  try {
    for (const dist of dists) {
      const server = await launch("ours", { env: { CLIENT_DIST: dist } });
      try {
        const { file, rows, places } = canvasModel(cards);
        const created = await createModel(server.server.port, file);
        const { context, page } = await openCanvas(browser, created.ownerLink, places);
        await page.waitForTimeout(1500);
        const panner = new Panner(page, rows);
        await panner.measure({ drags: 2 }); // warm-up
        const dragger = remote
          ? await startRemoteDrag(
              {
                kind: "ours",
                port: server.server.port,
                docName: created.id,
                token: created.editorToken,
              },
              "n2-0",
              () => panner.centreY,
              12,
            )
          : undefined;
        const cdp = await context.newCDPSession(page);
        let frames: number[] = [];
        const events = await traced(cdp, async () => {
          frames = (await panner.measure({ drags })).frames;
        });
        await dragger?.stop();
        await context.close();
        console.log(`\n== ${dist} (${cards} cards${remote ? ", remote drag" : ""})`);
        console.log(JSON.stringify(summarise(events, frames), null, 1));
      } finally {
        await server.stop();
      }
    }
  } finally {
    await browser.close();
  }
}

runIfStarted(import.meta.url, run);
