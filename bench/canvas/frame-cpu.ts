import type { CDPSession } from "playwright-core";

/** A trace event as the DevTools protocol reports it. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (µs), beside its wall time `dur`. */
  tdur?: number;
  tid: number;
  pid: number;
  args?: { data?: Record<string, unknown> };
}

const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.frame",
].join(",");

/** Traces `work`; the events of the whole browser. */
export async function traced(cdp: CDPSession, work: () => Promise<unknown>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: unknown[] }) => events.push(...(data.value as TraceEvent[]));
  cdp.on("Tracing.dataCollected", collect);
  const done = new Promise<void>((ok) => cdp.once("Tracing.tracingComplete", () => ok()));
  await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
  try {
    await work();
  } finally {
    await cdp.send("Tracing.end");
    await done;
    cdp.off("Tracing.dataCollected", collect);
  }
  return events;
}

/**
 * The renderer main thread's CPU time per frame: the thread time (`tdur`) of its top-level tasks
 * between one `BeginMainThreadFrame` and the next. Unlike a frame's wall-clock length, it does
 * not grow while the process waits for a core, so on a machine loaded by other work it still
 * says which frames had more work than a frame's budget. Also the self CPU time by trace event
 * (script, style, layout, layerize, paint…) summed over the frames above 16.7 ms.
 */
export function cpuPerFrame(events: TraceEvent[]): {
  frames: number[];
  totalMs: number;
  longFramesBy: Map<string, number>;
} {
  const score = new Map<string, number>();
  for (const e of events)
    if (e.name === "FunctionCall" || e.name === "Layout" || e.name === "UpdateLayoutTree")
      score.set(`${e.pid}:${e.tid}`, (score.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const [main] = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main?.[0]);
  const cpu = (e: TraceEvent) => e.tdur ?? e.dur ?? 0;
  const tasks = mine
    .filter(
      (e) => e.ph === "X" && (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask"),
    )
    .sort((a, b) => a.ts - b.ts);
  const begins = mine
    .filter((e) => e.name === "BeginMainThreadFrame")
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const frames = new Array<number>(Math.max(0, begins.length - 1)).fill(0);
  let j = 0;
  for (const task of tasks) {
    while (j + 1 < begins.length && (begins[j + 1] as number) <= task.ts) j++;
    if (task.ts < (begins[0] ?? 0) || j >= frames.length) continue;
    frames[j] = (frames[j] as number) + cpu(task) / 1000;
  }
  const long: [number, number][] = [];
  frames.forEach((ms, i) => {
    if (ms > 16.7) long.push([begins[i] as number, begins[i + 1] as number]);
  });
  return {
    frames,
    totalMs: tasks.reduce((s, t) => s + cpu(t), 0) / 1000,
    longFramesBy: selfByName(mine, long, cpu),
  };
}

/** Self time (each event's minus its nested children's) by name, within the given spans. */
function selfByName(
  events: TraceEvent[],
  spans: [number, number][],
  cpu: (e: TraceEvent) => number,
): Map<string, number> {
  const sorted = events
    .filter((e) => e.ph === "X")
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: TraceEvent[] = [];
  const self = new Map<TraceEvent, number>();
  for (const e of sorted) {
    while (
      stack.length &&
      (stack.at(-1) as TraceEvent).ts + ((stack.at(-1) as TraceEvent).dur ?? 0) <= e.ts
    )
      stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent, (self.get(parent) ?? 0) - cpu(e));
    self.set(e, (self.get(e) ?? 0) + cpu(e));
    stack.push(e);
  }
  const byName = new Map<string, number>();
  for (const [e, us] of self)
    if (spans.some(([from, to]) => e.ts >= from && e.ts < to))
      byName.set(e.name, (byName.get(e.name) ?? 0) + us / 1000);
  return byName;
}
