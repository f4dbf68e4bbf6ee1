import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { addNode, nodesMap } from "@logic-canvas/shared";
import { afterEach, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import {
  acknowledged,
  type Client,
  connect,
  createModel,
  storedDoc,
  synced,
  waitFor,
} from "../support/index.ts";
import { type Cluster, cluster, killRedisConnection } from "./cluster.ts";

/**
 * What Redis does not guarantee: a process killed right after acknowledging an edit never
 * publishes it, and a message published while a subscriber reconnects is lost. Both are repaired
 * from the store, which holds every acknowledged edit whichever process took it.
 */
const clusters: Cluster[] = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const c of clusters.splice(0)) await c.stop();
});

function client(...args: Parameters<typeof connect>): Client {
  const made = connect(...args);
  clients.push(made);
  return made;
}

it("edits acknowledged by a process killed with SIGKILL are served by the other, live and fresh", async () => {
  const c = cluster({ redisResyncMs: 200 });
  clusters.push(c);
  const a = await c.startChild();
  const b = await c.start();
  const model = await createModel(a.url, { template: "coaching" });
  // B already serves the model to someone when A dies.
  const onB = client(b, model.id, model.tokens.viewer);
  await synced(onB);

  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: `${a.url.replace("http", "ws")}/collab`,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const onA = new HocuspocusProvider({
    websocketProvider: socket,
    name: model.id,
    token: model.tokens.editor,
    document: doc,
  });
  onA.attach();
  await waitFor(() => onA.isSynced, "sync with A");
  const acked: string[] = [];
  let killed = false;
  // A stream of edits; A is killed the moment one of them is acknowledged.
  await new Promise<void>((done) => {
    let last = "";
    const edit = () => {
      if (killed) return;
      last = addNode(doc, { kind: "activity", title: `Edit ${acked.length}` }, "local");
    };
    onA.on("unsyncedChanges", ({ number }: { number: number }) => {
      if (number !== 0 || killed || !last) return;
      acked.push(last);
      if (acked.length === 5) {
        killed = true;
        void a.kill().then(done);
        return;
      }
      edit();
    });
    edit();
  });
  onA.destroy();
  socket.destroy();
  expect(acked).toHaveLength(5);

  // The client already on B gets all of them (through the store resync if Redis missed any).
  await waitFor(
    () => acked.every((id) => nodesMap(onB.doc).has(id)),
    "every acknowledged edit reaches B's client",
  );
  const fresh = client(b, model.id, model.tokens.viewer);
  await synced(fresh);
  for (const id of acked) expect(nodesMap(fresh.doc).has(id)).toBe(true);
  // And the periodic resync is running (under load its first pass can still be in flight here).
  await waitFor(() => (b.cluster?.resync.passes ?? 0) > 0, "a periodic store resync pass");
});

it("an update stored by another process whose Redis message was lost is applied on the next pass", async () => {
  const c = cluster({ redisResyncMs: 0 });
  clusters.push(c);
  const a = await c.start();
  const b = await c.start();
  const model = await createModel(a.url);
  const onA = client(a, model.id, model.tokens.editor);
  const onB = client(b, model.id, model.tokens.editor);
  await synced(onA);
  await synced(onB);

  // What a third process appends and then fails to publish: in the store, in nobody's memory.
  const stored = await a.store.loadDocument(model.id);
  const elsewhere = await storedDoc(a.store, model.id);
  const captured: Uint8Array[] = [];
  elsewhere.on("update", (u: Uint8Array) => captured.push(u));
  const lost = addNode(elsewhere, { kind: "input", title: "Never published" }, "local");
  for (const update of captured) await a.store.appendUpdate(model.id, update);

  await a.cluster?.catchUp();
  await b.cluster?.catchUp();
  await waitFor(() => nodesMap(onA.doc).has(lost), "A's client gets it");
  await waitFor(() => nodesMap(onB.doc).has(lost), "B's client gets it");
  // Nothing was appended twice: a resync is not a new write.
  expect((await b.store.loadDocument(model.id))?.updates.length).toBe(
    (stored?.updates.length ?? 0) + captured.length,
  );
  // A pass with nothing new changes nothing.
  expect(await b.cluster?.catchUp()).toBe(0);
});

it("a process whose Redis subscription dropped catches up from the store when it reconnects", async () => {
  const c = cluster({ redisResyncMs: 0 });
  clusters.push(c);
  const a = await c.start();
  const b = await c.start();
  const model = await createModel(a.url);
  const onA = client(a, model.id, model.tokens.editor);
  const onB = client(b, model.id, model.tokens.viewer);
  await synced(onA);
  await synced(onB);
  const passes = b.cluster?.resync.passes ?? 0;

  expect(await killRedisConnection(b.cluster?.identifier ?? "", "sub")).toBe(1);
  // Published while B's subscriber is down (or reconnecting): B misses it on Redis.
  const id = addNode(onA.doc, { kind: "input", title: "During the outage" }, "local");
  await acknowledged(onA);
  await waitFor(() => (b.cluster?.resync.passes ?? 0) > passes, "B resyncs after reconnecting");
  await waitFor(() => nodesMap(onB.doc).has(id), "B's client gets the edit");
  // Live sharing works again afterwards.
  const after = addNode(onA.doc, { kind: "input", title: "After the outage" }, "local");
  await waitFor(() => nodesMap(onB.doc).has(after), "B's client gets later edits");
});

it("a revocation whose Redis message was lost still closes the link's connections on the next pass", async () => {
  const c = cluster({ redisResyncMs: 0 });
  clusters.push(c);
  const a = await c.start();
  const b = await c.start();
  const model = await createModel(a.url);
  const onB = client(b, model.id, model.tokens.editor);
  const otherOnB = client(b, model.id, model.tokens.viewer);
  await synced(onB);
  await synced(otherOnB);
  // Revoked in the store only, as if the control message never arrived.
  const links = await a.store.listLinks(model.id);
  const editorLink = links.find((l) => l.role === "editor");
  await a.store.revokeLink(model.id, editorLink?.id ?? "", new Date().toISOString());
  expect(onB.closes).toEqual([]);
  await b.cluster?.catchUp();
  await waitFor(() => onB.closes.length > 0, "closed on the next pass");
  expect(onB.closes[0]).toMatch(/^link-revoked: /);
  expect(otherOnB.closes).toEqual([]);
});
