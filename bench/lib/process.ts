import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SERVERS_DIR = join(REPO_ROOT, "bench", "servers");
// Linux reports CPU time in clock ticks; 100 per second on every kernel this runs on.
const TICKS_PER_SECOND = 100;

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  /** Extra facts the server printed when ready (e.g. a document name or token). */
  info: Record<string, unknown>;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

/**
 * Starts `bench/servers/<script>.ts` in its own Node process, so the clients' event loop never
 * shares a core's time slices with the server's in the same process. The script prints one JSON
 * line `{ "ready": true, "port": … }` once it listens.
 */
export async function startServerProcess(
  script: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  // BENCH_CPU_PROF_DIR=<dir> writes a V8 CPU profile of every server process on exit, to find
  // where the server's time goes (open it in Chrome DevTools or speedscope).
  const profile = process.env.BENCH_CPU_PROF_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
    : [];
  // --expose-gc lets a memory measure ask for a full collection first (SIGUSR2, gc-on-signal.ts).
  const args = [...profile, "--expose-gc", "--import", "tsx", join(SERVERS_DIR, `${script}.ts`)];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stderr: string[] = [];
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr.push(chunk.toString());
    if (stderr.length > 50) stderr.shift();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script}: no ready line in 60 s`)), 60_000);
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      if (!line.startsWith("{")) return;
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        if (parsed.ready) {
          clearTimeout(timer);
          resolve(parsed);
        }
      } catch {
        // Not our line: servers may log JSON of their own.
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before ready:\n${stderr.join("")}`));
    });
  });
  const pid = child.pid as number;
  const waitExit = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timeout = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timeout);
  };
  return {
    child,
    pid,
    port: Number(ready.port),
    info: ready,
    stop: () => waitExit("SIGTERM"),
    kill9: () => waitExit("SIGKILL"),
  };
}

function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name may contain spaces; fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * Nanoseconds the process's main thread (the event loop) has spent waiting on a run queue for a
 * CPU: on a loaded machine, time it wanted to run and could not, which CPU % does not show.
 */
function runQueueWaitNs(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[1]);
  } catch {
    return NaN;
  }
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

export interface ResourceFigures {
  /** CPU time (user + system, from /proc/<pid>/stat) over the window, in seconds. */
  cpuSeconds: number;
  cpuPercent: number;
  /** Share of the window the event loop spent runnable but waiting for a CPU (schedstat). */
  waitingForCpuPercent: number;
  rssMiBStart: number;
  rssMiBPeak: number;
  rssMiBEnd: number;
}

/** Samples a process's CPU time and resident memory over a window; CPU % is of one core. */
export function sampleResources(pid: number, everyMs = 500) {
  const startCpu = cpuSeconds(pid);
  const startWait = runQueueWaitNs(pid);
  const startWall = performance.now();
  const rssStart = rssMiB(pid);
  let peak = rssStart;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMiB(pid));
    } catch {
      // The process exited; the last sample stands.
    }
  }, everyMs);
  return {
    stop(): ResourceFigures {
      clearInterval(timer);
      const end = rssMiB(pid);
      const seconds = (performance.now() - startWall) / 1000;
      const cpu = cpuSeconds(pid) - startCpu;
      const waited = (runQueueWaitNs(pid) - startWait) / 1e9;
      const r = (v: number) => Math.round(v * 10) / 10;
      return {
        cpuSeconds: Math.round(cpu * 100) / 100,
        cpuPercent: r((cpu / seconds) * 100),
        waitingForCpuPercent: r((waited / seconds) * 100),
        rssMiBStart: r(rssStart),
        rssMiBPeak: r(Math.max(peak, end)),
        rssMiBEnd: r(end),
      };
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
