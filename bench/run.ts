import { Flags, parseArgs } from "./lib/args.ts";
import { machine } from "./lib/machine.ts";

/**
 * One command for every benchmark: `npx tsx bench/run.ts [names…] [--flags]`.
 * Benchmarks print and record to `bench/results/<name>.json`; they never fail a build, so a
 * benchmark that cannot run says why and the runner still exits 0.
 */
interface Benchmark {
  description: string;
  run(flags: Flags): Promise<void>;
}

const BENCHMARKS: Record<string, () => Promise<Benchmark>> = {
  "edit-latency": () => import("./edit-latency.ts"),
  capacity: () => import("./capacity.ts"),
  "cold-load": () => import("./cold-load.ts"),
  "durability-cost": () => import("./durability-cost.ts"),
  "multi-process": () => import("./multi-process.ts"),
  exports: () => import("./exports.ts"),
  "canvas-load": () => import("./canvas-load.ts"),
};

const FLAG_HELP = `flags (defaults are the issue's):
  edit-latency     --clients 2,10,50 --servers relay,hocuspocus,ours --seconds 30 --warmup 3 --rate 1
                   --rounds 1 [--sequential]
  capacity         --connections 1000 --models 100 --editing 0.1 --seconds 60
                   --fanout-editors 100 --fanout-seconds 60 --rate 1
  cold-load        --nodes 5000 --repeats 5
  durability-cost  --seconds 20 --clients 10 --in-flight 1
  multi-process    --clients 10 --seconds 30 --redis redis://127.0.0.1:6379
  exports          --cards 400,1000 --runs 3 [--dist client/dist,/other/client/dist] [--save dir]`;

async function main(): Promise<void> {
  // y-websocket adds a process exit listener per provider; 50 of them are expected here.
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
  console.log(`machine: ${m.cores} cores, ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}`);
  for (const name of selected) {
    const load = BENCHMARKS[name] as () => Promise<Benchmark>;
    const bench = await load();
    console.log(`\n▶ ${name}: ${bench.description}`);
    try {
      await bench.run(new Flags(flags));
    } catch (error) {
      console.log(`  ${name} did not complete: ${(error as Error).stack ?? error}`);
    }
  }
  // Providers keep timers alive; the results are written, so leave.
  process.exit(0);
}

void main();
