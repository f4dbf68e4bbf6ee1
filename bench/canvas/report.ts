import { round, summarize } from "../lib/stats.ts";
import type { FirstCards } from "./page.ts";
import type { PanRecord } from "./pan.ts";

/**
 * rAF deltas at 60 Hz read 16.6–16.8 ms from vsync jitter alone; a frame counts as over a
 * budget, and a p95 as within a target, with this much slack.
 */
const JITTER_MS = 1;

export interface PanFigures {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  over16_7: number;
  over33: number;
  pannedPx: number;
  zoom: number;
}

export function panFigures(records: PanRecord[]): PanFigures {
  const frames = records.flatMap((r) => r.frames);
  const s = summarize(frames);
  return {
    frames: frames.length,
    p50: s.p50,
    p95: s.p95,
    max: s.max,
    over16_7: frames.filter((d) => d > 16.7 + JITTER_MS).length,
    over33: frames.filter((d) => d > 33.3 + JITTER_MS).length,
    pannedPx: records.reduce((n, r) => n + r.pannedPx, 0),
    zoom: round(records[0]?.zoom ?? 0, 3),
  };
}

/** The issue's targets per model size (issue 14). */
export function targetsFor(cards: number) {
  return cards >= 5000
    ? { firstCardsMs: 2000, panP95Ms: 33.3, zoomedOutP95Ms: 16.7, heapGrowthPct: 10 }
    : { firstCardsMs: 1000, panP95Ms: 16.7, zoomedOutP95Ms: 16.7, heapGrowthPct: 10 };
}

export interface SizeFigures {
  cards: number;
  links: number;
  firstCards: { medianMs: number; runs: FirstCards[] };
  pan: PanFigures;
  panWithRemoteDrag: PanFigures & {
    plainOnSamePage: PanFigures;
    remoteUpdates: number;
    remoteErrors: string[];
    stalled?: string;
  };
  zoomedOutPan: PanFigures;
  longPan: PanFigures & { seconds: number };
  heap: {
    afterLoadMiB: number;
    /** After the pans, back at the view the load showed (what is mounted is alike). */
    afterPanMiB: number;
    growthPct: number;
    /** Where the pans ended, before returning. */
    atPanEndMiB?: number;
    mountedElements?: { afterLoad: number; atPanEnd: number; afterPan: number };
  };
  loadAverage1m: { atStart: number; atEnd: number };
}

const mark = (ok: boolean) => (ok ? "met" : "MISSED");

function panLine(label: string, f: PanFigures, target?: number): string {
  if (f.frames === 0)
    return `  ${label.padEnd(26)} no frames recorded (the page stalled: see below)`;
  const goal =
    target === undefined ? "" : ` (target ≤ ${target}: ${mark(f.p95 <= target + JITTER_MS)})`;
  return (
    `  ${label.padEnd(26)} p95 ${f.p95} ms${goal}; p50 ${f.p50}, max ${f.max}, ` +
    `>16.7 ms ${f.over16_7}/${f.frames}, >33 ms ${f.over33}; zoom ${f.zoom}, panned ${f.pannedPx} px`
  );
}

/** The figures of one model size with the issue's targets beside them. */
export function describeSize(f: SizeFigures): string {
  const t = targetsFor(f.cards);
  const first = f.firstCards.runs.map((r) => Math.round(r.ms)).join(", ");
  return [
    `${f.cards} cards, ${f.links} links (load average ${f.loadAverage1m.atStart} → ${f.loadAverage1m.atEnd})`,
    `  first cards                median ${f.firstCards.medianMs} ms (target < ${t.firstCardsMs}: ${mark(f.firstCards.medianMs < t.firstCardsMs)}); runs ${first}; ` +
      `in view ${f.firstCards.runs[0]?.inView}, saved at ${Math.round(f.firstCards.runs[0]?.savedMs ?? 0)} ms`,
    panLine("pan (normal zoom)", f.pan, t.panP95Ms),
    panLine("pan, remote drag 12/s", f.panWithRemoteDrag, t.panP95Ms),
    panLine("  same page, no remote", f.panWithRemoteDrag.plainOnSamePage),
    panLine("zoomed-out pan", f.zoomedOutPan, t.zoomedOutP95Ms),
    panLine(`${f.longPan.seconds} s pan`, f.longPan),
    `  JS heap                    ${f.heap.afterLoadMiB} MiB after load → ${f.heap.afterPanMiB} MiB after panning, back at the first view ` +
      `(${f.heap.growthPct >= 0 ? "+" : ""}${f.heap.growthPct} %, target ≤ ${t.heapGrowthPct} %: ${mark(f.heap.growthPct <= t.heapGrowthPct)}; ` +
      `${f.heap.atPanEndMiB} MiB where the pans ended; elements ${JSON.stringify(f.heap.mountedElements)})`,
    `  remote drag                ${f.panWithRemoteDrag.remoteUpdates} moves sent${f.panWithRemoteDrag.stalled ? `; STALLED: ${f.panWithRemoteDrag.stalled}` : ""}${f.panWithRemoteDrag.remoteErrors.length ? `, errors: ${f.panWithRemoteDrag.remoteErrors.join("; ")}` : ""}`,
  ].join("\n");
}
