import { addNode, moveNode, updateNode } from "@logic-canvas/shared";
import * as Y from "yjs";
import { fullStateOf } from "../../fixtures/hostile/real-updates.ts";
import { checkUpdate } from "../../support/server-internals.ts";

/**
 * What `checkUpdate` costs next to what Yjs spends on the same bytes (the server applies every
 * accepted update twice: to the shadow document and to the live one).
 * Run: npx tsx tests/reliability/support/measure-update-check.ts
 */

function perCall(fn: () => void, minMs = 500): number {
  for (let i = 0; i < 50; i++) fn();
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < minMs) {
    fn();
    n += 1;
  }
  return ((performance.now() - started) / n) * 1000;
}

const doc = new Y.Doc();
const updates: Uint8Array[] = [];
doc.on("update", (u: Uint8Array) => updates.push(u));
const id = addNode(doc, { kind: "activity", title: "Principals hire coaches" }, "me");
moveNode(doc, id, { x: 120, y: 80 }, "me");
const drag = updates.at(-1) as Uint8Array;
updateNode(doc, id, { title: "Principals hire two instructional coaches per school" }, "me");
const typing = updates.at(-1) as Uint8Array;
const created = updates[0] as Uint8Array;

const rows: [string, Uint8Array][] = [
  ["drag tick", drag],
  ["title edit", typing],
  ["new card", created],
  ["5,000-card full state", fullStateOf(5_000)],
];
for (const [name, update] of rows) {
  if (!checkUpdate(update).ok) throw new Error(`${name} refused`);
  const check = perCall(() => checkUpdate(update));
  // The same bytes read by Yjs itself (decoding only), and applied to an empty document.
  const decode = perCall(() => Y.decodeUpdate(update));
  const apply = perCall(() => Y.applyUpdate(new Y.Doc(), update));
  console.log(
    `${name.padEnd(22)} ${String(update.length).padStart(8)} B   checkUpdate ${check.toFixed(1).padStart(8)} µs   Y.decodeUpdate ${decode.toFixed(1).padStart(9)} µs   Y.applyUpdate (empty doc) ${apply.toFixed(0).padStart(7)} µs`,
  );
}
