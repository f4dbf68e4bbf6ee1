import { readFileSync } from "node:fs";

/**
 * The top self-time functions of a V8 CPU profile (`node --cpu-prof`), optionally only of the
 * samples taken in a time slice of it (`--from s --to s`, seconds from the profile's start), so
 * that a server's start-up and idle tail do not hide the per-update path. Also the self time per
 * package/folder, the figure that says whose code the CPU goes to.
 *
 *   npx tsx bench/profile-top.ts <file.cpuprofile> [--from 10 --to 30] [--top 40]
 */

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Where a script lives, short: the package for node_modules, the folder under the repo else. */
function owner(url: string): string {
  if (!url) return "(native/GC/idle)";
  const pkg = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1] as string;
  if (url.startsWith("node:")) return "node core";
  const ours = url.match(/\/(server|shared|bench)\/src\/([^/]+)/);
  return ours ? `${ours[1]}/${ours[2]}` : url.replace(/^file:\/\//, "").slice(-40);
}

const file = process.argv[2] as string;
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const from = flag("from", 0) * 1e6;
const to = flag("to", Number.POSITIVE_INFINITY) * 1e6;
const top = flag("top", 40);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const n of profile.nodes as (Node & { children?: number[] })[]) {
  for (const c of n.children ?? []) parentOf.set(c, n.id);
}
const keyOf = (node: Node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const short = url.replace(/^.*node_modules\//, "").replace(/^.*\/(server|shared)\/src\//, "$1/");
  return `${functionName || "(anonymous)"}  ${short}:${lineNumber + 1}`;
};
// Inclusive time of our own functions (server/, shared/): what each step costs with its callees.
const inclusive = new Map<string, number>();
const self = new Map<string, number>();
const owners = new Map<string, number>();
let t = 0;
let total = 0;
profile.samples.forEach((id, i) => {
  t += profile.timeDeltas[i] ?? 0;
  const node = byId.get(id);
  if (!node || t < from || t > to) return;
  const { functionName, url } = node.callFrame;
  if (functionName === "(idle)") return;
  const dt = profile.timeDeltas[i + 1] ?? 0;
  const key = keyOf(node);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frame = byId.get(at) as Node;
    const k = keyOf(frame);
    if (!/^[^ ]* {2}(server|shared)\//.test(k) || seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
  }
  self.set(key, (self.get(key) ?? 0) + dt);
  owners.set(owner(url), (owners.get(owner(url)) ?? 0) + dt);
  total += dt;
});
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
console.log(`busy (non-idle) sampled time: ${(total / 1e6).toFixed(2)} s`);
console.log("\nself time by owner:");
for (const [k, v] of [...owners].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${pct(v)}  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
}
console.log("\ntop self-time functions:");
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${pct(v)}  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
}
console.log("\ninclusive time of our functions (with callees):");
for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${pct(v)}  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
}
