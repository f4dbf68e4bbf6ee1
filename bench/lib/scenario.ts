import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { ClientPool } from "./client-pool.ts";
import type { ClientSpec } from "./client-protocol.ts";
import { type BenchClient, connectClient, type Target, withTimeout } from "./clients.ts";
import { clockMs } from "./clock.ts";
import { createModelsDirectly } from "./direct-models.ts";
import { seedCards } from "./edits.ts";
import { generateModel } from "./generate.ts";
import { type ResourceFigures, sampleResources, sleep } from "./process.ts";
import { round, type Summary, summarize } from "./stats.ts";
import { type Launched, launch, type ServerKind } from "./targets.ts";

/** Clients per client process unless a scenario says otherwise: 10 keeps each well under 30 %. */
export const CLIENTS_PER_PROCESS = 10;

export interface Scenario {
  server: ServerKind;
  documents: number;
  clientsPerDocument: number;
  /** The first this-many clients of each document edit; the rest only receive. */
  editorsPerDocument: number;
  seconds: number;
  warmupSeconds: number;
  ratePerSecond: number;
  /** Client processes; by default one per CLIENTS_PER_PROCESS clients. */
  clientProcesses?: number;
  /** Handshakes open at once over all client processes (the server caps unauthenticated sockets per address). */
  connectBatch?: number;
  /** Settings for the server process (e.g. a raised connection cap), recorded by the caller. */
  serverEnv?: Record<string, string>;
  /** Clients announce a presence state, as the app's do (see ClientSpec.presence). */
  presence?: boolean;
  /** Our server's models are written into its store before it starts (direct-models.ts). */
  directDocuments?: boolean;
}

/** Models written into the store before the server starts: the token to join each with. */
interface Precreated {
  dataDir: string;
  documents: { id: string; editorToken: string; cards: string[] }[];
}

async function precreate(s: Scenario): Promise<Precreated> {
  const dataDir = mkdtempSync(join(tmpdir(), "lc-bench-"));
  const bodies = Array.from({ length: s.documents }, () => generateModel(s.editorsPerDocument));
  const created = await createModelsDirectly(dataDir, bodies);
  const documents = created.map((c, d) => ({
    ...c,
    cards: (bodies[d] as ReturnType<typeof generateModel>).nodes
      .map((n) => n.id as string)
      .sort()
      .slice(0, s.editorsPerDocument),
  }));
  return { dataDir, documents };
}

/**
 * Documents created at once: on a loaded machine each round trip mostly waits for a CPU, and 300
 * models one after another took minutes. Four is the server's cap on one address's uploads in
 * progress (API_MAX_UPLOADS_PER_ADDRESS).
 */
const CREATE_CONCURRENCY = 4;

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
  /** Clients whose cards, after the drain, differ from the rest of their document's: lost edits. */
  divergentClients: number;
  /** The machine's 1-minute load average at the end of the window: other work skews latency. */
  loadAverage1m: number;
  unacknowledgedEdits: number;
  editErrors: number;
  clientErrorCount: number;
  /** Distinct reasons, for the report. */
  clientErrors: string[];
  setupSeconds: number;
  /** Of which: creating the documents, and connecting and syncing every client. */
  setupPhases: { documentsSeconds: number; connectSeconds: number };
  serverProcess: ResourceFigures;
  /**
   * Server CPU time (user + system) over the window ÷ deliveries of edits sent in it (edits ×
   * peers), in ms. An edit Yjs folded into a later drag of the same card counts as delivered: a
   * starved server that batches must not look cheaper per delivery for it, nor dearer.
   */
  serverCpuMsPerDelivery: number;
  /** The same CPU time ÷ edits sent in the window, in ms. */
  serverCpuMsPerEdit: number;
  /** CPU % of one core of each client process over the window: near 100 the clients, not the server, would be measured. */
  clientProcessesCpuPercent: number[];
  /** Share of the window each client process's event loop waited for a CPU (a loaded machine). */
  clientProcessesWaitingPercent: number[];
  /** CPU % of the runner's own process over the window (it holds no clients then). */
  runnerCpuPercent: number;
  /** Server CPU % with every client connected and none editing (2 s before the warm-up). */
  serverIdleCpuPercent: number;
  /** CPU per delivery above that idle floor: the marginal cost of an edit. */
  serverNetCpuMsPerDelivery: number;
  /**
   * The server or a client process waited for a CPU more than a quarter of the window: the
   * latency then measures the machine's run queue more than the server (CPU per delivery holds).
   */
  starved: boolean;
}

/** Share of the window past which a process is counted as starved of CPU. */
const STARVED_WAITING_PERCENT = 25;

interface Prepared {
  specs: ClientSpec[];
  editors: { spec: number; cardId: string; peers: number }[];
}

/**
 * Creates the documents and their cards. Our server gets its cards in the model file it is
 * created from; the bare servers get them from a seeding client in the runner, closed once the
 * client processes hold them.
 */
async function prepare(
  launched: Launched,
  s: Scenario,
  seeders: BenchClient[],
  precreated?: Precreated,
): Promise<Prepared> {
  const specs: ClientSpec[] = [];
  const editors: Prepared["editors"] = [];
  const port = launched.server.port;
  const created: { target: Target; cards: string[] }[] = (precreated?.documents ?? []).map((d) => ({
    target: { kind: "ours", port, docName: d.id, token: d.editorToken },
    cards: d.cards,
  }));
  for (let first = created.length; first < s.documents; first += CREATE_CONCURRENCY) {
    const count = Math.min(CREATE_CONCURRENCY, s.documents - first);
    created.push(
      ...(await Promise.all(Array.from({ length: count }, () => create(launched, s, seeders)))),
    );
  }
  created.forEach(({ target, cards }, d) => {
    for (let c = 0; c < s.clientsPerDocument; c++) {
      if (c < s.editorsPerDocument)
        editors.push({
          spec: specs.length,
          cardId: cards[c] as string,
          peers: s.clientsPerDocument - 1,
        });
      specs.push({ target, group: d, requireCards: cards, presence: s.presence });
    }
  });
  return { specs, editors };
}

/** One document and the ids of the cards its editors drag. */
async function create(launched: Launched, s: Scenario, seeders: BenchClient[]) {
  const body = s.server === "ours" ? generateModel(s.editorsPerDocument) : undefined;
  const { target } = await launched.newDocument(body);
  const cards = body
    ? body.nodes
        .map((n) => n.id as string)
        .sort()
        .slice(0, s.editorsPerDocument)
    : await seed(target, s.editorsPerDocument, seeders);
  return { target, cards };
}

async function seed(target: Target, count: number, seeders: BenchClient[]): Promise<string[]> {
  const seeder = connectClient(target);
  seeders.push(seeder);
  await withTimeout(seeder.synced, 30_000, "seeding client's sync");
  return seedCards(seeder, [seeder], count);
}

/**
 * Starts a server alone with its clients, spread over client processes; lets the editors drag
 * their own card at a steady rate over a window agreed in advance on the machine-wide clock, and
 * measures edit-to-peer latency, the server's CPU per delivered edit and memory, and each client
 * process's CPU.
 */
export async function runScenario(
  s: Scenario,
  onSetup?: (l: Launched) => void,
): Promise<ScenarioResult> {
  const setupStart = performance.now();
  const direct = s.directDocuments && s.server === "ours" ? await precreate(s) : undefined;
  const launched = await launch(s.server, { env: s.serverEnv, dataDir: direct?.dataDir });
  onSetup?.(launched);
  const seeders: BenchClient[] = [];
  let pool: ClientPool | undefined;
  try {
    const { specs, editors } = await prepare(launched, s, seeders, direct);
    const documentsSeconds = round((performance.now() - setupStart) / 1000, 1);
    const processes =
      s.clientProcesses ?? Math.max(1, Math.ceil(specs.length / CLIENTS_PER_PROCESS));
    pool = await ClientPool.open(specs, processes, s.connectBatch);
    for (const seeder of seeders) seeder.destroy();
    const setupSeconds = round((performance.now() - setupStart) / 1000, 1);
    const setupPhases = {
      documentsSeconds,
      connectSeconds: round(setupSeconds - documentsSeconds, 1),
    };
    const idle = sampleResources(launched.server.pid);
    await sleep(2000);
    const serverIdleCpuPercent = idle.stop().cpuPercent;
    const windowStart = clockMs() + s.warmupSeconds * 1000;
    const windowEnd = windowStart + s.seconds * 1000;
    await pool.start(editors, s.ratePerSecond, windowStart, windowEnd);
    await sleep(windowStart - clockMs());
    const window = sampleWindow(launched.server.pid, pool);
    await sleep(windowEnd - clockMs());
    const resources = window.stop();
    const loadAverage1m = round(os.loadavg()[0] ?? 0);
    // Edits sent just before the window closed are still in flight; let them land.
    await sleep(3000);
    const edits = await pool.stop();
    const state = await pool.settledReport();
    const deliveries = edits.samples.length;
    const cpuMs = resources.serverProcess.cpuSeconds * 1000;
    return {
      server: s.server,
      connections: specs.length,
      editors: editors.length,
      latency: summarize(edits.samples),
      samples: edits.samples,
      sent: edits.sentInWindow,
      expectedDeliveries: edits.expectedDeliveries,
      missingDeliveries: Math.max(0, edits.expectedDeliveries - deliveries),
      loadAverage1m,
      editErrors: edits.editErrors,
      ...state,
      setupSeconds,
      setupPhases,
      ...resources,
      serverCpuMsPerDelivery: edits.expectedDeliveries
        ? round(cpuMs / edits.expectedDeliveries, 4)
        : NaN,
      serverCpuMsPerEdit: edits.sentInWindow ? round(cpuMs / edits.sentInWindow, 3) : NaN,
      serverIdleCpuPercent,
      serverNetCpuMsPerDelivery: edits.expectedDeliveries
        ? round((cpuMs - serverIdleCpuPercent * 10 * s.seconds) / edits.expectedDeliveries, 4)
        : NaN,
      starved: [
        resources.serverProcess.waitingForCpuPercent,
        ...resources.clientProcessesWaitingPercent,
      ].some((w) => w > STARVED_WAITING_PERCENT),
    };
  } finally {
    for (const seeder of seeders) seeder.destroy();
    await pool?.close();
    await launched.stop();
    if (direct) rmSync(direct.dataDir, { recursive: true, force: true });
  }
}

/** CPU and memory of the server, of every client process and of the runner over the window. */
function sampleWindow(serverPid: number, pool: ClientPool) {
  const server = sampleResources(serverPid);
  const clients = pool.sampleResources();
  const runnerStart = process.cpuUsage();
  const wallStart = performance.now();
  return {
    stop() {
      const cpu = process.cpuUsage(runnerStart);
      const wallMs = performance.now() - wallStart;
      const clientFigures = clients.stop();
      return {
        serverProcess: server.stop(),
        clientProcessesCpuPercent: clientFigures.map((c) => c.cpuPercent),
        clientProcessesWaitingPercent: clientFigures.map((c) => c.waitingForCpuPercent),
        runnerCpuPercent: round(((cpu.user + cpu.system) / 1000 / wallMs) * 100, 1),
      };
    },
  };
}

export function describeResult(r: Omit<ScenarioResult, "samples">): string {
  const l = r.latency;
  const clientCpu = r.clientProcessesCpuPercent;
  return (
    `p50 ${l.p50} ms  p95 ${l.p95} ms  p99 ${l.p99} ms  max ${l.max} ms  (${l.count} deliveries, ` +
    `${r.missingDeliveries} merged, ${r.divergentClients} diverged, ${r.unacknowledgedEdits} unacked, ${r.clientErrorCount} client errors; ` +
    `server CPU ${r.serverProcess.cpuPercent} % (idle ${r.serverIdleCpuPercent} %) = ${r.serverCpuMsPerDelivery} ms per delivery (${r.serverNetCpuMsPerDelivery} above idle), waited for a CPU ${r.serverProcess.waitingForCpuPercent} %, ` +
    `RSS peak ${r.serverProcess.rssMiBPeak} MiB; ${clientCpu.length} client processes, max ${Math.max(...clientCpu)} % CPU, ` +
    `waited ≤ ${Math.max(...r.clientProcessesWaitingPercent)} %; load avg ${r.loadAverage1m}; ` +
    `setup ${r.setupSeconds} s: documents ${r.setupPhases.documentsSeconds} s, connect ${r.setupPhases.connectSeconds} s)` +
    (r.starved ? " STARVED: latency here measures the run queue" : "")
  );
}
