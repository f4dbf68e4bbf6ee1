import { moveNode } from "@logic-canvas/shared";
import type { Flags } from "./lib/args.ts";
import { type BenchClient, connectMany } from "./lib/clients.ts";
import { BENCH_ORIGIN, seedCards } from "./lib/edits.ts";
import { generateModel } from "./lib/generate.ts";
import { writeResult } from "./lib/machine.ts";
import { sampleResources, sleep } from "./lib/process.ts";
import { round, summarize } from "./lib/stats.ts";
import { launch, SERVER_LABELS, type ServerKind } from "./lib/targets.ts";

export const description =
  "Benchmark 4: acknowledged edits per second with the per-edit durable append against a debounced store";

// The server has no switch back to Hocuspocus's debounced store, so the comparison is ours
// against a bare Hocuspocus with the official SQLite extension (debounced), and a bare
// in-memory Hocuspocus as the ceiling.
const SERVERS: ServerKind[] = ["ours", "debounced-sqlite", "hocuspocus"];

/**
 * Closed loop: every client keeps `inFlight` edits unacknowledged and sends the next as soon as
 * one is acknowledged, so the figure is what the server can accept, not what the clients offer.
 */
async function measureThroughput(
  kind: ServerKind,
  options: { clients: number; inFlight: number; seconds: number; warmupSeconds: number },
) {
  // Our per-connection rate limit would cap a closed loop; this measures storage, not the limit.
  const launched = await launch(kind, {
    env: { WS_MESSAGES_PER_SECOND: "1000000", WS_MESSAGE_BURST: "1000000" },
  });
  let clients: BenchClient[] = [];
  try {
    const body = kind === "ours" ? generateModel(options.clients) : undefined;
    const { target } = await launched.newDocument(body);
    clients = await connectMany(options.clients, () => target);
    const cards = await seedCards(clients[0] as BenchClient, clients, options.clients);
    let running = true;
    let counting = false;
    let acked = 0;
    const ackTimes: number[] = [];
    clients.forEach((client, i) => {
      const sentAt: number[] = [];
      const send = () => {
        const now = performance.now();
        sentAt.push(now);
        moveNode(client.doc, cards[i] as string, { x: now, y: i }, BENCH_ORIGIN);
      };
      client.onUnsynced((count) => {
        // Acknowledgements come in order: the oldest outstanding edits are the acknowledged ones.
        while (sentAt.length > count) {
          const at = sentAt.shift() as number;
          if (counting) {
            acked++;
            ackTimes.push(performance.now() - at);
          }
        }
        while (running && sentAt.length < options.inFlight) send();
      });
      for (let k = 0; k < options.inFlight; k++) send();
    });
    await sleep(options.warmupSeconds * 1000);
    const resources = sampleResources(launched.server.pid);
    const start = performance.now();
    counting = true;
    await sleep(options.seconds * 1000);
    counting = false;
    const elapsed = (performance.now() - start) / 1000;
    const serverProcess = resources.stop();
    running = false;
    await sleep(1000);
    return {
      server: kind,
      what: SERVER_LABELS[kind],
      editsPerSecond: round(acked / elapsed, 0),
      acknowledged: acked,
      ackLatency: summarize(ackTimes),
      clientErrors: [...new Set(clients.flatMap((c) => c.errors))],
      serverProcess,
    };
  } finally {
    for (const client of clients) client.destroy();
    await launched.stop();
  }
}

export async function run(flags: Flags): Promise<void> {
  const options = {
    clients: flags.number("clients", 10),
    inFlight: flags.number("in-flight", 1),
    seconds: flags.number("seconds", 20),
    warmupSeconds: flags.number("warmup", 2),
  };
  const servers = flags.strings("servers", SERVERS) as ServerKind[];
  const runs: Awaited<ReturnType<typeof measureThroughput>>[] = [];
  const unavailable: Record<string, string> = {};
  for (const kind of servers) {
    process.stdout.write(`  ${kind}: ${options.clients} clients, ${options.inFlight} in flight … `);
    try {
      const r = await measureThroughput(kind, options);
      runs.push(r);
      console.log(
        `${r.editsPerSecond} acknowledged edits/s, ack p50 ${r.ackLatency.p50} ms p99 ${r.ackLatency.p99} ms, ` +
          `server CPU ${r.serverProcess.cpuPercent} %${r.clientErrors.length ? `, errors: ${r.clientErrors.join("; ")}` : ""}`,
      );
    } catch (error) {
      unavailable[kind] = (error as Error).message.split("\n")[0] as string;
      console.log(`not available: ${unavailable[kind]}`);
    }
  }
  const rate = (k: ServerKind) => runs.find((r) => r.server === k)?.editsPerSecond;
  const ours = rate("ours");
  const debounced = rate("debounced-sqlite");
  const oursOverDebounced = ours && debounced ? round(ours / debounced) : null;
  console.log(`  ours / debounced store: ${oursOverDebounced ?? "n/a"}`);
  const path = writeResult(
    "durability-cost",
    {
      ...options,
      loop: "closed: each client sends its next drag as soon as one is acknowledged",
      note: "the server has no switch for a debounced store; the debounced figure is a bare Hocuspocus with @hocuspocus/extension-sqlite, so it also lacks our auth and validation",
    },
    { runs, oursOverDebounced, unavailable },
  );
  console.log(`  → ${path}`);
}
