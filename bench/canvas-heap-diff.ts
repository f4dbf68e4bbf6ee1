/**
 * What the JS heap gains over panning (issue 14's heap-growth figure): on a generated model
 * (default 1,000 cards) in Chromium, a heap snapshot after the load (document synced, 1 s idle,
 * as canvas-load measures it) and another after `--pan-seconds` of scripted pans (both after a
 * full GC), compared by constructor: count and self size gained, largest first; and which
 * scripts were compiled in between (code that arrived during the pans, not a leak).
 * Run: npx tsx bench/canvas-heap-diff.ts [--cards 1000] [--pan-seconds 10] [--dist dir]
 *      [--wait-after-load 1]
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CDPSession } from "playwright-core";
import { canvasModel } from "./canvas/model.ts";
import { heapMiB, launchChromium, openCanvas } from "./canvas/page.ts";
import { Panner } from "./canvas/pan.ts";
import { createModel } from "./canvas/scenario.ts";
import { type Flags, runIfStarted } from "./lib/args.ts";
import { launch } from "./lib/targets.ts";

const OWN_DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "client", "dist");

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** Count and self size per constructor (node type and name) of a heap snapshot. */
async function byConstructor(cdp: CDPSession): Promise<Map<string, { n: number; size: number }>> {
  let text = "";
  const collect = (chunk: { chunk: string }) => {
    text += chunk.chunk;
  };
  cdp.on("HeapProfiler.addHeapSnapshotChunk", collect);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  cdp.off("HeapProfiler.addHeapSnapshotChunk", collect);
  const snap = JSON.parse(text) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const types = snap.snapshot.meta.node_types[0];
  const out = new Map<string, { n: number; size: number }>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt] ?? 0] ?? "?";
    const raw = snap.strings[snap.nodes[i + nameAt] ?? 0] ?? "";
    const name = type === "object" || type === "closure" ? raw.slice(0, 60) : `(${type})`;
    const key = `${type}: ${name}`;
    const entry = out.get(key) ?? { n: 0, size: 0 };
    entry.n += 1;
    entry.size += snap.nodes[i + sizeAt] ?? 0;
    out.set(key, entry);
  }
  return out;
}

export async function run(flags: Flags): Promise<void> {
  const cards = flags.number("cards", 1000);
  const panSeconds = flags.number("pan-seconds", 10);
  const wait = flags.number("wait-after-load", 1);
  const [dist = OWN_DIST] = flags.strings("dist", [OWN_DIST]);
  const server = await launch("ours", { env: { CLIENT_DIST: resolve(dist) } });
  const browser = await launchChromium();
  try {
    const { file, places, rows } = canvasModel(cards);
    const created = await createModel(server.server.port, file);
    const { page, context } = await openCanvas(browser, created.ownerLink, places);
    await page.waitForTimeout(wait * 1000);
    const cdp = await context.newCDPSession(page);
    const scripts: string[] = [];
    await cdp.send("Debugger.enable");
    let recording = false;
    cdp.on("Debugger.scriptParsed", (s) => {
      if (recording) scripts.push(`${s.url || "(eval)"} ${s.length ?? 0} chars`);
    });
    const mounted = () =>
      page.evaluate(() => ({
        cards: document.querySelectorAll(".react-flow__node").length,
        links: document.querySelectorAll(".react-flow__edge").length,
        elements: document.getElementsByTagName("*").length,
      }));
    const before = await byConstructor(cdp);
    const beforeMiB = await heapMiB(page);
    const mountedBefore = await mounted();
    recording = true;
    await new Panner(page, rows).measure({ seconds: panSeconds });
    recording = false;
    const after = await byConstructor(cdp);
    const afterMiB = await heapMiB(page);
    const mountedAfter = await mounted();
    console.log(`heap ${beforeMiB} → ${afterMiB} MiB after ${panSeconds} s of pans (${dist})`);
    console.log(`mounted ${JSON.stringify(mountedBefore)} → ${JSON.stringify(mountedAfter)}`);
    const gained = [...after]
      .map(([k, v]) => {
        const b = before.get(k) ?? { n: 0, size: 0 };
        return { k, n: v.n - b.n, size: v.size - b.size };
      })
      .sort((a, b) => b.size - a.size);
    for (const g of gained.slice(0, 30))
      console.log(
        `  ${(g.size / 1024).toFixed(1).padStart(9)} KiB ${String(g.n).padStart(7)}  ${g.k}`,
      );
    console.log(`scripts compiled during the pans: ${scripts.length}`);
    for (const s of scripts.slice(0, 30)) console.log(`  ${s}`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

runIfStarted(import.meta.url, run);
