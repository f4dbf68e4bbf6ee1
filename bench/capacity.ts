import type { Flags } from "./lib/args.ts";
import { writeResult } from "./lib/machine.ts";
import { describeResult, runScenario, type ScenarioResult } from "./lib/scenario.ts";
import { SERVER_LABELS, type ServerKind } from "./lib/targets.ts";

export const description =
  "Benchmark 2: capacity — 1,000 connections over 100 models with a tenth editing, and 100 editors on one model";

export async function run(flags: Flags): Promise<void> {
  const server = (flags.strings("server", ["ours"])[0] ?? "ours") as ServerKind;
  const connections = flags.number("connections", 1000);
  const models = flags.number("models", 100);
  const editingShare = flags.number("editing", 0.1);
  const ratePerSecond = flags.number("rate", 1);
  const seconds = flags.number("seconds", 60);
  const fanoutEditors = flags.number("fanout-editors", 100);
  const fanoutSeconds = flags.number("fanout-seconds", seconds);
  const warmupSeconds = flags.number("warmup", 3);
  const perModel = Math.max(1, Math.round(connections / models));
  const editorsPerModel = Math.max(1, Math.round(perModel * editingShare));

  const figures: Record<string, Omit<ScenarioResult, "samples"> | { error: string }> = {};
  process.stdout.write(
    `  ${server}: ${models} models × ${perModel} connections, ${editorsPerModel} editing each, ${seconds} s … `,
  );
  try {
    const { samples: _spread, ...spread } = await runScenario({
      server,
      documents: models,
      clientsPerDocument: perModel,
      editorsPerDocument: editorsPerModel,
      seconds,
      warmupSeconds,
      ratePerSecond,
    });
    figures.spread = spread;
    console.log(describeResult(spread));
  } catch (error) {
    figures.spread = { error: (error as Error).message };
    console.log(`failed: ${figures.spread.error}`);
  }
  process.stdout.write(`  ${server}: ${fanoutEditors} editors on one model, ${fanoutSeconds} s … `);
  try {
    const { samples: _fanout, ...fanout } = await runScenario({
      server,
      documents: 1,
      clientsPerDocument: fanoutEditors,
      editorsPerDocument: fanoutEditors,
      seconds: fanoutSeconds,
      warmupSeconds,
      ratePerSecond,
    });
    figures.fanout = fanout;
    console.log(describeResult(fanout));
  } catch (error) {
    figures.fanout = { error: (error as Error).message };
    console.log(`failed: ${figures.fanout.error}`);
  }
  const path = writeResult(
    server === "ours" ? "capacity" : `capacity-${server}`,
    {
      server: SERVER_LABELS[server],
      connections: models * perModel,
      models,
      editorsPerModel,
      ratePerSecond,
      seconds,
      fanoutEditors,
      fanoutSeconds,
      processes: "all clients in the runner's process; the server in its own child process",
      targets: "errors 0; fan-out p99 < 100 ms",
    },
    figures,
  );
  console.log(`  → ${path}`);
}
