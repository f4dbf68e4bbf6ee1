import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { newId } from "@logic-canvas/shared";
import { Flags, parseArgs } from "./lib/args.ts";
import { cpuSeconds, idleCpu, lineWith, spawnTs } from "./lib/child-processes.ts";
import type { Target } from "./lib/clients.ts";
import { writeResult } from "./lib/machine.ts";
import { round, summarize } from "./lib/stats.ts";
import { createModel } from "./lib/targets.ts";

/**
 * Server CPU time per delivered edit (and edit-to-peer latency) of our server's write path, A
 * against B in the same run: `A` is our server from another checkout (`--base <dir>`, e.g. a
 * worktree of main), `B` this checkout's, next to the bare y-websocket relay and bare Hocuspocus.
 * Each server runs alone, in its own process, with its clients spread over client processes
 * (`--per-process` clients each) so that no client process is the bottleneck; the order of the
 * servers rotates every round. CPU is the server's run time (all threads, /proc) from the window's
 * start until it is idle again, which a loaded machine disturbs far less than wall-clock latency.
 * `--cpu-prof <dir>` writes a V8 CPU profile of every server process; `--send-timing` times each
 * server's own share of the latency (lib/send-timing.mjs). Without `--base`, A is left out.
 *
 *   npx tsx bench/server-path-profile.ts --base /work/wt/server-path-base --clients 10,50 --rounds 3
 *   npx tsx bench/run.ts server-path-profile   (relay, bare Hocuspocus, ours)
 */

const HERE = dirname(fileURLToPath(import.meta.url));
const now = () => performance.timeOrigin + performance.now();

type Kind = "relay" | "hocuspocus" | "A" | "B";
interface Options {
  base: string;
  seconds: number;
  warmup: number;
  rate: number;
  perProcess: number;
  profileDir: string | undefined;
  /** Load lib/send-timing.mjs into every server: where its share of the latency goes. */
  sendTiming: boolean;
}
interface Figures {
  server: Kind;
  clients: number;
  round: number;
  deliveries: number;
  sent: number;
  serverCpuMsPerDelivery: number;
  serverCpuSeconds: number;
  /**
   * The part of it on the JavaScript thread; the rest is V8's helper threads (concurrent and
   * parallel garbage collection, compilation) and libuv's pool.
   */
  serverMainThreadCpuSeconds: number;
  p50: number;
  p99: number;
  clientCpuPercentMax: number;
  clientErrors: number;
  loadAverage1m: number;
  /**
   * With `--send-timing`, inside the server (lib/send-timing.mjs), p50 over the window's edits:
   * from an edit's arrival until the first peer's copy is written, and until the last one's.
   */
  sendFirstP50?: number;
  sendLastP50?: number;
}

async function startServer(kind: Kind, options: Options, label: string) {
  const root = kind === "A" ? options.base : resolve(HERE, "..");
  const script = { relay: "relay", hocuspocus: "bare-hocuspocus", A: "ours", B: "ours" }[kind];
  const dataDir = mkdtempSync(join(tmpdir(), "lc-server-path-"));
  const prof = options.profileDir
    ? ["--cpu-prof", `--cpu-prof-dir=${join(options.profileDir, label)}`]
    : [];
  // The same instrument (this checkout's) in every server, A's included.
  const timingFile = options.sendTiming ? join(tmpdir(), `lc-send-timing-${newId()}.json`) : null;
  const timing = timingFile ? ["--import", join(HERE, "lib", "send-timing.mjs")] : [];
  const child = spawnTs(
    join(root, "bench", "servers", `${script}.ts`),
    root,
    [...timing, ...prof],
    {
      BENCH_DATA_DIR: dataDir,
      LOG_LEVEL: "error",
      ...(timingFile ? { SEND_TIMING_FILE: timingFile } : {}),
    },
  );
  const ready = await lineWith(child, "ready", `${kind} server`);
  const port = Number(ready.port);
  let target: Target;
  if (kind === "A" || kind === "B") {
    const model = await createModel(port);
    target = { kind: "ours", port, docName: model.id, token: model.editorToken };
  } else {
    target = { kind, port, docName: `bench-${newId()}` };
  }
  const stop = async () => {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { pid: child.pid as number, target, stop, timingFile };
}

/** The p50s of lib/send-timing.mjs's samples of edits that arrived in the window. */
function sendTiming(file: string | null, window: { from: number; to: number }) {
  if (!file || !existsSync(file)) return {};
  const samples = JSON.parse(readFileSync(file, "utf8")) as [number, number, number, number][];
  rmSync(file, { force: true });
  const inWindow = samples.filter(([at]) => at >= window.from && at <= window.to);
  if (inWindow.length === 0) return {};
  return {
    sendFirstP50: summarize(inWindow.map((s) => s[1])).p50,
    sendLastP50: summarize(inWindow.map((s) => s[2])).p50,
  };
}

async function measure(kind: Kind, size: number, roundNo: number, options: Options) {
  const server = await startServer(kind, options, `${kind}-${size}-${roundNo}`);
  const children: ChildProcess[] = [];
  const origin = now();
  let driven: Awaited<ReturnType<typeof drive>>;
  try {
    for (let start = 0; start < size; start += options.perProcess) {
      const plan = {
        target: server.target,
        clients: Math.min(options.perProcess, size - start),
        total: size,
        ratePerSecond: options.rate,
        origin,
      };
      const file = join(HERE, "server-path-clients.ts");
      children.push(spawnTs(file, HERE, [], {}, [JSON.stringify(plan)]));
    }
    driven = await drive(kind, size, roundNo, options, server.pid, children, origin);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await server.stop();
  }
  return { ...driven.figures, ...sendTiming(server.timingFile, driven.window) };
}

async function drive(
  kind: Kind,
  size: number,
  roundNo: number,
  options: Options,
  pid: number,
  children: ChildProcess[],
  origin: number,
): Promise<{ figures: Figures; window: { from: number; to: number } }> {
  const done = children.map((c) => lineWith(c, "done", "client process"));
  await Promise.all(children.map((c) => lineWith(c, "ready", "client process")));
  const start = now() - origin + options.warmup * 1000;
  const end = start + options.seconds * 1000;
  for (const child of children) child.stdin?.write(`${JSON.stringify({ start, end })}\n`);
  await new Promise((r) => setTimeout(r, start - (now() - origin)));
  const cpuStart = cpuSeconds(pid);
  const mainStart = cpuSeconds(pid, true);
  await new Promise((r) => setTimeout(r, end - (now() - origin)));
  // The server's CPU counts until it is idle again: on a loaded machine the edits of the window
  // may still be on their way, and their deliveries are counted too.
  const cpu = (await idleCpu(pid)) - cpuStart;
  const mainCpu = cpuSeconds(pid, true) - mainStart;
  for (const child of children) child.stdin?.write("finish\n");
  const results = (await Promise.all(done)) as unknown as {
    latencies: number[];
    sent: number;
    cpuPercent: number;
    clientErrorCount: number;
  }[];
  const latencies = results.flatMap((r) => r.latencies);
  const l = summarize(latencies);
  const figures: Figures = {
    server: kind,
    clients: size,
    round: roundNo,
    deliveries: latencies.length,
    sent: results.reduce((n, r) => n + r.sent, 0),
    serverCpuMsPerDelivery: round((cpu * 1000) / Math.max(1, latencies.length), 4),
    serverCpuSeconds: round(cpu, 2),
    serverMainThreadCpuSeconds: round(mainCpu, 2),
    p50: l.p50,
    p99: l.p99,
    clientCpuPercentMax: round(Math.max(...results.map((r) => r.cpuPercent)), 1),
    clientErrors: results.reduce((n, r) => n + r.clientErrorCount, 0),
    loadAverage1m: round(os.loadavg()[0] ?? 0),
  };
  return { figures, window: { from: origin + start, to: origin + end } };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

function summary(runs: Figures[], servers: Kind[], sizes: number[], options: Options) {
  return sizes.flatMap((size) => {
    const of = (kind: Kind) => runs.filter((r) => r.server === kind && r.clients === size);
    const med = (
      kind: Kind,
      key: "serverCpuMsPerDelivery" | "p50" | "p99" | "sendFirstP50" | "sendLastP50",
    ) => (of(kind).length ? median(of(kind).map((r) => r[key] ?? NaN)) : NaN);
    return servers.map((kind) => ({
      server: kind,
      clients: size,
      cpuMsPerDelivery: round(med(kind, "serverCpuMsPerDelivery"), 4),
      mainThreadCpuMsPerDelivery: round(
        median(
          of(kind).map((r) => (r.serverMainThreadCpuSeconds * 1000) / Math.max(1, r.deliveries)),
        ),
        4,
      ),
      p50: round(med(kind, "p50")),
      p99: round(med(kind, "p99")),
      cpuOverRelay: round(
        med(kind, "serverCpuMsPerDelivery") / med("relay", "serverCpuMsPerDelivery"),
      ),
      p50OverRelay: round(med(kind, "p50") / med("relay", "p50")),
      p99OverRelay: round(med(kind, "p99") / med("relay", "p99")),
      ...(options.sendTiming
        ? {
            sendFirstP50: round(med(kind, "sendFirstP50")),
            sendLastP50: round(med(kind, "sendLastP50")),
          }
        : {}),
    }));
  });
}

export const description =
  "server path: CPU per delivered edit and edit-to-peer p50/p99, each server alone with its clients in other processes: relay, bare Hocuspocus, ours (B), and another checkout's (A, with --base)";

export async function run(flags: Flags): Promise<void> {
  process.setMaxListeners(0);
  const sizes = flags.numbers("clients", [10, 50]);
  const base = flags.strings("base", [])[0];
  const servers = flags.strings(
    "servers",
    base ? ["relay", "hocuspocus", "A", "B"] : ["relay", "hocuspocus", "B"],
  ) as Kind[];
  if (servers.includes("A") && !base) throw new Error("server A needs --base <another checkout>");
  const rounds = flags.number("rounds", 3);
  const options: Options = {
    base: resolve(base ?? "."),
    seconds: flags.number("seconds", 15),
    warmup: flags.number("warmup", 3),
    rate: flags.number("rate", 1),
    perProcess: flags.number("per-process", 10),
    profileDir: flags.strings("cpu-prof", [])[0],
    sendTiming: flags.has("send-timing"),
  };
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true });
  const runs: Figures[] = [];
  for (let r = 1; r <= rounds; r++) {
    for (const size of sizes) {
      // Rotate the order so that no server always runs first (or last) in a round.
      const order = servers.map((_, i) => servers[(i + r - 1) % servers.length] as Kind);
      for (const kind of order) {
        const f = await measure(kind, size, r, options);
        runs.push(f);
        console.log(JSON.stringify(f));
      }
    }
  }
  const table = summary(runs, servers, sizes, options);
  for (const row of table) console.log(JSON.stringify(row));
  const path = writeResult(
    "server-path-profile",
    { sizes, servers, rounds, ...options },
    { table, runs },
  );
  console.log(`→ ${path}`);
}

// Run directly (`npx tsx bench/server-path-profile.ts …`) as well as by bench/run.ts.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  run(new Flags(parseArgs(process.argv.slice(2)).flags)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
