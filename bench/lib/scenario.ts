import os from "node:os";
import { nodesMap } from "@logic-canvas/shared";
import { type BenchClient, connectMany, type Target } from "./clients.ts";
import { type Editor, LatencyRecorder, pendingAcks, seedCards, startEditing } from "./edits.ts";
import { generateModel } from "./generate.ts";
import { type ResourceFigures, sampleResources, sleep } from "./process.ts";
import { round, type Summary, summarize } from "./stats.ts";
import { type Launched, launch, type ServerKind } from "./targets.ts";

export interface Scenario {
  server: ServerKind;
  documents: number;
  clientsPerDocument: number;
  /** The first this-many clients of each document edit; the rest only receive. */
  editorsPerDocument: number;
  seconds: number;
  warmupSeconds: number;
  ratePerSecond: number;
}

export interface ScenarioResult {
  server: ServerKind;
  connections: number;
  editors: number;
  latency: Summary;
  /** Every delivery's latency (ms), for pooling over rounds; not written to results. */
  samples: number[];
  sent: number;
  expectedDeliveries: number;
  /**
   * Deliveries never observed as such. Yjs merges two drags of one card that reach a receiver
   * together (a stalled server flushes them as one update), so a non-zero count under load means
   * superseded positions, not lost edits; `divergentClients` is the loss check.
   */
  missingDeliveries: number;
  /** Clients whose cards, after the drain, differ from the editors' own: lost edits. */
  divergentClients: number;
  /** The machine's 1-minute load average at the end of the window: other work skews latency. */
  loadAverage1m: number;
  unacknowledgedEdits: number;
  editErrors: number;
  clientErrorCount: number;
  /** Distinct reasons, for the report. */
  clientErrors: string[];
  setupSeconds: number;
  serverProcess: ResourceFigures;
  /** CPU of the process that runs every client, to tell a client bottleneck from a server one. */
  clientProcessCpuPercent: number;
}

/**
 * Starts a server, opens `documents` documents with `clientsPerDocument` clients each, lets the
 * editors drag their own card at a steady rate, and measures edit-to-peer latency over the
 * window together with the server's CPU and memory.
 */
export async function runScenario(
  s: Scenario,
  onSetup?: (l: Launched) => void,
): Promise<ScenarioResult> {
  const setupStart = performance.now();
  const launched = await launch(s.server);
  onSetup?.(launched);
  const all: BenchClient[] = [];
  try {
    const recorder = new LatencyRecorder();
    const editors: Editor[] = [];
    const groups: BenchClient[][] = [];
    for (let d = 0; d < s.documents; d++) {
      // Our server gets its cards in the model file it is created from.
      const body = s.server === "ours" ? generateModel(s.editorsPerDocument) : undefined;
      const { target } = await launched.newDocument(body);
      const clients = await connectMany(s.clientsPerDocument, (): Target => target);
      all.push(...clients);
      groups.push(clients);
      const cards = await seedCards(clients[0] as BenchClient, clients, s.editorsPerDocument);
      for (const client of clients) recorder.observe(client);
      for (let e = 0; e < s.editorsPerDocument; e++) {
        editors.push({
          client: clients[e] as BenchClient,
          cardId: cards[e] as string,
          peers: s.clientsPerDocument - 1,
        });
      }
    }
    const setupSeconds = round((performance.now() - setupStart) / 1000, 1);
    const editing = startEditing(editors, s.ratePerSecond, recorder);
    await sleep(s.warmupSeconds * 1000);
    const resources = sampleResources(launched.server.pid);
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    recorder.open();
    await sleep(s.seconds * 1000);
    recorder.close();
    const serverProcess = resources.stop();
    const cpu = process.cpuUsage(cpuStart);
    const clientProcessCpuPercent = round(
      ((cpu.user + cpu.system) / 1000 / (performance.now() - wallStart)) * 100,
      1,
    );
    const { editErrors } = editing.stop();
    const loadAverage1m = round(os.loadavg()[0] ?? 0);
    // Edits sent just before the window closed are still in flight; let them land.
    await sleep(3000);
    let divergentClients = 0;
    for (const group of groups) {
      const expected = JSON.stringify(nodesMap((group[0] as BenchClient).doc).toJSON());
      for (const client of group) {
        if (JSON.stringify(nodesMap(client.doc).toJSON()) !== expected) divergentClients++;
      }
    }
    return {
      server: s.server,
      connections: all.length,
      editors: editors.length,
      latency: summarize(recorder.samples),
      samples: recorder.samples,
      sent: recorder.sentInWindow,
      expectedDeliveries: recorder.expectedDeliveries,
      missingDeliveries: Math.max(0, recorder.expectedDeliveries - recorder.samples.length),
      divergentClients,
      loadAverage1m,
      unacknowledgedEdits: pendingAcks(all),
      editErrors,
      clientErrorCount: all.reduce((n, c) => n + c.errors.length, 0),
      clientErrors: [...new Set(all.flatMap((c) => c.errors))].slice(0, 20),
      setupSeconds,
      serverProcess,
      clientProcessCpuPercent,
    };
  } finally {
    for (const client of all) client.destroy();
    await launched.stop();
  }
}

export function describeResult(r: Omit<ScenarioResult, "samples">): string {
  const l = r.latency;
  return (
    `p50 ${l.p50} ms  p95 ${l.p95} ms  p99 ${l.p99} ms  max ${l.max} ms  (${l.count} deliveries, ` +
    `${r.missingDeliveries} merged, ${r.divergentClients} diverged, ${r.unacknowledgedEdits} unacked, ${r.clientErrorCount} client errors; ` +
    `server CPU ${r.serverProcess.cpuPercent} %, RSS peak ${r.serverProcess.rssMiBPeak} MiB; ` +
    `client process CPU ${r.clientProcessCpuPercent} %; load avg ${r.loadAverage1m})`
  );
}
