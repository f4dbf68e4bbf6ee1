/**
 * What stands between navigation and the first cards (issue 14), load by load: a Chromium trace
 * of a cold page load of a generated model (default 1,000 cards) from before navigation to the
 * synced document, printed as a timeline from navigation start: each request of the page (HTML,
 * scripts, the early canvas snapshot, who is signed in, the model) from sent to finished, each
 * main-thread task over `--min-task` ms (default 8) with what took it (script evaluation by file,
 * JSON parsing, layout, …), the first cards (every card in view drawn) and the sync ("Saved").
 * With `--profile`, a CPU profile of the same span summarised by function (self and total time:
 * build the client with `--minify false` for names). `--settle <s>` waits between creating the
 * model and loading it (0: at once, as canvas-load does, while the server may still prime its
 * snapshot). Run: npx tsx bench/canvas-load-timeline.ts [--cards 1000] [--loads 2] [--dist dir]
 *      [--settle 0] [--profile]
 * TRACE_DUMP=<file> writes the raw trace events, PROFILE_DUMP=<prefix> each load's CPU profile.
 */
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CDPSession } from "playwright-core";
import type { TraceEvent } from "./canvas/frame-cpu.ts";
import { canvasModel } from "./canvas/model.ts";
import { type FirstCards, launchChromium, openCanvas } from "./canvas/page.ts";
import { type CpuProfile, summarise } from "./canvas/profile-summary.ts";
import { createModel } from "./canvas/scenario.ts";
import { type Flags, runIfStarted } from "./lib/args.ts";
import { launch } from "./lib/targets.ts";

const OWN_DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "client", "dist");

const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8.execute",
  "v8",
  "blink.user_timing",
  "loading",
].join(",");

async function traced<T>(cdp: CDPSession, work: () => Promise<T>) {
  const events: TraceEvent[] = [];
  const dump = process.env.TRACE_DUMP;
  if (dump) cdp.on("Tracing.tracingComplete", () => writeFileSync(dump, JSON.stringify(events)));
  cdp.on("Tracing.dataCollected", (data) =>
    events.push(...(data.value as unknown as TraceEvent[])),
  );
  const done = new Promise<void>((ok) => cdp.once("Tracing.tracingComplete", () => ok()));
  await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
  const result = await work();
  await cdp.send("Tracing.end");
  await done;
  return { events, result };
}

const ms = (us: number) => Math.round(us / 100) / 10;
const short = (url: unknown) =>
  String(url ?? "")
    .replace(/^https?:\/\/[^/]+/, "")
    .replace(/#.*$/, "")
    .replace(/\?.*$/, "")
    .slice(0, 60);

/** The page's own navigation (the browser's new-tab and omnibox pages have theirs too). */
function navigation(events: TraceEvent[]) {
  const nav = events.find(
    (e) =>
      e.name === "navigationStart" &&
      String(e.args?.data?.documentLoaderURL ?? "").startsWith("http"),
  );
  if (!nav) throw new Error("no navigation of the page in the trace");
  // The renderer's main thread has the process's id.
  return { t0: nav.ts, pid: nav.pid, tid: nav.tid };
}

/** The requests of the page, from sent to finished, by request id. */
function requests(events: TraceEvent[], t0: number) {
  const byId = new Map<string, { url: string; sent: number; end?: number }>();
  for (const e of events) {
    const d = e.args?.data;
    const id = d?.requestId as string | undefined;
    if (!id) continue;
    if (e.name === "ResourceSendRequest" && String(d?.url).startsWith("http") && e.ts >= t0)
      byId.set(id, { url: short(d?.url), sent: ms(e.ts - t0) });
    if (e.name === "ResourceFinish") {
      const r = byId.get(id);
      if (r) r.end = ms(e.ts - t0);
    }
  }
  return [...byId.values()];
}

/** What took a task: its longest children by name (script evaluation by file). */
function inside(task: TraceEvent, mine: TraceEvent[]): string {
  const end = task.ts + (task.dur ?? 0);
  const parts = new Map<string, number>();
  for (const e of mine) {
    if (e === task || e.ts < task.ts || e.ts >= end || e.ph !== "X") continue;
    const d = e.args?.data;
    const key =
      e.name === "EvaluateScript" || e.name === "v8.compileModule" || e.name === "v8.compile"
        ? `${e.name} ${short(d?.url ?? (e.args as { fileName?: string })?.fileName)}`
        : e.name === "FunctionCall"
          ? `FunctionCall ${short(d?.url)}:${d?.lineNumber ?? ""}`
          : e.name;
    if (["RunTask", "ThreadControllerImpl::RunTask"].includes(e.name)) continue;
    parts.set(key, Math.max(parts.get(key) ?? 0, e.dur ?? 0));
  }
  return [...parts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([k, us]) => `${k} ${ms(us)}`)
    .join(" | ");
}

function timeline(events: TraceEvent[], first: FirstCards, minTask: number): number {
  const { t0, pid, tid } = navigation(events);
  const mine = events.filter((e) => e.pid === pid && e.tid === tid);
  const lines: [number, string][] = [];
  for (const r of requests(events, t0))
    lines.push([r.sent, `request ${r.url} sent; finished ${r.end ?? "?"} ms`]);
  const tasks = mine.filter(
    (e) => e.name === "RunTask" && e.ts >= t0 && (e.dur ?? 0) >= minTask * 1000,
  );
  // Wall time in tasks, and the thread's own CPU time in them (`tdur`): on a loaded machine a
  // task's wall time counts the time the thread waited for a core, its CPU time does not.
  let busy = 0;
  let cpu = 0;
  for (const t of mine)
    if (t.name === "RunTask" && t.ts >= t0 && t.ts - t0 < first.ms * 1000) {
      busy += t.dur ?? 0;
      cpu += t.tdur ?? 0;
    }
  for (const t of tasks)
    lines.push([ms(t.ts - t0), `task ${ms(t.dur ?? 0)} ms: ${inside(t, mine)}`]);
  for (const e of mine)
    if (e.name === "GCEvent" || e.name === "MajorGC" || e.name === "MinorGC")
      if ((e.dur ?? 0) > 5000) lines.push([ms(e.ts - t0), `${e.name} ${ms(e.dur ?? 0)} ms`]);
  lines.push([first.ms, `FIRST CARDS (${first.inView} in view)`]);
  lines.push([first.savedMs, "SAVED (document synced)"]);
  lines.sort((a, b) => a[0] - b[0]);
  console.log(
    `  main thread busy before the first cards: ${ms(busy)} ms (its CPU time: ${ms(cpu)} ms)`,
  );
  for (const [at, text] of lines) console.log(`  ${at.toFixed(1).padStart(8)}  ${text}`);
  return t0;
}

export async function run(flags: Flags): Promise<void> {
  const cards = flags.number("cards", 1000);
  const loads = flags.number("loads", 2);
  const settle = flags.number("settle", 0);
  const minTask = flags.number("min-task", 8);
  const profile = flags.has("profile");
  const [dist = OWN_DIST] = flags.strings("dist", [OWN_DIST]);
  const server = await launch("ours", { env: { CLIENT_DIST: resolve(dist) } });
  const browser = await launchChromium();
  try {
    const { file, places } = canvasModel(cards);
    const created = await createModel(server.server.port, file);
    if (settle > 0) await new Promise((ok) => setTimeout(ok, settle * 1000));
    for (let i = 0; i < loads; i++) {
      // Tracing belongs to the browser, so the session is the browser's: it sees the new page.
      const cdp = await browser.newBrowserCDPSession();
      let cpu: CpuProfile | undefined;
      const { events, result } = await traced(cdp, () =>
        openCanvas(browser, created.ownerLink, places, async (page) => {
          if (!profile) return async () => undefined;
          const session = await page.context().newCDPSession(page);
          await session.send("Profiler.enable");
          await session.send("Profiler.setSamplingInterval", { interval: 200 });
          await session.send("Profiler.start");
          return async () => {
            cpu = ((await session.send("Profiler.stop")) as unknown as { profile: CpuProfile })
              .profile;
          };
        }),
      );
      await cdp.detach();
      console.log(`\n== load ${i + 1} of ${cards} cards (${dist})`);
      const t0 = timeline(events, result.first, minTask);
      if (cpu && process.env.PROFILE_DUMP)
        writeFileSync(
          `${process.env.PROFILE_DUMP}-${i + 1}.json`,
          JSON.stringify({ profile: cpu, from: t0, to: t0 + result.first.ms * 1000 }),
        );
      if (cpu) {
        const s = summarise(cpu, 25, { from: t0, to: t0 + result.first.ms * 1000 });
        console.log(
          `  profile to the first cards: ${s.totalMs} ms sampled, ${s.idleMs} idle, ${s.gcMs} GC`,
        );
        for (const f of s.self.slice(0, 20)) console.log(`    self ${f.ms} ms  ${f.fn}`);
        for (const f of s.total.slice(0, 25)) console.log(`    total ${f.ms} ms  ${f.fn}`);
      }
      await result.context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

runIfStarted(import.meta.url, run);
