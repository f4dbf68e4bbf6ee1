import { Worker } from "node:worker_threads";
import type { Logger } from "../runtime/logger.ts";
import type { GraphSummary } from "./graph-summary.ts";
import { ApiError } from "./respond.ts";

/** The document itself could not be read (as opposed to the worker failing). */
export class UnreadableDocument extends Error {}

/**
 * The worker's entry: the server runs as TypeScript through tsx, whose loader a worker thread
 * does not inherit, so the worker registers it before loading its module.
 */
function workerSource(): string {
  const file = new URL("./summary-worker.ts", import.meta.url).href;
  let loader: string | undefined;
  try {
    loader = import.meta.resolve("tsx/esm/api");
  } catch {
    loader = undefined;
  }
  const load = `import(${JSON.stringify(file)})`;
  return loader
    ? `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return ${load}; });`
    : load;
}

const MAX_QUEUED = 32;

type Pending = { resolve: (answer: unknown) => void; reject: (e: Error) => void };

/**
 * One worker thread that summarises documents (see summary-worker.ts), started on first use.
 * Where a worker cannot run (a test runner that cannot load TypeScript in threads), `run` answers
 * `undefined` and the caller does the work itself.
 */
export class SummaryWorker {
  private worker: Worker | undefined;
  private broken = false;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly logger: Logger) {}

  run(updates: Uint8Array[], today: string): Promise<GraphSummary> | undefined {
    return this.post<GraphSummary>(updates, today, "summary");
  }

  /**
   * The canvas snapshot (shared `doc/snapshot.ts`) as JSON text, read off the main thread, once
   * the worker runs: its first start (loading TypeScript in a thread) took longer than reading
   * the document here, and the first layer is about the first seconds of a page.
   */
  snapshot(updates: Uint8Array[]): Promise<string> | undefined {
    if (!this.worker) return undefined;
    return this.post<string>(updates, "", "snapshot");
  }

  private post<T>(
    updates: Uint8Array[],
    today: string,
    kind: "summary" | "snapshot",
  ): Promise<T> | undefined {
    const worker = this.start();
    if (!worker) return undefined;
    // Each queued job holds a copy of its document: a bounded queue bounds that memory.
    if (this.pending.size >= MAX_QUEUED) {
      throw new ApiError(
        503,
        "server-busy",
        "The server is checking many models right now; try again in a moment.",
        undefined,
        { "Retry-After": "2" },
      );
    }
    this.nextId += 1;
    const id = this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (answer) => resolve(answer as T), reject });
      worker.postMessage({ id, updates, today, kind });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private start(): Worker | undefined {
    if (this.broken) return undefined;
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(workerSource(), { eval: true });
      worker.unref();
      type Answer = { id: number; summary?: GraphSummary; snapshot?: string; error?: string };
      worker.on("message", (m: Answer) => {
        const job = this.pending.get(m.id);
        this.pending.delete(m.id);
        const answer = m.summary ?? m.snapshot;
        if (answer !== undefined) job?.resolve(answer);
        else job?.reject(new UnreadableDocument(m.error ?? "unreadable"));
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", () => this.fail(new Error("summary worker stopped")));
      this.worker = worker;
      return worker;
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return undefined;
    }
  }

  private fail(error: Error): void {
    if (this.worker) this.logger.warn("summary-worker", { error: error.message });
    this.worker = undefined;
    this.broken = true;
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}
