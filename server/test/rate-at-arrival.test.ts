import { addNode, moveNode } from "@logic-canvas/shared";
import { beforeAll, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import {
  acknowledged,
  connect,
  createModel,
  synced,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";

/**
 * The per-socket message budget is spent as frames arrive, not as Hocuspocus gets round to them.
 * Here every write waits 20 ms for storage, so a document applies at most 50 updates a second,
 * less than the budget refills (100 a second): a budget checked when a message leaves
 * Hocuspocus's queue never runs out, and the queue of a flooding client grows without bound.
 */

const server = useTestServer();
let appends = 0;

beforeAll(() => {
  const append = server.store.appendUpdate.bind(server.store);
  server.store.appendUpdate = async (name, update) => {
    appends += 1;
    await new Promise((r) => setTimeout(r, 20));
    return append(name, update);
  };
});

function varString(s: string): number[] {
  const bytes = [...new TextEncoder().encode(s)];
  return [bytes.length, ...bytes];
}

/** A sync-update message (type 0, sub-type 2) carrying `update` for `doc`. */
function updateFrame(doc: string, update: Uint8Array): Uint8Array {
  const length: number[] = [];
  let n = update.length;
  while (n > 0x7f) {
    length.push(0x80 | (n & 0x7f));
    n >>>= 7;
  }
  length.push(n);
  return Uint8Array.from([...varString(doc), 0, 2, ...length, ...update]);
}

it("a client flooding updates faster than they can be stored is closed with rate-limited while they are still queued", async () => {
  const model = await createModel(server.url);
  const calm = connect(server, model.id, model.tokens.editor);
  await synced(calm);

  // 5,000 real drag updates of one card, made offline.
  const doc = new Y.Doc();
  const frames: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => frames.push(updateFrame(model.id, u)));
  const id = addNode(doc, { kind: "input", title: "dragged" }, "local");
  for (let i = 0; i < 5_000; i++) moveNode(doc, id, { x: i % 800, y: i % 600 }, "local");

  const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab`);
  ws.on("error", () => {});
  let closeCode: number | null = null;
  let closeReason = "";
  ws.on("close", (code, reason) => {
    closeCode = code;
    closeReason = String(reason);
  });
  const at = varString(model.id).length;
  let authenticated = false;
  ws.on("message", (data: Buffer) => {
    if (data[at] === 2 && data[at + 1] === 2) authenticated = true;
  });
  await new Promise((r) => ws.on("open", r));
  ws.send(Uint8Array.from([...varString(model.id), 2, 0, ...varString(model.tokens.editor)]));
  await waitFor(() => authenticated, "the flooder to authenticate");
  appends = 0;

  let sent = 0;
  while (ws.readyState === WebSocket.OPEN && sent < frames.length) {
    ws.send(frames[sent++] as Uint8Array);
    if (sent % 50 === 0) await new Promise((r) => setImmediate(r));
  }
  await waitFor(() => closeCode !== null, "the flooder to be closed", 3_000);
  expect(closeCode).toBe(4430);
  expect(closeReason).toMatch(/^rate-limited: /);
  // Closed after about the burst (400), while storage had taken only a fraction of it.
  expect(sent).toBeLessThan(2_000);

  // The calm editor on the same model is not affected.
  addNode(calm.doc, { kind: "activity", title: "calm edit" }, "local");
  await acknowledged(calm);
  expect(calm.closes).toEqual([]);
  calm.destroy();
  console.log(`flood with 20 ms storage: ${sent} frames sent, ${appends} stored before the close`);
});
