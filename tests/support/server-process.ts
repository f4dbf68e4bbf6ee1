import { type ChildProcess, fork, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerOptions } from "@logic-canvas/server";
import { afterAll } from "vitest";
import { forTheFile } from "./lifecycle.ts";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "../..");

export interface ServerStats {
  maxDelayMs: number;
  p99DelayMs: number;
  rssMB: number;
  heapUsedMB: number;
  peakRssMB: number;
  /** Longest garbage-collection pause. */
  gcMaxMs: number;
  documents: number;
  connections: number;
}

export interface ServerProcessOptions {
  /**
   * `"child"` (default): server-child.ts, which reports on IPC and answers `stats()`.
   * `"main"`: the shipped `server/src/main.ts`, for tests of what it adds (its signal handling,
   * the owner link it prints on a first start); read from its output.
   */
  entry?: "child" | "main";
  /** The data folder; a temporary one (removed by `stop()`) if not given. */
  dataDir?: string;
  /** A fixed port, so that clients reconnect to a restarted server by themselves. Default 0. */
  port?: number;
  limits?: ServerOptions["limits"];
  redis?: { url: string; prefix: string; resyncMs?: number };
  /** More environment for the process (for "main": its configuration). */
  env?: Record<string, string>;
  /** Node flags, such as a smaller heap. */
  nodeOptions?: string[];
}

export interface ServerProcess {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** For entry "main" on a first start: the model it created and its owner token. */
  modelId?: string;
  ownerToken?: string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** Exit code or signal once the process died; null while it runs. */
  exit(): string | null;
  /** The end of what the process wrote. */
  output(): string;
  /** Event-loop delay and memory since the previous call (entry "child" only). */
  stats(): Promise<ServerStats>;
  /** SIGKILL, resolved once it has exited. */
  kill(): Promise<void>;
  /** A graceful close (SIGKILL after 8 s), then its temporary data folder removed. */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

function environment(options: ServerProcessOptions, dataDir: string): NodeJS.ProcessEnv {
  const { limits, redis } = options;
  return {
    ...process.env,
    PORT: String(options.port ?? 0),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    ...(limits ? { LIMITS: JSON.stringify(limits) } : {}),
    ...(redis
      ? {
          REDIS_URL: redis.url,
          REDIS_PREFIX: redis.prefix,
          REDIS_RESYNC_MS: String(redis.resyncMs ?? 1000),
        }
      : {}),
    ...options.env,
  };
}

/** Where a starting process says it is listening: an IPC message, or main.ts's printed lines. */
function readiness(
  child: ChildProcess,
  main: boolean,
  output: () => string,
): Promise<{ url: string; modelId?: string; ownerToken?: string }> {
  return new Promise((done, fail) => {
    // 60 s: on a loaded 2-core machine tsx alone can take 30 s to load the server.
    const timer = setTimeout(() => fail(new Error(`server did not start: ${output()}`)), 60_000);
    child.once("exit", (code) => fail(new Error(`server exited at start (${code}): ${output()}`)));
    const ready = (found: { url: string; modelId?: string; ownerToken?: string }) => {
      clearTimeout(timer);
      done(found);
    };
    if (!main) {
      child.on("message", (m: { url?: string }) => m.url && ready({ url: m.url }));
      return;
    }
    child.stdout?.on("data", () => {
      const url = /running at (http:\/\/[^\s]+)/.exec(output())?.[1];
      const link = /\/m\/([0-9A-Za-z]{16})#token=([A-Za-z0-9_-]+)/.exec(output());
      if (url && (link || output().includes("Open a model")))
        ready({ url, modelId: link?.[1], ownerToken: link?.[2] });
    });
  });
}

/** The real server in a child process: the one way tests start a server they can kill. */
export async function startServerProcess(
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const main = options.entry === "main";
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "lc-process-"));
  const execArgv = ["--import", "tsx", ...(options.nodeOptions ?? [])];
  const env = environment(options, dataDir);
  // main.ts is started as a deployment starts it: no IPC channel, configured by its environment.
  const child = main
    ? spawn(process.execPath, [...execArgv, join(repoRoot, "server/src/main.ts")], {
        cwd: repoRoot,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      })
    : fork(join(here, "server-child.ts"), [], {
        cwd: repoRoot,
        execArgv,
        env,
        stdio: ["ignore", "ignore", "pipe", "ipc"],
      });
  let output = "";
  const record = (d: unknown) => {
    output = (output + String(d)).slice(-8000);
  };
  child.stdout?.on("data", record);
  child.stderr?.on("data", record);
  let exitedAs: string | null = null;
  const exited = new Promise<void>((r) =>
    child.once("exit", (code, signal) => {
      exitedAs = String(signal ?? code);
      r();
    }),
  );
  const started = await readiness(child, main, () => output).catch((error: unknown) => {
    child.kill("SIGKILL"); // a server that starts after the deadline would outlive the test
    throw error;
  });
  const kill = async () => {
    if (exitedAs === null) {
      child.kill("SIGKILL");
      await exited;
    }
  };
  return {
    ...started,
    dataDir,
    process: child,
    exited,
    exit: () => exitedAs,
    output: () => output,
    stats: () =>
      new Promise((done, fail) => {
        if (exitedAs) return fail(new Error(`server died (${exitedAs}): ${output}`));
        const onMessage = (m: { stats?: ServerStats }) => {
          if (!m.stats) return;
          child.off("message", onMessage);
          done(m.stats);
        };
        child.on("message", onMessage);
        child.send("stats");
      }),
    kill,
    stop: async () => {
      if (exitedAs === null) {
        if (main) child.kill("SIGTERM");
        else child.send("close");
        const timer = setTimeout(() => child.kill("SIGKILL"), 8_000);
        await exited;
        clearTimeout(timer);
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One server process for the whole test file (see `forTheFile`). */
export const useServerProcess = (options: ServerProcessOptions = {}): ServerProcess =>
  forTheFile(
    "useServerProcess's server",
    () => startServerProcess(options),
    (server) => server.stop(),
  );

/**
 * The shipped server (`main.ts`) on a data folder that outlives each of its processes, for tests
 * that kill it and start it again on the same data (pass a fixed `port` so that clients reconnect
 * by themselves). After the file, the last process is killed and the folder removed.
 */
export function useRestartingServer(name: string) {
  const dataDir = mkdtempSync(join(tmpdir(), `lc-${name}-`));
  let current: ServerProcess | undefined;
  afterAll(() => {
    current?.process.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    dataDir,
    /** Starts a server process on the data folder; the first start creates a model. */
    async start(options: Omit<ServerProcessOptions, "entry" | "dataDir"> = {}) {
      current = await startServerProcess({ ...options, entry: "main", dataDir });
      return current;
    },
  };
}
