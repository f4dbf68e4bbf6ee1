import { createHash } from "node:crypto";
import { nodesMap } from "@logic-canvas/shared";
import type {
  ClientSpec,
  EditFigures,
  EditorSpec,
  StateFigures,
  WorkerReply,
  WorkerRequest,
} from "./client-protocol.ts";
import { type BenchClient, connectClient, waitFor, withTimeout } from "./clients.ts";
import { clockMs } from "./clock.ts";
import { LatencyRecorder, pendingAcks, startEditing } from "./edits.ts";

/**
 * One client process of a benchmark: it holds some of the clients, drives its editors and
 * records the latency of what its clients receive. The runner (client-pool.ts) spreads clients
 * over several of these so that no client process is the bottleneck it would be measuring.
 */
const clients: BenchClient[] = [];
const groups: number[] = [];
const recorder = new LatencyRecorder();
let editing: ReturnType<typeof startEditing> | undefined;
let editErrors = 0;
let closing = false;
/** Setup is not measured; on a machine loaded many times over, 3,000 handshakes take minutes. */
const SETUP_MS = 300_000;

async function connect(specs: ClientSpec[], batch: number): Promise<{ connected: number }> {
  for (let start = 0; start < specs.length; start += batch) {
    const slice = specs.slice(start, start + batch);
    const group = slice.map((spec) =>
      connectClient(spec.target, undefined, { presence: spec.presence }),
    );
    clients.push(...group);
    groups.push(...slice.map((spec) => spec.group));
    await Promise.all(group.map((c) => withTimeout(c.synced, SETUP_MS, "initial sync")));
  }
  await waitFor(
    () => specs.every((spec, i) => hasCards(clients[i] as BenchClient, spec.requireCards)),
    SETUP_MS,
    "seeded cards reaching every client",
  );
  for (const client of clients) recorder.observe(client);
  return { connected: clients.length };
}

function hasCards(client: BenchClient, ids: string[]): boolean {
  const nodes = nodesMap(client.doc);
  return ids.every((id) => nodes.has(id));
}

/** Edits from now until the window's end, then stops on its own: no message delay at the edge. */
function start(editors: EditorSpec[], rate: number, windowStart: number, windowEnd: number) {
  recorder.setWindow(windowStart, windowEnd);
  const running = startEditing(
    editors.map((e) => ({
      client: clients[e.client] as BenchClient,
      cardId: e.cardId,
      peers: e.peers,
    })),
    rate,
    recorder,
  );
  editing = running;
  setTimeout(() => {
    editErrors = running.stop().editErrors;
  }, windowEnd - clockMs());
  return { editors: editors.length };
}

/** What was received: called after the drain, so late deliveries of edits in the window count. */
function stop(): EditFigures {
  if (editing) editErrors = editing.stop().editErrors;
  return {
    samples: recorder.samples,
    sentInWindow: recorder.sentInWindow,
    expectedDeliveries: recorder.expectedDeliveries,
    editErrors,
  };
}

function report(): StateFigures {
  return {
    unacknowledgedEdits: pendingAcks(clients),
    errorCount: clients.reduce((n, c) => n + c.errors.length, 0),
    errors: [...new Set(clients.flatMap((c) => c.errors))].slice(0, 20),
    digests: clients.map((client, i) => ({
      group: groups[i] as number,
      digest: createHash("sha1")
        .update(JSON.stringify(nodesMap(client.doc).toJSON()))
        .digest("hex"),
    })),
  };
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case "connect":
      return connect(request.clients, request.batch);
    case "start":
      return start(request.editors, request.ratePerSecond, request.windowStart, request.windowEnd);
    case "stop":
      return stop();
    case "report":
      return report();
    case "close":
      closing = true;
      for (const client of clients) client.destroy();
      setTimeout(() => process.exit(0), 50);
      return {};
  }
}

// y-websocket adds a process exit listener per provider; hundreds of them are expected here.
process.setMaxListeners(0);
process.on("message", (message: WorkerRequest & { id: number }) => {
  const reply = (r: WorkerReply) => process.send?.(r);
  handle(message).then(
    (result) => reply({ id: message.id, ok: true, result }),
    (error: Error) => reply({ id: message.id, ok: false, error: error.message }),
  );
});
// Destroying a socket still connecting emits an error nobody listens to; when closing, that is
// expected. Otherwise the reason goes to the runner's output and the process ends.
process.on("uncaughtException", (error) => {
  if (closing) return;
  console.error(`client process: ${error.stack ?? error}`);
  process.exit(1);
});
// The runner went away: nothing left to measure for.
process.on("disconnect", () => process.exit(0));
