import type { Flags } from "./lib/args.ts";
import { measureIdleMemory } from "./lib/idle-memory.ts";
import { writeResult } from "./lib/machine.ts";
import { checkOpenFiles } from "./lib/os-limits.ts";
import { describeResult, runScenario, type Scenario } from "./lib/scenario.ts";
import { SERVER_LABELS, type ServerKind } from "./lib/targets.ts";

export const description =
  "Benchmark 2: capacity — 3,000 connections over 300 models with a tenth editing at 1 op/s, memory per idle connection, 100 editors on one model";

/**
 * Every client connects from 127.0.0.1, so the per-address caps meant for strangers would
 * refuse the run: the same settings the reliability tests override, raised here and recorded in
 * the result. Per-model (200) and per-link (100) connection caps stay as they are.
 */
const CAPACITY_ENV: Record<string, string> = {
  WS_MAX_UNAUTHENTICATED_PER_ADDRESS: "1000",
  WS_MAX_UNAUTHENTICATED: "2000",
  API_REQUESTS_PER_SECOND: "1000",
  MODELS_PER_ADDRESS_PER_HOUR: "100000",
};

/** Runs one part; a part that fails is recorded with its reason and the others still run. */
async function part<T extends object>(
  what: string,
  measure: () => Promise<T>,
  say: (r: T) => string,
) {
  process.stdout.write(`  ${what} … `);
  try {
    const result = await measure();
    console.log(say(result));
    return result;
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] as string;
    console.log(`failed: ${message}`);
    return { error: message };
  }
}

const withoutSamples = async (s: Scenario) => {
  const { samples: _samples, ...result } = await runScenario(s);
  return result;
};

function readOptions(flags: Flags) {
  const models = flags.number("models", 300);
  const perModel = Math.max(1, Math.round(flags.number("connections", 3000) / models));
  return {
    server: (flags.strings("server", ["ours"])[0] ?? "ours") as ServerKind,
    models,
    perModel,
    editorsPerModel: Math.max(1, Math.round(perModel * flags.number("editing", 0.1))),
    ratePerSecond: flags.number("rate", 1),
    seconds: flags.number("seconds", 60),
    warmupSeconds: flags.number("warmup", 5),
    clientProcesses: flags.number("client-processes", 6),
    idle: flags.number("idle", 1000),
    fanoutEditors: flags.number("fanout-editors", 100),
    fanoutSeconds: flags.number("fanout-seconds", 30),
  };
}

export async function run(flags: Flags): Promise<void> {
  const o = readOptions(flags);
  const { server, models, perModel, editorsPerModel, ratePerSecond, seconds } = o;
  const { warmupSeconds, clientProcesses, idle, fanoutEditors, fanoutSeconds } = o;
  const openFiles = checkOpenFiles(models * perModel, clientProcesses);
  console.log(
    `  open files: ${openFiles.note}; server settings raised: ${JSON.stringify(CAPACITY_ENV)}`,
  );
  const common = { server, warmupSeconds, ratePerSecond, clientProcesses, serverEnv: CAPACITY_ENV };
  const spread = await part(
    `${server}: ${models} models × ${perModel} connections, ${editorsPerModel} editing each, ${seconds} s`,
    () =>
      withoutSamples({
        ...common,
        documents: models,
        clientsPerDocument: perModel,
        editorsPerDocument: editorsPerModel,
        seconds,
        // Handshakes open at once over all client processes: within the raised per-address cap
        // of unauthenticated sockets (1,000), and 300 at a time keeps 3,000 to ten waves.
        connectBatch: 300,
        presence: true,
        directDocuments: true,
      }),
    describeResult,
  );
  const idleMemory = idle
    ? await part(
        `${server}: memory per idle connection, ${idle} idle connections`,
        () =>
          measureIdleMemory({
            server,
            connections: idle,
            clientProcesses,
            serverEnv: CAPACITY_ENV,
          }),
        (r) =>
          `${r.kibPerIdleConnection} KiB each (heap + external ${r.heldMiBBaseline} → ${r.heldMiBWithIdle} MiB; RSS ${r.rssMiBBaseline} → ${r.rssMiBWithIdle} MiB, ${r.rssKibPerIdleConnection} KiB each)`,
      )
    : null;
  const fanout = fanoutEditors
    ? await part(
        `${server}: ${fanoutEditors} editors on one model, ${fanoutSeconds} s`,
        () =>
          withoutSamples({
            ...common,
            documents: 1,
            clientsPerDocument: fanoutEditors,
            editorsPerDocument: fanoutEditors,
            seconds: fanoutSeconds,
          }),
        describeResult,
      )
    : null;
  const path = writeResult(
    server === "ours" ? "capacity" : `capacity-${server}`,
    {
      server: SERVER_LABELS[server],
      connections: models * perModel,
      models,
      editorsPerModel,
      ratePerSecond,
      seconds,
      idleConnections: idle,
      fanoutEditors,
      fanoutSeconds,
      clientProcesses,
      serverSettings: CAPACITY_ENV,
      openFiles,
      processes: `the server alone in its own process; clients in ${clientProcesses} child processes`,
      targets:
        "3,000 connections: 0 errors, p99 < 50 ms; memory per idle connection reported; fan-out p99 < 100 ms",
    },
    { spread, idleMemory, fanout },
  );
  console.log(`  → ${path}`);
}
