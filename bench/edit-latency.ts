import type { Flags } from "./lib/args.ts";
import { writeResult } from "./lib/machine.ts";
import { type Medians, medianRatios, medians, type RoundFigures } from "./lib/rounds.ts";
import {
  CLIENTS_PER_PROCESS,
  describeResult,
  runScenario,
  type ScenarioResult,
} from "./lib/scenario.ts";
import { SERVER_KINDS, SERVER_LABELS, type ServerKind } from "./lib/targets.ts";

export const description =
  "Benchmark 1: edit-to-peer latency and server CPU per delivered edit at 10 and 50 clients, ours against a bare relay and bare Hocuspocus, each alone with its clients";

interface Options {
  seconds: number;
  warmupSeconds: number;
  ratePerSecond: number;
  clientsPerProcess: number;
}
type Run = Omit<ScenarioResult, "samples"> & { clients: number; round: number };

/** Every run's result, and servers that could not run with the reason. */
interface Sweep {
  runs: Run[];
  unavailable: Record<string, string>;
}

/** One scenario for one server and size; a server that fails once is left out of later rounds. */
async function measure(sweep: Sweep, o: Options, server: ServerKind, size: number, round: number) {
  if (sweep.unavailable[server]) return;
  try {
    const { samples: _samples, ...result } = await runScenario({
      server,
      documents: 1,
      clientsPerDocument: size,
      editorsPerDocument: size,
      seconds: o.seconds,
      warmupSeconds: o.warmupSeconds,
      ratePerSecond: o.ratePerSecond,
      clientProcesses: Math.ceil(size / o.clientsPerProcess),
    });
    sweep.runs.push({ ...result, clients: size, round });
    console.log(`    ${server}: ${describeResult(result)}`);
  } catch (error) {
    sweep.unavailable[server] = (error as Error).message.split("\n")[0] as string;
    console.log(`    ${server}: not available: ${(error as Error).message.slice(0, 800)}`);
  }
}

/**
 * Each server runs alone on the machine with its own clients, one after another. The order
 * rotates from round to round, so a server is not always the one that runs first (or right after
 * a neighbour's burst of work); the medians over rounds then compare like with like.
 */
async function sweepSizes(servers: ServerKind[], sizes: number[], o: Options, rounds: number) {
  const sweep: Sweep = { runs: [], unavailable: {} };
  for (let round = 1; round <= rounds; round++) {
    for (const size of sizes) {
      const order = servers.map((_, i) => servers[(i + round - 1) % servers.length] as ServerKind);
      console.log(
        `  [${round}/${rounds}] ${size} clients, ${o.seconds} s each: ${order.join(", ")}`,
      );
      for (const server of order) await measure(sweep, o, server, size, round);
    }
  }
  return sweep;
}

function figuresOf(run: Run): RoundFigures {
  return {
    p50: run.latency.p50,
    p99: run.latency.p99,
    serverCpuMsPerDelivery: run.serverCpuMsPerDelivery,
    maxClientProcessCpuPercent: Math.max(...run.clientProcessesCpuPercent),
    serverNetCpuMsPerDelivery: run.serverNetCpuMsPerDelivery,
    serverWaitingForCpuPercent: run.serverProcess.waitingForCpuPercent,
    starved: run.starved,
    loadAverage1m: run.loadAverage1m,
  };
}

/** Medians per server and size, and our server over the relay and over bare Hocuspocus. */
function summarise(runs: Run[], servers: ServerKind[], sizes: number[]) {
  const table: { server: ServerKind; clients: number; medians: Medians }[] = [];
  for (const clients of sizes)
    for (const server of servers) {
      const mine = runs.filter((r) => r.server === server && r.clients === clients);
      if (mine.length) table.push({ server, clients, medians: medians(mine.map(figuresOf)) });
    }
  const find = (server: ServerKind, clients: number) =>
    table.find((t) => t.server === server && t.clients === clients)?.medians;
  const ratios = sizes.map((clients) => ({
    clients,
    oursOverRelay: medianRatios(find("ours", clients), find("relay", clients)),
    oursOverBareHocuspocus: medianRatios(find("ours", clients), find("hocuspocus", clients)),
    bareHocuspocusOverRelay: medianRatios(find("hocuspocus", clients), find("relay", clients)),
  }));
  return { medians: table, ratios };
}

function print(summary: ReturnType<typeof summarise>): void {
  for (const { server, clients, medians: m } of summary.medians)
    console.log(
      `  ${clients} clients, ${server}: median of ${m.rounds} rounds p50 ${m.p50} ms, p99 ${m.p99} ms ` +
        `(rounds ${m.p99Range[0]}–${m.p99Range[1]}), server CPU ${m.serverCpuMsPerDelivery} ms per delivery (${m.serverNetCpuMsPerDelivery} above idle); ` +
        `client processes ≤ ${m.maxClientProcessCpuPercent} % CPU; server waited for a CPU ≤ ${m.maxServerWaitingForCpuPercent} %; load ${m.loadAverage1m.join("–")}` +
        (m.starvedRounds ? `; STARVED in ${m.starvedRounds} of ${m.rounds} rounds` : ""),
    );
  for (const r of summary.ratios) {
    const o = r.oursOverRelay;
    console.log(
      `  ${r.clients} clients, ours/relay: p50 ${o.p50 ?? "n/a"} (target ≤ 1.15), p99 ${o.p99 ?? "n/a"} (≤ 1.2), ` +
        `CPU per delivery ${o.serverCpuPerDelivery ?? "n/a"} (≤ 1.3; above idle ${o.serverNetCpuPerDelivery ?? "n/a"})`,
    );
  }
}

export async function run(flags: Flags): Promise<void> {
  const sizes = flags.numbers("clients", [10, 50]);
  const servers = flags.strings("servers", [...SERVER_KINDS]) as ServerKind[];
  const options: Options = {
    seconds: flags.number("seconds", 30),
    warmupSeconds: flags.number("warmup", 3),
    ratePerSecond: flags.number("rate", 1),
    clientsPerProcess: flags.number("clients-per-process", CLIENTS_PER_PROCESS),
  };
  const rounds = flags.number("rounds", 3);
  const { runs, unavailable } = await sweepSizes(servers, sizes, options, rounds);
  const summary = summarise(runs, servers, sizes);
  print(summary);
  const path = writeResult(
    "edit-latency",
    {
      ...options,
      rounds,
      sizes,
      servers: servers.map((s) => ({ kind: s, what: SERVER_LABELS[s] })),
      edit: "moveNode of the sender's own card at the rate, ±20 % jitter; x = the sender's clockMs() (CLOCK_MONOTONIC, one clock for every process)",
      processes: `each server alone, in its own process, one after another (order rotating by round); its clients in ceil(clients / ${options.clientsPerProcess}) child processes, each one's CPU reported`,
      cpuPerDelivery:
        "server user+sys CPU (/proc/<pid>/stat) over the window ÷ deliveries of edits sent in the window",
      targets:
        "ours/relay at 10 and 50 clients: p50 ≤ 1.15, p99 (median of rounds) ≤ 1.2, CPU per delivery ≤ 1.3",
    },
    { ...summary, runs, unavailable },
  );
  console.log(`  → ${path}`);
}
