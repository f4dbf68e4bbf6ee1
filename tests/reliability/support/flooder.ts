import { addNode, moveNode } from "@logic-canvas/shared";
import WebSocket from "ws";
import * as Y from "yjs";
import { syncUpdateFrame } from "./frame-fuzz.ts";
import { authFrame } from "./harness.ts";

/**
 * An authenticated client flooding real updates, in its own process so that the clients whose
 * latency is measured do not share an event loop with it. Prints one JSON line when done.
 * Usage: node --import tsx tests/reliability/support/flooder.ts <url> <docName> <token> <perSecond> <seconds>
 */
const [url, docName, token, perSecondArg, secondsArg] = process.argv.slice(2) as string[];
const perSecond = Number(perSecondArg);
const seconds = Number(secondsArg);

const doc = new Y.Doc();
const id = addNode(doc, { kind: "input", title: "dragged" }, "local");
const frames: Uint8Array[] = [syncUpdateFrame(docName, Y.encodeStateAsUpdate(doc))];
doc.on("update", (u: Uint8Array) => frames.push(syncUpdateFrame(docName, u)));
for (let i = 0; i < 20_000; i++) moveNode(doc, id, { x: i % 1000, y: i % 700 }, "local");

const nameLength = new TextEncoder().encode(docName).length + 1;
const ws = new WebSocket(`${url.replace("http", "ws")}/collab`);
let acks = 0;
let rateLimited = 0;
let closeCode: number | null = null;
let authenticated = false;
ws.on("error", () => {});
ws.on("close", (code) => {
  closeCode = code;
});
ws.on("message", (data: Buffer) => {
  const type = data[nameLength];
  if (type === 2 && data[nameLength + 1] === 2) authenticated = true;
  if (type === 8) acks += 1;
  if (type === 7 && String(data).includes("rate-limited")) {
    rateLimited += 1;
    // What a hostile client does next: authenticate again on the same socket and carry on.
    ws.send(authFrame(docName, token));
  }
});
await new Promise((r) => ws.on("open", r));
ws.send(authFrame(docName, token));
while (!authenticated) await new Promise((r) => setTimeout(r, 5));

const started = performance.now();
let sent = 0;
const batch = Math.max(1, Math.round(perSecond / 100));
while (performance.now() - started < seconds * 1000 && ws.readyState === WebSocket.OPEN) {
  const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
  while (sent < due && ws.readyState === WebSocket.OPEN)
    ws.send(frames[sent++ % frames.length] as Uint8Array);
  await new Promise((r) => setTimeout(r, 1000 / (perSecond / batch)));
}
const elapsed = (performance.now() - started) / 1000;
// Keep listening a while: acknowledgements and closes arrive after the sending stops.
const acksAtStop = acks;
await new Promise((r) => setTimeout(r, Number(process.env.FLOOD_LINGER_MS ?? 1_000)));
ws.terminate();
console.log(
  JSON.stringify({
    sent,
    seconds: Number(elapsed.toFixed(2)),
    acks,
    acksAtStop,
    rateLimited,
    closeCode,
  }),
);
process.exit(0);
