import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { moveNode, nodesMap } from "@logic-canvas/shared";
import * as Y from "yjs";
import type { Flags } from "./lib/args.ts";
import {
  type ByteCounter,
  connectClient,
  type Target,
  waitFor,
  withTimeout,
} from "./lib/clients.ts";
import { BENCH_ORIGIN } from "./lib/edits.ts";
import { generateModel } from "./lib/generate.ts";
import { writeResult } from "./lib/machine.ts";
import { round, summarize } from "./lib/stats.ts";
import { createModel, launch } from "./lib/targets.ts";

export const description =
  "Benchmark 3: cold load of a stored 5,000-node model after a server restart, and bytes sent";

/** Connects a fresh client and times it from the first byte out until it holds every card. */
async function loadOnce(target: Target, nodeCount: number) {
  const counter: ByteCounter = { received: 0, sent: 0 };
  const start = performance.now();
  const client = connectClient(target, counter);
  try {
    await withTimeout(client.synced, 60_000, "sync");
    await waitFor(() => nodesMap(client.doc).size >= nodeCount, 60_000, "every card");
    const ms = round(performance.now() - start, 1);
    // How much of that is Yjs decoding on the client alone, whatever the server and network do.
    const state = Y.encodeStateAsUpdate(client.doc);
    const decodeStart = performance.now();
    Y.applyUpdate(new Y.Doc(), state);
    const clientDecodeMs = round(performance.now() - decodeStart, 1);
    return { ms, bytesReceived: counter.received, clientDecodeMs };
  } finally {
    client.destroy();
  }
}

type Load = Awaited<ReturnType<typeof loadOnce>>;
type ColdLoad = Load & { serverStartMs: number };

/**
 * Imports the model and makes some drags after the import, so the stored form is a snapshot plus
 * an update log (what a real model looks like); the server is stopped afterwards.
 */
async function storeModel(dataDir: string, nodeCount: number, edits: number) {
  const file = generateModel(nodeCount);
  const launched = await launch("ours", { dataDir });
  const created = await createModel(launched.server.port, file);
  const target: Target = {
    kind: "ours",
    port: launched.server.port,
    docName: created.id,
    token: created.editorToken,
  };
  const writer = connectClient(target);
  await withTimeout(writer.synced, 60_000, "writer sync");
  const ids = [...nodesMap(writer.doc).keys()];
  for (let i = 0; i < edits; i++) {
    moveNode(writer.doc, ids[i % ids.length] as string, { x: i, y: i }, BENCH_ORIGIN);
  }
  await waitFor(() => writer.unsynced() === 0, 60_000, "edits acknowledged");
  writer.destroy();
  // The export's size is what the bytes sent to a client are compared with.
  const exported = await fetch(
    `http://127.0.0.1:${launched.server.port}/api/models/${created.id}/export`,
    { headers: { authorization: `Bearer ${created.ownerToken}` } },
  );
  const exportBytes = Buffer.byteLength(await exported.text());
  await launched.stop();
  return { file, target, exportBytes };
}

/** Each repeat restarts the server, then loads once cold (first client) and once warm. */
async function loadAfterRestarts(
  dataDir: string,
  target: Target,
  nodeCount: number,
  repeats: number,
): Promise<{ cold: ColdLoad[]; warm: Load[] }> {
  const cold: ColdLoad[] = [];
  const warm: Load[] = [];
  for (let r = 0; r < repeats; r++) {
    const startedAt = performance.now();
    const launched = await launch("ours", { dataDir });
    const serverStartMs = round(performance.now() - startedAt, 0);
    const port = launched.server.port;
    try {
      cold.push({ ...(await loadOnce({ ...target, port }, nodeCount)), serverStartMs });
      warm.push(await loadOnce({ ...target, port }, nodeCount));
    } finally {
      await launched.stop();
    }
    const last = cold[cold.length - 1];
    console.log(
      `  restart ${r + 1}: cold ${last?.ms} ms (${last?.bytesReceived} B; Yjs decode alone ${last?.clientDecodeMs} ms), ` +
        `warm ${warm[warm.length - 1]?.ms} ms`,
    );
  }
  return { cold, warm };
}

export async function run(flags: Flags): Promise<void> {
  const nodeCount = flags.number("nodes", 5000);
  const repeats = flags.number("repeats", 5);
  const edits = flags.number("edits", 200);
  const dataDir = mkdtempSync(join(tmpdir(), "lc-bench-cold-"));
  try {
    const { file, target, exportBytes } = await storeModel(dataDir, nodeCount, edits);
    const fileJson = JSON.stringify(file);
    const { cold, warm } = await loadAfterRestarts(dataDir, target, nodeCount, repeats);
    const coldMs = summarize(cold.map((c) => c.ms));
    const bytes = cold[0]?.bytesReceived ?? 0;
    console.log(
      `  cold load median ${coldMs.p50} ms, max ${coldMs.max} ms; ${bytes} B sent vs export ` +
        `${exportBytes} B (${round(bytes / exportBytes)}×; JSON upload ${Buffer.byteLength(fileJson)} B)`,
    );
    const path = writeResult(
      "cold-load",
      {
        nodes: nodeCount,
        edges: file.edges.length,
        editsAfterImport: edits,
        repeats,
        measured:
          "fresh HocuspocusProvider: from construction to holding every card, first client after a server restart (cold) and a second client right after (warm)",
      },
      {
        coldMs,
        warmMs: summarize(warm.map((w) => w.ms)),
        cold,
        warm,
        bytesSentToClient: bytes,
        exportJsonBytes: exportBytes,
        bytesOverExport: round(bytes / exportBytes),
        target: "cold < 1 s",
      },
    );
    console.log(`  → ${path}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
