import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addNode, moveNode, newId } from "@logic-canvas/shared";
import * as Y from "yjs";
import type { ConnectionContext } from "../server/src/access/context.ts";
import { graphValidator } from "../server/src/gate/graph-rules.ts";
import { ShadowDoc } from "../server/src/gate/shadow.ts";
import { checkUpdate } from "../server/src/gate/update-limits.ts";
import { SqliteStore } from "../server/src/storage/sqlite.ts";

/**
 * CPU time of each step of our write path for one card drag, in process (no sockets): the bounded
 * read of the update, the shadow's try-and-validate, the live apply, and the durable append to
 * SQLite (alone in its turn, and five to a turn). Shows which step of the per-edit cost a change takes out; `server-path-profile.ts` is
 * the end-to-end figure.
 *
 *   npx tsx bench/write-path-micro.ts [edits]
 */
const EDITS = Number(process.argv[2] ?? 4000);
const CARDS = 50;
const writer: ConnectionContext = {
  role: "editor",
  linkId: "link",
  linkExpiresAt: null,
  accountId: null,
  modelId: "model",
  docKind: "graph",
  person: null,
};

function cpuUs<T>(run: () => T): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

const author = new Y.Doc();
const cards: string[] = [];
for (let i = 0; i < CARDS; i++)
  cards.push(
    addNode(author, { kind: "activity", title: `Card ${i}`, position: { x: 0, y: 0 } }, "b"),
  );
const live = new Y.Doc();
Y.applyUpdate(live, Y.encodeStateAsUpdate(author));
const updates: Uint8Array[] = [];
author.on("update", (u: Uint8Array) => updates.push(u));
for (let i = 0; i < EDITS; i++) moveNode(author, cards[i % CARDS] as string, { x: i, y: 0 }, "b");

const shadow = new ShadowDoc(live);
const dir = mkdtempSync(join(tmpdir(), "lc-micro-"));
const store = new SqliteStore(join(dir, "store.db"));
const modelId = newId();
const at = new Date().toISOString();
await store.createModel({
  model: { id: modelId, title: "m", createdAt: at, updatedAt: at },
  documents: [{ name: modelId, snapshot: Y.encodeStateAsUpdate(live) }],
  links: [],
} as never);
const docName = modelId;

const times = { read: 0, shadow: 0, live: 0, append: 0, appendBatched: 0 };
const cpuSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return used.user + used.system;
};
for (const [i, update] of updates.entries()) {
  times.read += cpuUs(() => checkUpdate(update));
  times.shadow += cpuUs(() => {
    const refusal = shadow.tryUpdate(update, graphValidator, writer);
    if (refusal) throw new Error(refusal);
  });
  times.live += cpuUs(() => Y.applyUpdate(live, update));
  // One append per event-loop turn (the commit happens at the turn's end), as at a steady rate.
  if (i % 4 === 0) {
    const start = process.cpuUsage();
    // Both builds wait for one turn of the event loop, so that only the append differs.
    const turn = new Promise((resolve) => setImmediate(resolve));
    await Promise.all([store.appendUpdate(docName, update), turn]);
    times.append += cpuSince(start) * 4;
  }
}
// Five appends in one turn, as when several messages arrive together.
for (let i = 0; i < updates.length; i += 20) {
  const start = process.cpuUsage();
  const turn = new Promise((resolve) => setImmediate(resolve));
  await Promise.all([...updates.slice(i, i + 5).map((u) => store.appendUpdate(docName, u)), turn]);
  times.appendBatched += (cpuSince(start) / 5) * 20;
}
for (const [step, us] of Object.entries(times))
  console.log(`${step.padEnd(11)} ${(us / updates.length).toFixed(1)} µs per edit`);
rmSync(dir, { recursive: true, force: true });
