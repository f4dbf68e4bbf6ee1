import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Flags, parseArgs } from "./lib/args.ts";
import { machine, RESULTS_DIR } from "./lib/machine.ts";
import { writeReadmeTable } from "./readme-table.ts";

/**
 * One command for every benchmark: `npx tsx bench/run.ts [names…] [--flags]` (`npm run bench`
 * runs them all). Benchmarks print and record to `bench/results/<name>.json`; they never fail a
 * build, so a benchmark that cannot run says why and the runner still exits 0.
 *
 * The registry is a plain table, name → file in bench/, loaded only when run. A benchmark module
 * exports `description` and `run(flags)`; a file without `run` is a standalone script, run by
 * importing it. Either way the result file gets the date, the machine and the load average.
 */
const BENCHMARKS: Record<string, string> = {
  "edit-latency": "edit-latency.ts",
  "server-path-profile": "server-path-profile.ts",
  capacity: "capacity.ts",
  "cold-load": "cold-load.ts",
  "durability-cost": "durability-cost.ts",
  "multi-process": "multi-process.ts",
  "canvas-load": "canvas-load.ts",
  "find-typing": "find-typing.ts",
  exports: "exports.ts",
  "world-cafe": "world-cafe.ts",
  "cascade-rollup": "cascade-rollup.ts",
  "cascade-progress-page": "cascade-progress-page.ts",
  "measurement-import": "measurement-import.ts",
};

const HERE = dirname(fileURLToPath(import.meta.url));

const FLAG_HELP = `flags (defaults are the issue's):
  edit-latency     --clients 10,50 --servers relay,hocuspocus,ours --seconds 30 --warmup 3 --rate 1
                   --rounds 3 --clients-per-process 10
  server-path-profile  --clients 10,50 --rounds 3 --seconds 15 --warmup 3 --rate 1 --per-process 10
                   [--base <checkout> adds its server as A] [--send-timing] [--cpu-prof <dir>]
  capacity         --connections 3000 --models 300 --editing 0.1 --seconds 60 --rate 1
                   --client-processes 6 --idle 1000 --fanout-editors 100 --fanout-seconds 30
  cold-load        --nodes 5000 --repeats 5
  durability-cost  --seconds 20 --clients 10 --in-flight 1
  multi-process    --clients 10 --seconds 30 --redis redis://127.0.0.1:6379
  find-typing      --cards 5000   (needs a client build)
  cascade-rollup   --models 500 --goals 20 --schools 10 --teams 6 --repeats 10
  cascade-progress-page  --models 500 --goals 20 --schools 10 --teams 6 --repeats 5 (needs a client build)
  canvas-load, exports: see each file   (need a client build)
  world-cafe       --participants 40 --tables 8 --sequential 40 --bursts 3
  measurement-import --rows 10000 --repeats 5
  --write-readme   afterwards, put the table of bench/results into README.md (bench/readme-table.ts)`;

interface Loaded {
  description?: string;
  run?: (flags: Flags) => Promise<void>;
}

/** Runs one benchmark; whatever goes wrong is printed, never thrown. */
async function runOne(name: string, flags: Map<string, string>): Promise<void> {
  const file = join(HERE, BENCHMARKS[name] as string);
  if (!existsSync(file)) {
    console.log(`\n▶ ${name}: not on this branch (${file} is missing)`);
    return;
  }
  const started = Date.now();
  try {
    const mod = (await import(pathToFileURL(file).href)) as Loaded;
    console.log(`\n▶ ${name}: ${mod.description ?? "(standalone script, ran on import)"}`);
    if (typeof mod.run === "function") await mod.run(new Flags(flags));
  } catch (error) {
    console.log(`  ${name} did not complete: ${(error as Error).stack ?? error}`);
    return;
  }
  stampResult(name, started);
}

/**
 * A standalone script writes its own result file; when it lacks the machine (older scripts),
 * the runner adds it, with the load average now, so every result in bench/results can be read
 * alike by the README table.
 */
function stampResult(name: string, started: number): void {
  const path = join(RESULTS_DIR, `${name}.json`);
  if (!existsSync(path)) return;
  try {
    const body = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    if (body.machine || Date.parse(String(body.date)) < started) return;
    const stamped = { name, date: body.date, machine: machine(), ...body };
    writeFileSync(path, `${JSON.stringify(stamped, null, 2)}\n`);
  } catch (error) {
    console.log(`  ${path}: not readable as JSON (${(error as Error).message})`);
  }
}

async function main(): Promise<void> {
  // y-websocket adds a process exit listener per provider; many of them are expected here.
  process.setMaxListeners(0);
  const { names, flags } = parseArgs(process.argv.slice(2));
  if (flags.has("help")) {
    console.log(`benchmarks: ${Object.keys(BENCHMARKS).join(", ")}\n${FLAG_HELP}`);
    return;
  }
  const unknown = names.filter((n) => !(n in BENCHMARKS));
  if (unknown.length) {
    console.error(
      `unknown benchmark(s): ${unknown.join(", ")}; known: ${Object.keys(BENCHMARKS).join(", ")}`,
    );
    return;
  }
  const selected = names.length ? names : Object.keys(BENCHMARKS);
  const m = machine();
  console.log(
    `machine: ${m.cores} cores, ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, load ${m.loadAverage1m}`,
  );
  for (const name of selected) await runOne(name, flags);
  if (flags.has("write-readme")) console.log(`\n${writeReadmeTable()}`);
}

// Providers keep timers alive; the results are written, so leave, with 0 whatever happened.
main().finally(() => process.exit(0));
