import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RESULTS_DIR } from "./machine.ts";

/**
 * The README's benchmark table, rendered from bench/results/*.json: one or more rows per
 * benchmark with its headline figures, the date it ran and the load average then. A result whose
 * shape is unknown here (a new benchmark) still gets a row pointing at its file.
 */
type Json = Record<string, unknown>;
type Lines = (r: Json) => string[];

/** `at(r, "figures.spread.latency.p99")`, or undefined anywhere along the way. */
function at(value: unknown, path: string): unknown {
  let v = value;
  for (const key of path.split(".")) v = v && typeof v === "object" ? (v as Json)[key] : undefined;
  return v;
}
const n = (value: unknown) => (typeof value === "number" ? String(value) : "?");
const list = (value: unknown) => (Array.isArray(value) ? (value as Json[]) : []);

const editLatency: Lines = (r) => {
  const medians = list(at(r, "figures.medians"));
  return list(at(r, "figures.ratios")).map((ratio) => {
    const c = ratio.clients;
    const of = (server: string) => {
      const m = medians.find((x) => x.server === server && x.clients === c)?.medians;
      return `${server} ${n(at(m, "p50"))}/${n(at(m, "p99"))} ms, ${n(at(m, "serverCpuMsPerDelivery"))} ms CPU`;
    };
    const o = at(ratio, "oursOverRelay");
    const starved = medians
      .filter((x) => x.clients === c)
      .reduce((k, x) => k + (Number(at(x, "medians.starvedRounds")) || 0), 0);
    const note = starved
      ? ` — starved of CPU in ${starved} runs: latency there is the run queue's`
      : "";
    return (
      `edit-to-peer, ${c} clients, p50/p99 (median of ${n(at(r, "parameters.rounds"))} rounds), server CPU per delivery: ` +
      `${of("relay")} · ${of("hocuspocus")} · ${of("ours")} → **ours/relay p50 ${n(at(o, "p50"))}, p99 ${n(at(o, "p99"))}, CPU ${n(at(o, "serverCpuPerDelivery"))}** (targets 1.15, 1.2, 1.3)${note}`
    );
  });
};

const capacity: Lines = (r) => {
  const s = at(r, "figures.spread");
  const rows = [
    `capacity: ${n(at(r, "parameters.connections"))} connections over ${n(at(r, "parameters.models"))} models, ${n(at(r, "parameters.editorsPerModel"))} editing each at ${n(at(r, "parameters.ratePerSecond"))} op/s, ${n(at(r, "parameters.seconds"))} s: ` +
      (at(s, "error")
        ? `failed: ${String(at(s, "error"))}`
        : `p50 ${n(at(s, "latency.p50"))} ms, p99 ${n(at(s, "latency.p99"))} ms (target < 50), ${n(at(s, "clientErrorCount"))} client errors, ${n(at(s, "divergentClients"))} diverged, server RSS peak ${n(at(s, "serverProcess.rssMiBPeak"))} MiB, CPU ${n(at(s, "serverProcess.cpuPercent"))} %`),
  ];
  const idle = at(r, "figures.idleMemory");
  if (idle)
    rows.push(
      `memory per idle connection (${n(at(idle, "connections"))} idle): ${n(at(idle, "kibPerIdleConnection"))} KiB of heap + external (${n(at(idle, "heldMiBBaseline"))} → ${n(at(idle, "heldMiBWithIdle"))} MiB; RSS ${n(at(idle, "rssMiBBaseline"))} → ${n(at(idle, "rssMiBWithIdle"))} MiB)`,
    );
  const f = at(r, "figures.fanout");
  if (f && !at(f, "error"))
    rows.push(
      `capacity: ${n(at(f, "editors"))} editors on one model: fan-out p99 ${n(at(f, "latency.p99"))} ms (target < 100), ${n(at(f, "divergentClients"))} diverged`,
    );
  return rows;
};

const canvasLoad: Lines = (r) => {
  const sizes = list(at(r, "figures.sizes"));
  if (!sizes.length)
    return [
      `canvas: first render median ${n(at(r, "median.timeToFirstRenderMs"))} ms, pan frame p95 ${n(at(r, "median.frameP95Ms"))} ms`,
    ];
  return sizes.map(
    (s) =>
      `canvas, ${n(s.cards)} cards: first cards ${n(at(s, "firstCards.medianMs"))} ms, pan p95 ${n(at(s, "pan.p95"))} ms, zoomed-out pan p95 ${n(at(s, "zoomedOutPan.p95"))} ms, during a remote drag ${n(at(s, "panWithRemoteDrag.p95"))} ms, heap growth ${n(at(s, "heap.growthPct"))} %`,
  );
};

/** One row per client count: each server's CPU per delivered edit and latency, as ratios to the relay. */
const serverPath: Lines = (r) => {
  const table = list(at(r, "figures.table"));
  const counts = [...new Set(table.map((x) => Number(x.clients)))];
  return counts.map((c) => {
    const rows = table.filter((x) => Number(x.clients) === c);
    const each = rows
      .map(
        (x) =>
          `${x.server === "B" ? "ours" : String(x.server)} ${n(x.cpuMsPerDelivery)} ms CPU, p50/p99 ${n(x.p50)}/${n(x.p99)} ms` +
          (x.server === "relay"
            ? ""
            : ` (**×${n(x.cpuOverRelay)} CPU, ×${n(x.p50OverRelay)} p50, ×${n(x.p99OverRelay)} p99**)`),
      )
      .join(" · ");
    return `server path, ${c} clients, medians of ${n(at(r, "parameters.rounds"))} rounds, each server alone: ${each} (targets ×1.3, ×1.15, ×1.2)`;
  });
};

/** A route's warm p50/p95, first request after start, and answer size. */
const route = (r: Json, key: string, label: string) =>
  `${label} warm p50/p95 ${n(at(r, `figures.${key}.warm.p50`))}/${n(at(r, `figures.${key}.warm.p95`))} ms, first after the build ${n(at(r, `figures.${key}.firstAfterBuildMs`) ?? at(r, `figures.${key}.coldMs`))} ms, ${size(Number(at(r, `figures.${key}.bytes`)))}`;
const size = (bytes: number) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;

const RENDERERS: Record<string, Lines> = {
  "server-path-profile": serverPath,
  "measurement-import": (r) => [
    `measurement import, ${n(at(r, "parameters.rows"))}-row XLSX read, checked and applied: p50 ${n(at(r, "figures.totalMs.p50"))} ms, max ${n(at(r, "figures.totalMs.max"))} ms (target < 5,000)`,
  ],
  "cascade-progress-page": (r) => [
    `progress page in Chromium, ${n(at(r, "parameters.models"))} models × ${n(at(r, "parameters.goalsPer"))} goals: navigation → first rows p50 ${n(at(r, "figures.toFirstRowsMs.p50"))} ms, answer ${size(Number(at(r, "figures.answerBytesOnWire")))} on the wire (target < 1,000 ms)`,
  ],
  "cascade-rollup": (r) => [
    `cascade over ${n(at(r, "parameters.models"))} models × ${n(at(r, "parameters.goalsPer"))} goals: ${route(r, "rollup", "roll-up")}; ${route(r, "map", "alignment map")}; ${route(r, "progressPage", "progress page of 200 rows")}; roll-up after a restart: asked at once ${n(at(r, "figures.rollupAfterRestart.askedAtOnce.firstMs"))} ms, once the index is warm ${n(at(r, "figures.rollupAfterRestart.askedOnceWarm.firstMs"))} ms (target < 300 ms)`,
  ],
  "edit-latency": editLatency,
  capacity,
  "canvas-load": canvasLoad,
  "cold-load": (r) => [
    `cold load, stored 5,000-card model: median ${n(at(r, "figures.coldMs.p50"))} ms to a fresh client holding every card`,
  ],
  "world-cafe": (r) => [
    `World Café, ${n(at(r, "parameters.participants"))} participants at ${n(at(r, "parameters.tables"))} tables: note → everyone p50/p99 ${n(at(r, "figures.quiet.noteToEveryone.p50"))}/${n(at(r, "figures.quiet.noteToEveryone.p99"))} ms one at a time, ${n(at(r, "figures.burst.noteToEveryone.p50"))}/${n(at(r, "figures.burst.noteToEveryone.p99"))} ms when all write at once`,
  ],
  "durability-cost": (r) => [
    `durability: acknowledged edits/s, ${list(at(r, "figures.runs"))
      .map((x) => `${String(x.server)} ${n(x.editsPerSecond)}`)
      .join(" vs ")}`,
  ],
  "multi-process": (r) => [
    `two processes on Redis vs one, 10 clients: p99 ${n(at(r, "figures.twoProcesses.latency.p99"))} vs ${n(at(r, "figures.oneProcess.latency.p99"))} ms`,
  ],
  "find-typing": (r) => {
    const k = at(r, "figures.keyToHighlightMs") ?? at(r, "keyToHighlightMs");
    return [
      `find, ${n(at(r, "parameters.cards") ?? at(r, "cards"))} cards: key → highlight p50 ${n(at(k, "p50"))} ms, p95 ${n(at(k, "p95"))} ms`,
    ];
  },
  exports: (r) =>
    list(at(r, "figures.summary")).map(
      (s) =>
        `exports, ${n(s.cards)} cards (${String(s.build).split("/").slice(-3, -2)[0] ?? "build"}): SVG ${n(at(s, "median.svgClickToFileMs"))} ms, PNG ${n(at(s, "median.pngClickToFileMs"))} ms, print view ${n(at(s, "median.printRenderMs"))} ms (targets 1,000, 1,000, 2,000)`,
    ),
};

function readResults(): { name: string; body: Json }[] {
  return (
    readdirSync(RESULTS_DIR)
      // `<name>.json` only: copies kept beside it (`edit-latency.before.json`) are not the latest.
      .filter((f) => /^[a-z0-9-]+\.json$/.test(f))
      .sort()
      .flatMap((file) => {
        try {
          return [
            {
              name: file.replace(/\.json$/, ""),
              body: JSON.parse(readFileSync(join(RESULTS_DIR, file), "utf8")) as Json,
            },
          ];
        } catch {
          return [];
        }
      })
  );
}

/** The markdown: a line naming the machine, then | benchmark | figures | date | load |. */
export function renderTable(): string {
  const results = readResults();
  const latest = [...results].sort((a, b) =>
    String(b.body.date).localeCompare(String(a.body.date)),
  )[0];
  const m = at(latest?.body, "machine") as Json | undefined;
  const rows = results.flatMap(({ name, body }) => {
    let lines: string[];
    try {
      lines = (RENDERERS[name] ?? (() => []))(body);
    } catch {
      lines = [];
    }
    if (!lines.length) lines = [`see \`bench/results/${name}.json\``];
    const date = String(body.date ?? "?")
      .slice(0, 16)
      .replace("T", " ");
    const load =
      at(body, "machine.loadAverage1m") ??
      at(body, "loadAverage1m.atEnd") ??
      at(body, "loadAverage1m");
    return lines.map((line) => `| \`${name}\` | ${line} | ${date} | ${n(load)} |`);
  });
  return [
    `Machine: ${n(m?.cores)} cores, ${String(m?.cpuModel ?? "?")}, ${n(m?.memoryGiB)} GiB, Node ${String(m?.node ?? "?")}. ` +
      "Load is the 1-minute load average when the result was written (2 cores: above 2, the benchmarks waited for a CPU).",
    "",
    "| benchmark | figures | date (UTC) | load |",
    "|---|---|---|---|",
    ...rows,
  ].join("\n");
}
