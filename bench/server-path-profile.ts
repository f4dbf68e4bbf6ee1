import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { newId } from "@logic-canvas/shared";
import { Flags, parseArgs } from "./lib/args.ts";
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
 * start until it is idle again, which a loaded machine disturbs far less than wall-clock latency. `--cpu-prof <dir>` writes a V8 CPU
 * profile of every server process.
 *
 *   npx tsx bench/server-path-profile.ts --base /work/wt/server-path-base --clients 10,50 --rounds 3
 */

const HERE = dirname(fileURLToPath(import.meta.url));
const TICKS_PER_SECOND = 100;
const now = () => performance.timeOrigin + performance.now();

type Kind = "relay" | "hocuspocus" | "A" | "B";
interface Options {
  base: string;
  seconds: number;
  warmup: number;
  rate: number;
  perProcess: number;
  profileDir: string | undefined;
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
}

/**
 * CPU seconds the process has run, all its threads: /proc/<pid>/task/<tid>/schedstat counts in
 * nanoseconds (the user+sys of /proc/<pid>/stat only in 10 ms ticks, too coarse for a server
 * that uses well under a second in a window); that is the fallback.
 */
function cpuSeconds(pid: number, mainThreadOnly = false): number {
  try {
    let ns = 0;
    const tids = mainThreadOnly ? [String(pid)] : readdirSync(`/proc/${pid}/task`);
    for (const tid of tids) {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    }
    return ns / 1e9;
  } catch {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  }
}

/** The process's CPU seconds once it is nearly idle for a second (at most 10 s from now). */
async function idleCpu(pid: number): Promise<number> {
  const deadline = performance.now() + 10_000;
  let last = cpuSeconds(pid);
  let quiet = 0;
  while (quiet < 2 && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    const cpu = cpuSeconds(pid);
    quiet = cpu - last <= 0.02 ? quiet + 1 : 0;
    last = cpu;
  }
  return last;
}

/** Resolves with the first JSON line of `child` that has `key`; rejects if it exits first. */
function lineWith(child: ChildProcess, key: string, what: string): Promise<Record<string, never>> {
  return new Promise((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      if (!line.startsWith("{")) return;
      try {
        const parsed = JSON.parse(line);
        if (parsed[key]) resolveLine(parsed);
      } catch {
        // A log line of the server's own.
      }
    });
    child.once("exit", (code) => reject(new Error(`${what} exited (${code}) before "${key}"`)));
  });
}

function spawnTs(
  file: string,
  cwd: string,
  nodeArgs: string[],
  env: Record<string, string>,
  scriptArgs: string[] = [],
) {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", file, ...scriptArgs], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
  return child;
}

async function startServer(kind: Kind, options: Options, label: string) {
  const root = kind === "A" ? options.base : resolve(HERE, "..");
  const script = { relay: "relay", hocuspocus: "bare-hocuspocus", A: "ours", B: "ours" }[kind];
  const dataDir = mkdtempSync(join(tmpdir(), "lc-server-path-"));
  const prof = options.profileDir
    ? ["--cpu-prof", `--cpu-prof-dir=${join(options.profileDir, label)}`]
    : [];
  const child = spawnTs(join(root, "bench", "servers", `${script}.ts`), root, prof, {
    BENCH_DATA_DIR: dataDir,
    LOG_LEVEL: "error",
  });
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
  return { pid: child.pid as number, target, stop };
}

async function measure(kind: Kind, size: number, roundNo: number, options: Options) {
  const server = await startServer(kind, options, `${kind}-${size}-${roundNo}`);
  const children: ChildProcess[] = [];
  try {
    const origin = now();
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
    return await drive(kind, size, roundNo, options, server.pid, children, origin);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await server.stop();
  }
}

async function drive(
  kind: Kind,
  size: number,
  roundNo: number,
  options: Options,
  pid: number,
  children: ChildProcess[],
  origin: number,
): Promise<Figures> {
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
  return {
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
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

function summary(runs: Figures[], servers: Kind[], sizes: number[]) {
  return sizes.flatMap((size) => {
    const of = (kind: Kind) => runs.filter((r) => r.server === kind && r.clients === size);
    const med = (kind: Kind, key: "serverCpuMsPerDelivery" | "p50" | "p99") =>
      of(kind).length ? median(of(kind).map((r) => r[key])) : NaN;
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
    }));
  });
}

async function main(): Promise<void> {
  process.setMaxListeners(0);
  const flags = new Flags(parseArgs(process.argv.slice(2)).flags);
  const sizes = flags.numbers("clients", [10, 50]);
  const servers = flags.strings("servers", ["relay", "hocuspocus", "A", "B"]) as Kind[];
  const rounds = flags.number("rounds", 3);
  const options: Options = {
    base: resolve(flags.strings("base", ["/work/wt/server-path-base"])[0] as string),
    seconds: flags.number("seconds", 15),
    warmup: flags.number("warmup", 3),
    rate: flags.number("rate", 1),
    perProcess: flags.number("per-process", 10),
    profileDir: flags.strings("cpu-prof", [])[0],
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
  const table = summary(runs, servers, sizes);
  for (const row of table) console.log(JSON.stringify(row));
  const path = writeResult(
    "server-path-profile",
    { sizes, servers, rounds, ...options },
    { table, runs },
  );
  console.log(`→ ${path}`);
  process.exit(0);
}

void main();
