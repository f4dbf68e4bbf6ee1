import { ClientPool } from "./client-pool.ts";
import type { ClientSpec } from "./client-protocol.ts";
import { generateModel } from "./generate.ts";
import { rssMiB, sleep } from "./process.ts";
import { round } from "./stats.ts";
import { launch, type ServerKind } from "./targets.ts";

/** Connections per model in the idle measure: under the 100 one share link may hold. */
const IDLE_PER_MODEL = 50;

/**
 * RSS after a full collection, the median of a few readings a second apart: the garbage of
 * connecting is not counted as held by the connections.
 */
async function settledRss(pid: number, readings = 3): Promise<number> {
  const values: number[] = [];
  await sleep(2000);
  for (let i = 0; i < readings; i++) {
    process.kill(pid, "SIGUSR2");
    await sleep(1000);
    values.push(rssMiB(pid));
  }
  return values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
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
  const launched = await launch(o.server, { env: o.serverEnv });
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
    const before = await settledRss(pid);
    const idle = Array.from({ length: o.connections }, (_, i) => specs[i % models] as ClientSpec);
    pools.push(await ClientPool.open(idle, o.clientProcesses, 100));
    const after = await settledRss(pid);
    return {
      models,
      connections: o.connections,
      rssMiBBaseline: round(before, 1),
      rssMiBWithIdle: round(after, 1),
      kibPerIdleConnection: round(((after - before) * 1024) / o.connections, 1),
    };
  } finally {
    for (const pool of pools) await pool.close();
    await launched.stop();
  }
}
