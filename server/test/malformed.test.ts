import { addNode, nodesMap } from "@logic-canvas/shared";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  acknowledged,
  type Client,
  connect,
  createModel,
  sleep,
  synced,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";

const server = useTestServer({ limits: { maxPayloadBytes: 64 * 1024 } });
let modelId: string;
let editorToken: string;
let bystander: Client;
let peer: Client;
let framesSent = 0;

beforeAll(async () => {
  const model = await createModel(server.url);
  modelId = model.id;
  editorToken = model.tokens.editor;
  bystander = connect(server, modelId, editorToken);
  peer = connect(server, modelId, editorToken);
  await synced(bystander);
  await synced(peer);
});
afterAll(async () => {
  bystander.destroy();
  peer.destroy();
  console.log(`malformed frames sent: ${framesSent}`);
});

/** The server is up and the other clients still edit and see each other's edits. */
async function othersStillEdit(): Promise<void> {
  const health = await fetch(`${server.url}/api/health`);
  expect(health.status).toBe(200);
  const id = addNode(bystander.doc, { kind: "input", title: `after ${framesSent}` }, "local");
  await acknowledged(bystander);
  await waitFor(() => nodesMap(peer.doc).has(id), "the peer to see the edit");
  expect(bystander.closes).toEqual([]);
}

let seed = 42;
function random(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}
const addressed = (doc: string, write: (e: encoding.Encoder) => void) =>
  message((e) => {
    encoding.writeVarString(e, doc);
    write(e);
  });

function frames(doc: string): { name: string; data: Uint8Array | string }[] {
  const auth = addressed(doc, (e) => {
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, editorToken);
  });
  const update = addressed(doc, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, randomBytes(40));
  });
  const list: { name: string; data: Uint8Array | string }[] = [
    { name: "text frame", data: "hello" },
    { name: "json text frame", data: JSON.stringify({ type: "sync" }) },
    { name: "empty frame", data: new Uint8Array() },
    { name: "truncated auth", data: auth.slice(0, Math.floor(auth.length / 2)) },
    { name: "huge length prefix", data: Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2]) },
    { name: "garbage yjs update", data: update },
    { name: "truncated update", data: update.slice(0, 8) },
    // Payloads that once made Yjs's decoder loop forever (yjs #479, #498).
    ...[new Uint8Array(), Uint8Array.from(Buffer.from("garbagedoc", "base64"))].map((bytes, i) => ({
      name: `known hostile update ${i}`,
      data: addressed(doc, (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, bytes);
      }),
    })),
    { name: "unknown message type", data: addressed(doc, (e) => encoding.writeVarUint(e, 99)) },
    {
      name: "unknown sync step",
      data: addressed(doc, (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 9);
      }),
    },
    {
      name: "client broadcast-stateless",
      data: addressed(doc, (e) => {
        encoding.writeVarUint(e, 8);
        encoding.writeVarString(e, "x");
      }),
    },
    {
      name: "garbage awareness",
      data: addressed(doc, (e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, randomBytes(30));
      }),
    },
    {
      name: "unknown document",
      data: addressed("../../etc/passwd", (e) => encoding.writeVarUint(e, 0)),
    },
  ];
  for (let i = 0; i < 12; i += 1)
    list.push({ name: `random bytes ${i}`, data: randomBytes(1 + Math.floor(random() * 200)) });
  for (let i = 0; i < 6; i += 1)
    list.push({
      name: `addressed random ${i}`,
      data: addressed(doc, (e) =>
        encoding.writeUint8Array(e, randomBytes(1 + Math.floor(random() * 100))),
      ),
    });
  return list;
}

async function sendAndWait(ws: WebSocket, data: Uint8Array | string): Promise<void> {
  framesSent += 1;
  ws.send(data, { binary: typeof data !== "string" });
  await Promise.race([new Promise((r) => ws.once("close", r)), sleep(60)]);
}

describe("malformed frames", () => {
  it("before authentication: the server stays up and others keep editing", async () => {
    for (const frame of frames(modelId)) {
      const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab`);
      await new Promise((r, j) => {
        ws.once("open", r);
        ws.once("error", j);
      });
      await sendAndWait(ws, frame.data);
      ws.terminate();
    }
    await othersStillEdit();
  });

  it("after authentication: only the sender's connection is affected", async () => {
    for (const frame of frames(modelId)) {
      const client = connect(server, modelId, editorToken);
      await synced(client);
      const ws = client.provider.configuration.websocketProvider.webSocket as unknown as WebSocket;
      await sendAndWait(ws, frame.data);
      client.destroy();
    }
    await othersStillEdit();
    const stored = await server.store.loadDocument(modelId);
    expect(stored).toBeDefined();
  });

  it("refuses an oversized frame by closing that socket with 1009", async () => {
    const client = connect(server, modelId, editorToken);
    await synced(client);
    const ws = client.provider.configuration.websocketProvider.webSocket as unknown as WebSocket;
    const closed = new Promise<number>((r) => ws.once("close", (code: number) => r(code)));
    framesSent += 1;
    ws.send(new Uint8Array(100 * 1024));
    expect(await closed).toBe(1009);
    client.destroy();
    await othersStillEdit();
  });
});
