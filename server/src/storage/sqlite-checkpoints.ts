import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

/**
 * WAL checkpoints off the event loop. SQLite checkpoints in the connection whose commit takes the
 * log past `wal_autocheckpoint` (1,000 pages): that commit then copies the log into the database
 * file and syncs it, 5-25 ms under load, during which no edit of any model is handled (it was the
 * longest single stall of the write path at 10 clients). Here the store's own connection never
 * checkpoints; a worker thread with a connection of its own to the same file runs a PASSIVE
 * checkpoint (which waits on no reader or writer) every `everyMs`. Durability is the log's, not
 * the checkpoint's, so nothing a commit promised changes. Should the worker fail, the store's
 * connection checkpoints by itself again.
 */

const EVERY_MS = 1_000;
const AUTOCHECKPOINT_PAGES = 1_000;

// Plain CommonJS, evaluated: no file to resolve under tsx or a build. The module's path is given.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("synchronous = " + workerData.synchronous);
const timer = setInterval(() => db.pragma("wal_checkpoint(PASSIVE)"), workerData.everyMs);
parentPort.on("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the worker (its connection closes; the store's last close checkpoints what is left). */
  close(): Promise<void>;
}

export function checkpointInWorker(
  db: Database.Database,
  file: string,
  synchronous: "NORMAL" | "FULL",
  everyMs = EVERY_MS,
): Checkpointer | null {
  if (file === ":memory:") return null;
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        module: createRequire(import.meta.url).resolve("better-sqlite3"),
        file,
        synchronous,
        everyMs,
      },
    });
  } catch {
    return null;
  }
  db.pragma("wal_autocheckpoint = 0");
  let closing = false;
  const fallBack = () => {
    if (!closing && db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  worker.on("error", fallBack);
  worker.on("exit", fallBack);
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    async close() {
      closing = true;
      worker.postMessage("close");
      const timer = setTimeout(() => void worker.terminate(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
