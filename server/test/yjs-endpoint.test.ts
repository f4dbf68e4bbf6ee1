import { addNode, nodesMap, readModel, startThread, threadsMap } from "@logic-canvas/shared";
import { expect, it } from "vitest";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import {
  api,
  authorOf,
  connect,
  createModel,
  person,
  sessionToken,
  sleep,
  startTestServer,
  storedDoc,
  synced,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";

/** A plain y-websocket client, as any Yjs application would connect. */
interface YClient {
  provider: WebsocketProvider;
  doc: Y.Doc;
  closes: { code: number; reason: string }[];
  destroy(): void;
}

const server = useTestServer();

function yconnect(room: string, token: string, doc = new Y.Doc()): YClient {
  const provider = new WebsocketProvider(`${server.url.replace("http", "ws")}/yjs`, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const closes: YClient["closes"] = [];
  provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return { provider, doc, closes, destroy: () => provider.destroy() };
}

const ysynced = (client: YClient) =>
  waitFor(
    () => client.provider.synced,
    `y-websocket sync (closes: ${JSON.stringify(client.closes)})`,
  );

async function storedState(name: string): Promise<Y.Doc> {
  await server.persistence.flush();
  return storedDoc(server.store, name);
}

it("an edit through y-websocket reaches a Hocuspocus client and back, and is stored", async () => {
  const model = await createModel(server.url, { template: "coaching" });
  const plain = yconnect(model.id, model.tokens.editor);
  const hocus = connect(server, model.id, model.tokens.owner);
  await ysynced(plain);
  await synced(hocus);
  expect(readModel(plain.doc)).toEqual(readModel(hocus.doc));

  const fromPlain = addNode(plain.doc, { kind: "input", title: "From y-websocket" }, "local");
  await waitFor(() => nodesMap(hocus.doc).has(fromPlain), "the Hocuspocus client sees it");
  const fromHocus = addNode(hocus.doc, { kind: "longTerm", title: "From Hocuspocus" }, "local");
  await waitFor(() => nodesMap(plain.doc).has(fromHocus), "the y-websocket client sees it");
  await waitFor(
    () => Y.encodeStateVector(plain.doc).join() === Y.encodeStateVector(hocus.doc).join(),
  );
  expect(readModel(plain.doc)).toEqual(readModel(hocus.doc));

  const stored = await storedState(model.id);
  expect(nodesMap(stored).has(fromPlain)).toBe(true);
  expect(plain.closes).toEqual([]);
  plain.destroy();
  hocus.destroy();
});

it("a viewer token through y-websocket reads but cannot write: nothing stored or broadcast", async () => {
  const model = await createModel(server.url, { template: "coaching" });
  const watcher = connect(server, model.id, model.tokens.editor);
  await synced(watcher);
  const viewer = yconnect(model.id, model.tokens.viewer);
  await ysynced(viewer);
  expect(readModel(viewer.doc)).toEqual(readModel(watcher.doc));
  const before = Y.encodeStateVector(await storedState(model.id));
  const received = watcher.received.length;

  const id = addNode(viewer.doc, { kind: "input", title: "Sneaky" }, "local");
  await waitFor(() => viewer.closes.length > 0, "the viewer's connection is closed");
  expect(viewer.closes[0]?.code).toBe(4403);
  expect(viewer.closes[0]?.reason).toMatch(/^read-only: /);
  await sleep(200);
  expect(nodesMap(watcher.doc).has(id)).toBe(false);
  expect(watcher.received.length).toBe(received);
  const after = await storedState(model.id);
  expect(Y.encodeStateVector(after)).toEqual(before);
  expect(nodesMap(after).has(id)).toBe(false);
  // 44xx closes are final for y-websocket: it does not retry the refused write in a loop.
  await waitFor(() => !viewer.provider.shouldConnect, "the provider stops reconnecting");
  viewer.destroy();
  watcher.destroy();
});

it("an invalid write through y-websocket is refused with a reason and never applied", async () => {
  const model = await createModel(server.url, { template: "coaching" });
  const watcher = connect(server, model.id, model.tokens.viewer);
  await synced(watcher);
  const editor = yconnect(model.id, model.tokens.editor);
  await ysynced(editor);
  const received = watcher.received.length;

  editor.doc.transact(() => {
    const node = new Y.Map<unknown>();
    nodesMap(editor.doc).set("bogus-node-1", node as never);
    node.set("id", "bogus-node-1");
    node.set("kind", "spaceship");
    node.set("title", "x".repeat(10_000));
  }, "local");
  await waitFor(() => editor.closes.length > 0, "the writer's connection is closed");
  expect(editor.closes[0]?.code).toBe(4422);
  expect(editor.closes[0]?.reason).toMatch(/^invalid-write: The server refused a change/);
  await sleep(200);
  expect(watcher.received.length).toBe(received);
  expect(nodesMap(await storedState(model.id)).has("bogus-node-1")).toBe(false);
  expect(server.hocuspocus.documents.get(model.id)?.getMap("nodes").has("bogus-node-1")).toBe(
    false,
  );
  editor.destroy();
  watcher.destroy();
});

it("awareness crosses both ways, stamped with each connection's role", async () => {
  const model = await createModel(server.url);
  const plain = yconnect(model.id, model.tokens.viewer);
  const hocus = connect(server, model.id, model.tokens.editor);
  await ysynced(plain);
  await synced(hocus);
  plain.provider.awareness.setLocalStateField("user", { name: "Plain", role: "owner" });
  hocus.provider.setAwarenessField("user", { name: "Hocus" });

  const hocusAwareness = hocus.provider.awareness;
  if (!hocusAwareness) throw new Error("no awareness");
  await waitFor(
    () => hocusAwareness.getStates().get(plain.doc.clientID)?.user?.name === "Plain",
    "the Hocuspocus client sees the y-websocket client",
  );
  // The server says which role a state comes from, whatever the client claims.
  expect(hocusAwareness.getStates().get(plain.doc.clientID)?.role).toBe("viewer");
  await waitFor(
    () => plain.provider.awareness.getStates().get(hocus.doc.clientID)?.user?.name === "Hocus",
    "the y-websocket client sees the Hocuspocus client",
  );
  expect(plain.provider.awareness.getStates().get(hocus.doc.clientID)?.role).toBe("editor");
  plain.destroy();
  hocus.destroy();
});

it("the review document is /yjs/<id>/review, with the review rules", async () => {
  const model = await createModel(server.url);
  const ana = person("Ana");
  const commenter = yconnect(`${model.id}/review`, sessionToken(model.tokens.commenter, ana));
  const owner = connect(server, `${model.id}/review`, model.tokens.owner);
  await ysynced(commenter);
  await synced(owner);
  startThread(
    commenter.doc,
    {
      anchor: { kind: "model" },
      type: "idea",
      text: "Via plain Yjs",
      author: authorOf(ana, "commenter"),
    },
    "local",
  );
  await waitFor(() => threadsMap(owner.doc).size === 1, "the comment arrives");
  // Without a name, a commenter may not write to the review document.
  const anonymous = yconnect(`${model.id}/review`, model.tokens.commenter);
  await ysynced(anonymous);
  startThread(
    anonymous.doc,
    {
      anchor: { kind: "model" },
      type: "idea",
      text: "Nameless",
      author: authorOf(ana, "commenter"),
    },
    "local",
  );
  await waitFor(() => anonymous.closes.length > 0, "the nameless write is refused");
  expect(anonymous.closes[0]?.code).toBe(4403);
  expect(threadsMap(owner.doc).size).toBe(1);
  for (const c of [commenter, anonymous]) c.destroy();
  owner.destroy();
});

it("bad tokens, unknown paths, foreign origins, text and oversized frames are refused", async () => {
  const model = await createModel(server.url);
  const wrong = yconnect(model.id, "not-a-token");
  await waitFor(() => wrong.closes.length > 0, "refused");
  expect(wrong.closes[0]?.code).toBe(4401);
  expect(wrong.closes[0]?.reason).toMatch(/^unauthorized: /);
  wrong.destroy();

  const status = (path: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.url.replace("http", "ws")}${path}`, { headers });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => {
        ws.close();
        resolve(101);
      });
      ws.on("error", () => undefined);
    });
  expect(await status("/yjs/../etc/passwd")).toBe(404);
  expect(await status(`/yjs/${model.id}/other`)).toBe(404);
  expect(
    await status(`/yjs/${model.id}?token=${model.tokens.editor}`, {
      Origin: "https://evil.example",
    }),
  ).toBe(403);

  const raw = (send: (ws: WebSocket) => void) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(
        `${server.url.replace("http", "ws")}/yjs/${model.id}?token=${model.tokens.editor}`,
      );
      ws.on("open", () => send(ws));
      ws.on("close", (code) => resolve(code));
      ws.on("error", () => undefined);
    });
  expect(await raw((ws) => ws.send("hello"))).toBe(1003);
  expect(await raw((ws) => ws.send(Buffer.from([7, 1, 2])))).toBe(1003);
  expect(await raw((ws) => ws.send(Buffer.alloc(server.config.limits.maxPayloadBytes + 1)))).toBe(
    1009,
  );

  // The server is still there for everyone else.
  const after = yconnect(model.id, model.tokens.editor);
  await ysynced(after);
  after.destroy();
});

it("revoking a link closes its y-websocket connections too", async () => {
  const model = await createModel(server.url);
  const plain = yconnect(model.id, model.tokens.editor);
  await ysynced(plain);
  const links = (await (
    await api(server.url, `/api/models/${model.id}/links`, { token: model.tokens.owner })
  ).json()) as {
    links: { id: string; role: string }[];
  };
  const editorLink = links.links.find((l) => l.role === "editor");
  const response = await api(server.url, `/api/models/${model.id}/links/${editorLink?.id}`, {
    method: "DELETE",
    token: model.tokens.owner,
  });
  expect(response.status).toBe(200);
  await waitFor(() => plain.closes.length > 0, "closed on revoke");
  expect(plain.closes[0]?.code).toBe(4401);
  expect(plain.closes[0]?.reason).toMatch(/^link-revoked: /);
  plain.destroy();
});

it("the per-connection rate limit applies to y-websocket clients too", async () => {
  const limited = await startTestServer({ limits: { messagesPerSecond: 1, messageBurst: 5 } });
  try {
    const model = await createModel(limited.url);
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(
      `${limited.url.replace("http", "ws")}/yjs`,
      model.id,
      doc,
      {
        params: { token: model.tokens.editor },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      },
    );
    const closes: number[] = [];
    provider.on("connection-close", (event) => {
      if (event) closes.push(event.code);
    });
    await waitFor(() => provider.synced, "sync");
    for (let i = 0; i < 30; i += 1) provider.awareness.setLocalStateField("cursor", { x: i });
    await waitFor(() => closes.length > 0, "rate-limited");
    expect(closes[0]).toBe(4430);
    provider.destroy();
  } finally {
    await limited.stop();
  }
});
