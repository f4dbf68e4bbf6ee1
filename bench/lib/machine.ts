import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "results");

export function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    // Other work on the machine skews latency; the 1-minute load average at write time shows it.
    loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
  };
}

/** Writes `bench/results/<name>.json` and returns its path. */
export function writeResult(name: string, parameters: object, figures: object): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.json`);
  const body = { name, date: new Date().toISOString(), machine: machine(), parameters, figures };
  writeFileSync(path, `${JSON.stringify(body, null, 2)}\n`);
  return path;
}
