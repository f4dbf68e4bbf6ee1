import { parentPort } from "node:worker_threads";
import { readCanvasSnapshot } from "@logic-canvas/shared";
import * as Y from "yjs";
import { summarizeGraph } from "./graph-summary.ts";

/**
 * Reads and validates a graph document off the main thread: a few thousand cards take from a
 * tenth of a second to over a second to rebuild, which on the main thread would hold every
 * other request and live edit back. Messages: `{ id, updates, today }` → `{ id, summary }` or
 * `{ id, error }`; with `kind: "snapshot"`, the canvas snapshot as JSON text, `{ id, snapshot }`.
 */
export interface SummaryJob {
  id: number;
  updates: Uint8Array[];
  today: string;
  kind?: "summary" | "snapshot";
}

parentPort?.on("message", (job: SummaryJob) => {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of job.updates) Y.applyUpdate(doc, update);
    });
    if (job.kind === "snapshot")
      parentPort?.postMessage({ id: job.id, snapshot: JSON.stringify(readCanvasSnapshot(doc)) });
    else parentPort?.postMessage({ id: job.id, summary: summarizeGraph(doc, job.today) });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: String(error) });
  } finally {
    doc.destroy();
  }
});
