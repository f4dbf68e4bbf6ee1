import { type ChildProcess, fork } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type {
  ClientSpec,
  EditFigures,
  EditorSpec,
  StateFigures,
  WorkerReply,
  WorkerRequest,
} from "./client-protocol.ts";
import { type ResourceFigures, sampleResources } from "./process.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(HERE, "..", "..");

/** One client process seen from the runner: a request/reply channel over Node's IPC. */
class ClientProcess {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  private exitReason: string | undefined;

  constructor(readonly child: ChildProcess) {
    child.on("message", (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(new Error(reply.error));
    });
    child.once("exit", (code, signal) => {
      this.exitReason = `client process exited (${code ?? signal})`;
      for (const waiting of this.pending.values()) waiting.reject(new Error(this.exitReason));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.child.pid as number;
  }

  request<T>(request: WorkerRequest): Promise<T> {
    if (this.exitReason) return Promise.reject(new Error(this.exitReason));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ ...request, id });
    });
  }
}

/**
 * Clients spread over `processes` child processes (bench/lib/client-worker.ts), round-robin, so
 * that no single client process becomes the bottleneck: each process's CPU is sampled over the
 * window and reported. `specs[i]` lands in process `i % processes` at position `⌊i / processes⌋`.
 */
export class ClientPool {
  private constructor(private readonly workers: ClientProcess[]) {}

  static async open(specs: ClientSpec[], processes: number, batch = 25): Promise<ClientPool> {
    const count = Math.max(1, Math.min(processes, specs.length));
    const workers = Array.from(
      { length: count },
      () =>
        new ClientProcess(
          fork(join(HERE, "client-worker.ts"), [], {
            cwd: REPO_ROOT,
            execArgv: ["--import", "tsx"],
            stdio: ["ignore", "inherit", "inherit", "ipc"],
          }),
        ),
    );
    const pool = new ClientPool(workers);
    try {
      // The processes connect at once, each in batches of its share of `batch`, so no more
      // than `batch` handshakes are open together: the server caps sockets not yet
      // authenticated from one address.
      const share = Math.max(1, Math.floor(batch / count));
      await Promise.all(
        workers.map((worker, w) =>
          worker.request({
            type: "connect",
            clients: specs.filter((_, i) => i % count === w),
            batch: share,
          }),
        ),
      );
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  get size(): number {
    return this.workers.length;
  }

  /** Editors are given as indices into the specs passed to `open`. */
  async start(
    editors: { spec: number; cardId: string; peers: number }[],
    ratePerSecond: number,
    windowStart: number,
    windowEnd: number,
  ): Promise<void> {
    const n = this.workers.length;
    await Promise.all(
      this.workers.map((worker, w) => {
        const mine: EditorSpec[] = editors
          .filter((e) => e.spec % n === w)
          .map((e) => ({ client: Math.floor(e.spec / n), cardId: e.cardId, peers: e.peers }));
        return worker.request({
          type: "start",
          editors: mine,
          ratePerSecond,
          windowStart,
          windowEnd,
        });
      }),
    );
  }

  /** Samples every client process's CPU and memory over a window. */
  sampleResources(): { stop(): ResourceFigures[] } {
    const samplers = this.workers.map((w) => sampleResources(w.pid));
    return { stop: () => samplers.map((s) => s.stop()) };
  }

  async stop(): Promise<EditFigures> {
    const parts = await Promise.all(
      this.workers.map((w) => w.request<EditFigures>({ type: "stop" })),
    );
    return {
      samples: parts.flatMap((p) => p.samples),
      sentInWindow: parts.reduce((n, p) => n + p.sentInWindow, 0),
      expectedDeliveries: parts.reduce((n, p) => n + p.expectedDeliveries, 0),
      editErrors: parts.reduce((n, p) => n + p.editErrors, 0),
    };
  }

  /** Unacknowledged edits, distinct client errors and clients whose cards differ from their group's. */
  async report() {
    const parts = await Promise.all(
      this.workers.map((w) => w.request<StateFigures>({ type: "report" })),
    );
    const byGroup = new Map<number, Map<string, number>>();
    for (const { group, digest } of parts.flatMap((p) => p.digests)) {
      const counts = byGroup.get(group) ?? new Map<string, number>();
      counts.set(digest, (counts.get(digest) ?? 0) + 1);
      byGroup.set(group, counts);
    }
    // Within a group the most common state is taken as the agreed one; the rest diverged.
    let divergentClients = 0;
    for (const counts of byGroup.values()) {
      const values = [...counts.values()];
      divergentClients += values.reduce((a, b) => a + b, 0) - Math.max(...values);
    }
    return {
      unacknowledgedEdits: parts.reduce((n, p) => n + p.unacknowledgedEdits, 0),
      clientErrorCount: parts.reduce((n, p) => n + p.errorCount, 0),
      clientErrors: [...new Set(parts.flatMap((p) => p.errors))].slice(0, 20),
      divergentClients,
    };
  }

  /**
   * The report once no edit waits for its acknowledgement, or after `ms`: on a starved server the
   * edits of the window's last seconds are still queued after the drain, and comparing the
   * clients' cards then would count lag as lost edits. A second more lets the peers' copies of
   * the last acknowledged edits land.
   */
  async settledReport(ms = 30_000) {
    const deadline = performance.now() + ms;
    while ((await this.report()).unacknowledgedEdits > 0 && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return this.report();
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async (w) => {
        const exited = new Promise<void>((resolve) => {
          if (w.child.exitCode !== null || w.child.signalCode !== null) resolve();
          else w.child.once("exit", () => resolve());
        });
        await w.request({ type: "close" }).catch(() => {});
        const timer = setTimeout(() => w.child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}
