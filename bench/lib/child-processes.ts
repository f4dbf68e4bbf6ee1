import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";

/** A benchmark's child processes: how much CPU they used, their JSON lines, their start. */

const TICKS_PER_SECOND = 100;

/**
 * CPU seconds the process has run, all its threads: /proc/<pid>/task/<tid>/schedstat counts in
 * nanoseconds (the user+sys of /proc/<pid>/stat only in 10 ms ticks, too coarse for a server
 * that uses well under a second in a window); that is the fallback.
 */
export function cpuSeconds(pid: number, mainThreadOnly = false): number {
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
export async function idleCpu(pid: number): Promise<number> {
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
export function lineWith(
  child: ChildProcess,
  key: string,
  what: string,
): Promise<Record<string, never>> {
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

export function spawnTs(
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
