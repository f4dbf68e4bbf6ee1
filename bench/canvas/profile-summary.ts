/**
 * Summarises a Chrome DevTools Protocol CPU profile (`Profiler.stop`): milliseconds of self time
 * (the function itself on top of the stack) and total time (anywhere on the stack, counted once
 * per sample even when recursive) per function, named by name, file and line.
 */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
  /** Microseconds on the clock of Chromium's trace events. */
  startTime?: number;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  /** Time in garbage collection, the "(garbage collector)" frame. */
  gcMs: number;
  self: { fn: string; ms: number }[];
  total: { fn: string; ms: number }[];
}

const IDLE = new Set(["(idle)", "(program)", "(root)"]);

function nameOf(frame: CpuProfile["nodes"][number]["callFrame"]): string {
  const file = frame.url.split("/").pop() ?? "";
  const name = frame.functionName || "(anonymous)";
  return file ? `${name} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : name;
}

/** `window`: only the samples from `from` to `to` (µs, the trace's clock: `startTime`'s). */
export function summarise(
  profile: CpuProfile,
  top = 40,
  window?: { from: number; to: number },
): ProfileSummary {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  let gcUs = 0;
  let at = profile.startTime ?? 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.from || at > window.to)) return;
    // The delta after a sample is the time it stands for (the first delta is from the start).
    const us = profile.timeDeltas[i + 1] ?? 0;
    totalUs += us;
    const node = byId.get(id);
    if (!node) return;
    const fn = node.callFrame.functionName;
    if (fn === "(idle)") idleUs += us;
    if (fn === "(garbage collector)") gcUs += us;
    if (IDLE.has(fn)) return;
    const key = nameOf(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame || IDLE.has(frame.functionName)) continue;
      const k = nameOf(frame);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  });
  const ms = (us: number) => Math.round(us / 100) / 10;
  const sorted = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, us]) => ({ fn, ms: ms(us) }));
  return {
    totalMs: ms(totalUs),
    idleMs: ms(idleUs),
    gcMs: ms(gcUs),
    self: sorted(self),
    total: sorted(total),
  };
}
