import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ClientPool } from "./client-pool.ts";
import type { ClientSpec } from "./client-protocol.ts";
import { generateModel } from "./generate.ts";
import { rssMiB, sleep } from "./process.ts";
import { round } from "./stats.ts";
import { launch, type ServerKind } from "./targets.ts";

/** Connections per model in the idle measure: under the 100 one share link may hold. */
const IDLE_PER_MODEL = 50;

const median = (values: number[]) =>
  values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/**
 * RSS, and the JavaScript heap plus the memory outside it that JavaScript holds (buffers,
 * sockets' pending data: `heapUsed + external`), both in MiB after a full collection, each the
 * median of a few readings a second apart: the garbage of connecting is not counted as held by
 * the connections. The RSS alone can fall as connections arrive (the allocator returns pages
 * freed by the collection), so the held figure is the one to read per connection.
 */
async function settledMemory(pid: number, file: string, readings = 3) {
  const rss: number[] = [];
  const held: number[] = [];
  await sleep(2000);
  for (let i = 0; i < readings; i++) {
    process.kill(pid, "SIGUSR2");
    await sleep(1000);
    rss.push(rssMiB(pid));
    const usage = JSON.parse(readFileSync(file, "utf8")) as { heapUsed: number; external: number };
    held.push((usage.heapUsed + usage.external) / 2 ** 20);
  }
  return { rss: median(rss), held: median(held) };
}

/**
 * The server's resident memory per idle connection: the models are created and each opened by
 * one client first (the documents' own memory is in the baseline), then `connections` more
 * clients join them and do nothing; (RSS after − RSS before) ÷ connections.
 */
export async function measureIdleMemory(o: {
  server: ServerKind;
  connections: number;
  clientProcesses: number;
  serverEnv: Record<string, string>;
}) {
  const dir = mkdtempSync(join(tmpdir(), "idle-memory-"));
  const file = join(dir, "usage.json");
  const launched = await launch(o.server, { env: { ...o.serverEnv, BENCH_MEMORY_FILE: file } });
  const pools: ClientPool[] = [];
  try {
    const models = Math.max(1, Math.ceil(o.connections / IDLE_PER_MODEL));
    const specs: ClientSpec[] = [];
    for (let m = 0; m < models; m++) {
      const { target } = await launched.newDocument(
        o.server === "ours" ? generateModel(5) : undefined,
      );
      specs.push({ target, group: m, requireCards: [] });
    }
    pools.push(await ClientPool.open(specs, 1));
    const pid = launched.server.pid;
    const before = await settledMemory(pid, file);
    const idle = Array.from({ length: o.connections }, (_, i) => specs[i % models] as ClientSpec);
    pools.push(await ClientPool.open(idle, o.clientProcesses, 100));
    const after = await settledMemory(pid, file);
    const perConnection = (a: number, b: number) => round(((b - a) * 1024) / o.connections, 1);
    return {
      models,
      connections: o.connections,
      rssMiBBaseline: round(before.rss, 1),
      rssMiBWithIdle: round(after.rss, 1),
      heldMiBBaseline: round(before.held, 1),
      heldMiBWithIdle: round(after.held, 1),
      kibPerIdleConnection: perConnection(before.held, after.held),
      rssKibPerIdleConnection: perConnection(before.rss, after.rss),
    };
  } finally {
    for (const pool of pools) await pool.close();
    await launched.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
