/**
 * The write gate's cost per update, by stage, on a 500-card model: a mix of drags, title edits
 * and new cards as a client's provider sends them. Not a test: it prints microseconds.
 * Run: cd server && npx tsx scripts/measure-write-gate.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  addNode,
  coachingTemplate,
  loadModel,
  moveNode,
  nodesMap,
  updateNode,
} from "@logic-canvas/shared";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { graphValidator } from "../src/gate/graph-rules.ts";
import { ShadowDoc } from "../src/gate/shadow.ts";
import { decodeMessage } from "../src/gate/sync-message.ts";
import { SqliteStore } from "../src/storage/sqlite.ts";

const live = new Y.Doc();
loadModel(live, coachingTemplate(), "setup");
const client = new Y.Doc();
Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
const ids: string[] = [];
for (let i = 0; i < 500; i += 1)
  ids.push(addNode(client, { kind: "activity", title: `n${i}` }, "c"));
Y.applyUpdate(live, Y.encodeStateAsUpdate(client));
const cardsAtStart = nodesMap(live).size;

const updates: Uint8Array[] = [];
client.on("update", (u: Uint8Array) => updates.push(u));
for (let i = 0; i < 3000; i += 1) {
  const id = ids[i % ids.length] as string;
  if (i % 3 === 0) moveNode(client, id, { x: i, y: i }, "c");
  else if (i % 3 === 1) updateNode(client, id, { title: `title ${i}` }, "c");
  else addNode(client, { kind: "input", title: `new ${i}` }, "c");
}
const messages = updates.map((u) => {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, "0123456789abcdef");
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, u);
  return encoding.toUint8Array(e);
});

const shadow = new ShadowDoc(live);
const writer = {
  role: "editor",
  linkId: "l",
  linkExpiresAt: null,
  accountId: null,
  modelId: "m",
  docKind: "graph",
  person: null,
} as const;
shadow.tryUpdate(new Uint8Array([0, 0]), graphValidator, writer);
const dir = mkdtempSync(join(tmpdir(), "lc-gate-cost-"));
const store = new SqliteStore(join(dir, "x.sqlite"));
await store.createModel({
  model: { id: "m", title: "m", createdAt: "", updatedAt: "" },
  documents: [{ name: "m", snapshot: new Uint8Array([0, 0]) }],
  links: [],
});
const total = { gate: 0, append: 0, live: 0 };
for (const message of messages) {
  const t0 = performance.now();
  const decoded = decodeMessage(message);
  if (decoded.kind !== "write") throw new Error("not a write");
  const refusal = shadow.tryUpdate(decoded.update, graphValidator, writer);
  if (refusal) throw new Error(refusal);
  const t1 = performance.now();
  await store.appendUpdate("m", decoded.update);
  const t2 = performance.now();
  // The server skips mirroring a validated connection update back into the shadow.
  Y.applyUpdate(live, decoded.update);
  const t3 = performance.now();
  total.gate += t1 - t0;
  total.append += t2 - t1;
  total.live += t3 - t2;
}
await store.close();
rmSync(dir, { recursive: true, force: true });
const micros = (ms: number) => Number(((ms / messages.length) * 1000).toFixed(1));
console.log(
  JSON.stringify({
    updates: messages.length,
    cardsAtStart,
    gateDecodeShadowValidateMicros: micros(total.gate),
    sqliteAppendMicros: micros(total.append),
    liveApplyMicros: micros(total.live),
  }),
);
