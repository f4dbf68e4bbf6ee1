import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { newId, nodesMap } from "@logic-canvas/shared";
import type { Flags } from "./lib/args.ts";
import { type BenchClient, connectMany, type Target } from "./lib/clients.ts";
import { LatencyRecorder, pendingAcks, seedCards, startEditing } from "./lib/edits.ts";
import { generateModel } from "./lib/generate.ts";
import { writeResult } from "./lib/machine.ts";
import { sampleResources, sleep } from "./lib/process.ts";
import { describeResult, runScenario } from "./lib/scenario.ts";
import { ratio, round, summarize } from "./lib/stats.ts";
import { type Launched, launch } from "./lib/targets.ts";

export const description =
  "Benchmark 5: benchmark 1 at 10 clients split over two server processes on Redis, against one";

interface Options {
  clients: number;
  seconds: number;
  warmupSeconds: number;
  ratePerSecond: number;
  redisUrl: string;
}

/** Two processes of our server on one data folder and one Redis; clients alternate between them. */
async function measureTwoProcesses(o: Options) {
  const dataDir = mkdtempSync(join(os.tmpdir(), "lc-bench-multi-"));
  // A prefix of its own, so nothing else on this Redis hears these documents.
  const env = { REDIS_URL: o.redisUrl, REDIS_PREFIX: `lc-bench-${newId(8)}` };
  const servers: Launched[] = [];
  let clients: BenchClient[] = [];
  try {
    servers.push(await launch("ours", { dataDir, env }), await launch("ours", { dataDir, env }));
    const [a, b] = servers as [Launched, Launched];
    const { target } = await a.newDocument(generateModel(o.clients));
    const on = (server: Launched): Target => ({ ...target, port: server.server.port });
    clients = await connectMany(o.clients, (i) => on(i % 2 === 0 ? a : b));
    const cards = await seedCards(clients[0] as BenchClient, clients, o.clients);
    const recorder = new LatencyRecorder();
    for (const client of clients) recorder.observe(client);
    const editing = startEditing(
      clients.map((client, i) => ({ client, cardId: cards[i] as string, peers: o.clients - 1 })),
      o.ratePerSecond,
      recorder,
    );
    await sleep(o.warmupSeconds * 1000);
    const samplers = servers.map((s) => sampleResources(s.server.pid));
    recorder.open();
    await sleep(o.seconds * 1000);
    recorder.close();
    const resources = samplers.map((s) => s.stop());
    editing.stop();
    const loadAverage1m = round(os.loadavg()[0] ?? 0);
    await sleep(3000);
    const expected = JSON.stringify(nodesMap((clients[0] as BenchClient).doc).toJSON());
    const divergentClients = clients.filter(
      (c) => JSON.stringify(nodesMap(c.doc).toJSON()) !== expected,
    ).length;
    return {
      processes: 2,
      latency: summarize(recorder.samples),
      sent: recorder.sentInWindow,
      expectedDeliveries: recorder.expectedDeliveries,
      missingDeliveries: Math.max(0, recorder.expectedDeliveries - recorder.samples.length),
      divergentClients,
      unacknowledgedEdits: pendingAcks(clients),
      clientErrors: [...new Set(clients.flatMap((c) => c.errors))],
      serverProcesses: resources,
      loadAverage1m,
    };
  } finally {
    for (const client of clients) client.destroy();
    for (const server of servers) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(flags: Flags): Promise<void> {
  const o: Options = {
    clients: flags.number("clients", 10),
    seconds: flags.number("seconds", 30),
    warmupSeconds: flags.number("warmup", 3),
    ratePerSecond: flags.number("rate", 1),
    redisUrl: flags.strings("redis", [
      process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    ])[0] as string,
  };
  console.log(
    `  ${o.clients} clients, ${o.seconds} s: two processes on Redis and one process, side by side …`,
  );
  // Side by side, like benchmark 1, so load from elsewhere on the machine falls on both alike.
  const [two, one] = await Promise.allSettled([
    measureTwoProcesses(o),
    runScenario({
      server: "ours",
      documents: 1,
      clientsPerDocument: o.clients,
      editorsPerDocument: o.clients,
      seconds: o.seconds,
      warmupSeconds: o.warmupSeconds,
      ratePerSecond: o.ratePerSecond,
    }),
  ]);
  if (two.status === "rejected") {
    console.log(`  not available: ${(two.reason as Error).message.split("\n")[0]}`);
    return;
  }
  const l = two.value.latency;
  console.log(
    `  two processes: p50 ${l.p50} ms  p95 ${l.p95} ms  p99 ${l.p99} ms  (${l.count} deliveries, ` +
      `${two.value.divergentClients} diverged, ${two.value.clientErrors.length} client errors; load avg ${two.value.loadAverage1m})`,
  );
  const single = one.status === "fulfilled" ? (({ samples: _, ...r }) => r)(one.value) : undefined;
  if (single) console.log(`  one process:   ${describeResult(single)}`);
  else console.log(`  one process failed: ${(one as PromiseRejectedResult).reason}`);
  const p99TwoOverOne = single ? ratio(l.p99, single.latency.p99) : null;
  const p50TwoOverOne = single ? ratio(l.p50, single.latency.p50) : null;
  console.log(`  p99 two/one ${p99TwoOverOne ?? "n/a"}, p50 two/one ${p50TwoOverOne ?? "n/a"}`);
  const path = writeResult(
    "multi-process",
    {
      clients: o.clients,
      seconds: o.seconds,
      ratePerSecond: o.ratePerSecond,
      setup:
        "two processes of our server (REDIS_URL, one SQLite data folder), clients alternating between them; against one process without Redis, run at the same time",
    },
    { twoProcesses: two.value, oneProcess: single ?? null, p99TwoOverOne, p50TwoOverOne },
  );
  console.log(`  → ${path}`);
}
