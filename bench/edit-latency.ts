import type { Flags } from "./lib/args.ts";
import { writeResult } from "./lib/machine.ts";
import { describeResult, runScenario, type ScenarioResult } from "./lib/scenario.ts";
import { ratio, summarize } from "./lib/stats.ts";
import { SERVER_KINDS, SERVER_LABELS, type ServerKind } from "./lib/targets.ts";

export const description =
  "Benchmark 1: edit-to-peer latency at 2, 10 and 50 clients, ours against a bare relay and bare Hocuspocus";

type Options = { seconds: number; warmupSeconds: number; ratePerSecond: number };
type Run = Omit<ScenarioResult, "samples"> & { clients: number; round: number };

/** Every run's result, the samples pooled per server and size, and servers that could not run. */
interface Sweep {
  runs: Run[];
  pooled: Map<string, number[]>;
  unavailable: Record<string, string>;
}

/** One scenario for one server and size; a server that fails once is left out of later rounds. */
async function measure(
  sweep: Sweep,
  options: Options,
  rounds: number,
  server: ServerKind,
  size: number,
  round: number,
): Promise<void> {
  if (sweep.unavailable[server]) return;
  try {
    const { samples, ...result } = await runScenario({
      server,
      documents: 1,
      clientsPerDocument: size,
      editorsPerDocument: size,
      ...options,
    });
    sweep.runs.push({ ...result, clients: size, round });
    const key = `${server}/${size}`;
    sweep.pooled.set(key, [...(sweep.pooled.get(key) ?? []), ...samples]);
    console.log(`  [${round}/${rounds}] ${server} × ${size}: ${describeResult(result)}`);
  } catch (error) {
    sweep.unavailable[server] = (error as Error).message.split("\n")[0] as string;
    console.log(`  ${server}: not available: ${(error as Error).message.slice(0, 800)}`);
  }
}

/**
 * By default the servers run side by side, at the same moment, each with its own clients: load
 * from anything else on the machine then falls on all of them alike, which keeps the ratios honest
 * on a shared machine. `sequential` runs them one after another instead. More rounds repeat the
 * sweep and pool the samples.
 */
async function sweepSizes(
  servers: ServerKind[],
  sizes: number[],
  options: Options,
  rounds: number,
  sequential: boolean,
): Promise<Sweep> {
  const sweep: Sweep = { runs: [], pooled: new Map(), unavailable: {} };
  for (let round = 1; round <= rounds; round++) {
    for (const size of sizes) {
      console.log(
        `  [${round}/${rounds}] ${size} clients, ${options.seconds} s, ${sequential ? "one server at a time" : "servers side by side"} …`,
      );
      const one = (server: ServerKind) => measure(sweep, options, rounds, server, size, round);
      if (sequential) for (const server of servers) await one(server);
      else await Promise.all(servers.map(one));
    }
  }
  return sweep;
}

/** Our server's latency over the bare relay's and bare Hocuspocus's, per number of clients. */
function latencyRatios(sizes: number[], latency: (kind: ServerKind, size: number) => Latency) {
  const r = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined ? ratio(a, b) : null;
  return sizes.map((size) => {
    const ours = latency("ours", size);
    const relay = latency("relay", size);
    const bare = latency("hocuspocus", size);
    return {
      clients: size,
      p99OursOverRelay: r(ours?.p99, relay?.p99),
      p99OursOverBareHocuspocus: r(ours?.p99, bare?.p99),
      p50OursOverRelay: r(ours?.p50, relay?.p50),
      p50OursOverBareHocuspocus: r(ours?.p50, bare?.p50),
      p99BareHocuspocusOverRelay: r(bare?.p99, relay?.p99),
    };
  });
}

type Latency = ReturnType<typeof summarize> | undefined;

export async function run(flags: Flags): Promise<void> {
  const sizes = flags.numbers("clients", [2, 10, 50]);
  const servers = flags.strings("servers", [...SERVER_KINDS]) as ServerKind[];
  const options = {
    seconds: flags.number("seconds", 30),
    warmupSeconds: flags.number("warmup", 3),
    ratePerSecond: flags.number("rate", 1),
  };
  const rounds = flags.number("rounds", 1);
  const sequential = flags.has("sequential");
  const { runs, pooled, unavailable } = await sweepSizes(
    servers,
    sizes,
    options,
    rounds,
    sequential,
  );
  const latency = (kind: ServerKind, size: number): Latency => {
    const samples = pooled.get(`${kind}/${size}`);
    return samples ? summarize(samples) : undefined;
  };
  const pooledLatency = sizes.flatMap((size) =>
    servers.flatMap((server) => {
      const l = latency(server, size);
      return l ? [{ server, clients: size, latency: l }] : [];
    }),
  );
  const ratios = latencyRatios(sizes, latency);
  for (const r of ratios) {
    console.log(
      `  ${r.clients} clients: p99 ours/relay ${r.p99OursOverRelay ?? "n/a"}, ` +
        `ours/bare Hocuspocus ${r.p99OursOverBareHocuspocus ?? "n/a"}, ` +
        `bare Hocuspocus/relay ${r.p99BareHocuspocusOverRelay ?? "n/a"}`,
    );
  }
  const path = writeResult(
    "edit-latency",
    {
      ...options,
      rounds,
      sizes,
      sideBySide: !sequential,
      servers: servers.map((s) => ({ kind: s, what: SERVER_LABELS[s] })),
      edit: "moveNode of the sender's own card, ±20 % jitter; x = sender's performance.now()",
      processes:
        "all clients in the runner's process; each server in its own child process; side by side, the runner's CPU figure covers every group",
      target: "p99 ours ≤ 1.2 × relay at 50 clients",
    },
    { pooledLatency, ratios, runs, unavailable },
  );
  console.log(`  → ${path}`);
}
