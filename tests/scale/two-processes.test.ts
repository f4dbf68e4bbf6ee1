import {
  addNode,
  deleteNode,
  nodesMap,
  readModel,
  setMeta,
  toModelFile,
} from "@logic-canvas/shared";
import { afterEach, expect, it } from "vitest";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import {
  acknowledged,
  api,
  type Client,
  connect,
  createModel,
  sleep,
  startTestServer,
  synced,
  waitFor,
} from "../support/index.ts";
import { type Cluster, cluster } from "./cluster.ts";

/**
 * The collaboration scenarios of the server's own tests, with the clients split over two server
 * processes that share one data folder and one Redis. The periodic store resync is off here, so
 * everything a client sees crossed through Redis.
 */
const clusters: Cluster[] = [];
const clients: { destroy(): void }[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const c of clusters.splice(0)) await c.stop();
});

async function pair(options: Parameters<typeof cluster>[0] = {}) {
  const c = cluster({ redisResyncMs: 0, ...options });
  clusters.push(c);
  const a = await c.start();
  const b = await c.start();
  return { c, a, b };
}

function client(...args: Parameters<typeof connect>): Client {
  const made = connect(...args);
  clients.push(made);
  return made;
}

const sameState = (x: Y.Doc, y: Y.Doc) =>
  Y.encodeStateVector(x).join() === Y.encodeStateVector(y).join();

it("editors on different processes converge, and a late joiner anywhere gets the full state", async () => {
  const { a, b } = await pair();
  expect(a.cluster?.identifier).not.toBe(b.cluster?.identifier);
  const model = await createModel(a.url, { template: "coaching" });
  const onA = client(a, model.id, model.tokens.editor);
  const onB = client(b, model.id, model.tokens.owner);
  await synced(onA);
  await synced(onB);
  const ids: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    ids.push(addNode(i % 2 ? onA.doc : onB.doc, { kind: "input", title: `Input ${i}` }, "local"));
  }
  setMeta(onB.doc, { title: "Converged across processes" }, "local");
  await acknowledged(onA);
  await acknowledged(onB);
  await waitFor(() => sameState(onA.doc, onB.doc), "convergence");
  // A deletion made on A of a card made on B.
  deleteNode(onA.doc, ids[0] as string, "local");
  await waitFor(() => !nodesMap(onB.doc).has(ids[0] as string), "the deletion crosses");
  expect(readModel(onA.doc)).toEqual(readModel(onB.doc));
  for (const server of [a, b]) {
    const late = client(server, model.id, model.tokens.viewer);
    await synced(late);
    expect(readModel(late.doc)).toEqual(readModel(onA.doc));
    expect(readModel(late.doc).title).toBe("Converged across processes");
  }
});

it("a y-websocket client on one process and a Hocuspocus client on the other edit together", async () => {
  const { a, b } = await pair();
  const model = await createModel(a.url, { template: "coaching" });
  const hocus = client(a, model.id, model.tokens.editor);
  await synced(hocus);
  const doc = new Y.Doc();
  const plain = new WebsocketProvider(`${b.url.replace("http", "ws")}/yjs`, model.id, doc, {
    params: { token: model.tokens.editor },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  clients.push(plain);
  await waitFor(() => plain.synced, "y-websocket sync");
  const fromPlain = addNode(doc, { kind: "activity", title: "Plain Yjs on B" }, "local");
  await waitFor(() => nodesMap(hocus.doc).has(fromPlain), "reaches A");
  const fromHocus = addNode(hocus.doc, { kind: "longTerm", title: "Hocuspocus on A" }, "local");
  await waitFor(() => nodesMap(doc).has(fromHocus), "reaches B");
  await waitFor(() => sameState(doc, hocus.doc), "convergence");
});

it("a refused write on one process reaches neither process nor the store", async () => {
  const { a, b } = await pair();
  const model = await createModel(a.url, { template: "coaching" });
  const editorOnA = client(a, model.id, model.tokens.editor);
  const viewerOnB = client(b, model.id, model.tokens.viewer);
  const watcherOnB = client(b, model.id, model.tokens.editor);
  for (const x of [editorOnA, viewerOnB, watcherOnB]) await synced(x);
  const receivedA = editorOnA.received.length;
  const receivedB = watcherOnB.received.length;
  const storedBefore = await a.store.loadDocument(model.id);

  const sneaky = addNode(viewerOnB.doc, { kind: "input", title: "Viewer's card" }, "local");
  await waitFor(() => viewerOnB.closes.length > 0, "the viewer is closed");
  expect(viewerOnB.closes[0]).toMatch(/^read-only: /);
  // An invalid write from an editor on the other process.
  editorOnA.doc.transact(() => {
    const node = new Y.Map<unknown>();
    nodesMap(editorOnA.doc).set("bogus", node as never);
    node.set("id", "bogus");
    node.set("kind", "spaceship");
    node.set("title", "Nope");
  }, "local");
  await waitFor(() => editorOnA.closes.length > 0, "the invalid writer is closed");
  expect(editorOnA.closes[0]).toMatch(/^invalid-write: /);
  await sleep(300);
  expect(watcherOnB.received.length).toBe(receivedB);
  expect(editorOnA.received.length).toBe(receivedA);
  for (const server of [a, b]) {
    const live = server.hocuspocus.documents.get(model.id);
    if (live) {
      expect(nodesMap(live).has(sneaky)).toBe(false);
      expect(nodesMap(live).has("bogus")).toBe(false);
    }
  }
  const storedAfter = await b.store.loadDocument(model.id);
  expect(storedAfter?.updates.length).toBe(storedBefore?.updates.length);
});

it("an API change on one process is seen live on the other; revoke and delete close everywhere", async () => {
  const { a, b } = await pair();
  const model = await createModel(a.url, { template: "coaching" });
  const watcherOnB = client(b, model.id, model.tokens.viewer);
  const editorOnB = client(b, `${model.id}/review`, model.tokens.editor);
  const ownerOnA = client(a, model.id, model.tokens.owner);
  for (const x of [watcherOnB, editorOnB, ownerOnA]) await synced(x);
  const file = toModelFile({
    title: "Replaced on A",
    masteryGoal: "Students self-assess",
    nodes: [{ id: "n1", kind: "input", title: "Time" }],
    edges: [],
  });
  const put = await api(a.url, `/api/models/${model.id}/content`, {
    method: "PUT",
    token: model.tokens.editor,
    body: JSON.stringify(file),
  });
  expect(put.status).toBe(200);
  await waitFor(() => readModel(watcherOnB.doc).title === "Replaced on A", "the live change on B");
  expect(readModel(watcherOnB.doc).nodes.map((n) => n.id)).toEqual(["n1"]);

  const links = (await (
    await api(a.url, `/api/models/${model.id}/links`, { token: model.tokens.owner })
  ).json()) as { links: { id: string; role: string }[] };
  const editorLink = links.links.find((l) => l.role === "editor")?.id;
  const revoke = await api(a.url, `/api/models/${model.id}/links/${editorLink}`, {
    method: "DELETE",
    token: model.tokens.owner,
  });
  expect(revoke.status).toBe(200);
  await waitFor(() => editorOnB.closes.length > 0, "the revoked link is closed on B");
  expect(editorOnB.closes[0]).toMatch(/^link-revoked: /);
  expect(watcherOnB.closes).toEqual([]);

  const removed = await api(a.url, `/api/models/${model.id}`, {
    method: "DELETE",
    token: model.tokens.owner,
  });
  expect(removed.status).toBe(204);
  await waitFor(() => watcherOnB.closes.length > 0, "the deleted model is closed on B");
  expect(watcherOnB.closes[0]).toMatch(/^model-deleted: /);
});

it("both processes compacting the shared log lose nothing; a restart brings everything back", async () => {
  const { c, a, b } = await pair({ compactAfterUpdates: 5 });
  const model = await createModel(a.url);
  const onA = client(a, model.id, model.tokens.editor);
  const onB = client(b, model.id, model.tokens.editor);
  await synced(onA);
  await synced(onB);
  const ids: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    ids.push(addNode(i % 2 ? onA.doc : onB.doc, { kind: "activity", title: `Step ${i}` }, "local"));
    if (i % 4 === 0) await sleep(5);
  }
  await acknowledged(onA);
  await acknowledged(onB);
  await waitFor(() => sameState(onA.doc, onB.doc), "convergence");
  const expected = readModel(onA.doc);
  onA.destroy();
  onB.destroy();
  await a.close();
  await b.close();
  // One plain process, no Redis: everything is in the store.
  const alone = await startTestServer({ dataDir: c.dataDir });
  try {
    const reader = client(alone, model.id, model.tokens.viewer);
    await synced(reader);
    expect(readModel(reader.doc)).toEqual(expected);
    for (const id of ids) expect(nodesMap(reader.doc).has(id)).toBe(true);
    expect(await alone.store.countUpdates(model.id)).toBeLessThan(40);
  } finally {
    await alone.close();
  }
});

it("a REDIS_URL nobody answers stops the start with a clear error", async () => {
  const c = cluster();
  clusters.push(c);
  await expect(c.start({ redisUrl: "redis://:secret@127.0.0.1:1" })).rejects.toThrow(
    /^Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 is not reachable/,
  );
});

it("presence crosses processes with the role the first process stamped", async () => {
  const { a, b } = await pair();
  const model = await createModel(a.url);
  const viewerOnA = client(a, model.id, model.tokens.viewer);
  const editorOnB = client(b, model.id, model.tokens.editor);
  await synced(viewerOnA);
  await synced(editorOnB);
  viewerOnA.provider.setAwarenessField("user", { name: "Vera" });
  viewerOnA.provider.awareness?.setLocalStateField("role", "owner");
  await waitFor(
    () =>
      editorOnB.provider.awareness?.getStates().get(viewerOnA.doc.clientID)?.user?.name === "Vera",
    "B's client sees A's client",
  );
  expect(editorOnB.provider.awareness?.getStates().get(viewerOnA.doc.clientID)?.role).toBe(
    "viewer",
  );
  editorOnB.provider.setAwarenessField("user", { name: "Ed" });
  await waitFor(
    () =>
      viewerOnA.provider.awareness?.getStates().get(editorOnB.doc.clientID)?.user?.name === "Ed",
    "A's client sees B's client",
  );
});

it("a model edited on both processes gets one automatic version per quiet time, not one each", async () => {
  const { a, b } = await pair({ autoVersionQuietMs: 300 });
  const model = await createModel(a.url, { template: "coaching" });
  const onA = client(a, model.id, model.tokens.editor);
  const onB = client(b, model.id, model.tokens.editor);
  await synced(onA);
  await synced(onB);
  addNode(onA.doc, { kind: "input", title: "From A" }, "local");
  addNode(onB.doc, { kind: "input", title: "From B" }, "local");
  await acknowledged(onA);
  await acknowledged(onB);
  const automatic = async () => {
    const response = await api(a.url, `/api/models/${model.id}/versions`, {
      token: model.tokens.owner,
    });
    const { versions } = (await response.json()) as { versions: { kind: string }[] };
    return versions.filter((v) => v.kind === "auto").length;
  };
  const deadline = Date.now() + 10_000;
  while ((await automatic()) === 0 && Date.now() < deadline) await sleep(50);
  // Both processes' quiet times have long elapsed by now.
  await sleep(900);
  expect(await automatic()).toBe(1);
});
