import { rmSync } from "node:fs";
import { addNode, nodesMap, readModel, setMeta, toModelFile } from "@logic-canvas/shared";
import { afterEach, expect, it } from "vitest";
import * as Y from "yjs";
import {
  acknowledged,
  api,
  connect,
  createModel,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
} from "../../tests/support/index.ts";

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});
async function start(dataDir?: string) {
  const server = await startTestServer(dataDir ? { dataDir } : {});
  servers.push(server);
  return server;
}

it("two editors converge and a late joiner gets the full state", async () => {
  const server = await start();
  const model = await createModel(server.url, { template: "coaching" });
  const a = connect(server, model.id, model.tokens.editor);
  const b = connect(server, model.id, model.tokens.owner);
  await synced(a);
  await synced(b);
  const ids: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    ids.push(addNode(i % 2 ? a.doc : b.doc, { kind: "input", title: `Input ${i}` }, "local"));
  }
  setMeta(a.doc, { title: "Converged" }, "local");
  await acknowledged(a);
  await acknowledged(b);
  await waitFor(
    () => Y.encodeStateVector(a.doc).join() === Y.encodeStateVector(b.doc).join(),
    "convergence",
  );
  expect(readModel(a.doc)).toEqual(readModel(b.doc));
  const late = connect(server, model.id, model.tokens.viewer);
  await synced(late);
  expect(readModel(late.doc)).toEqual(readModel(a.doc));
  expect(readModel(late.doc).title).toBe("Converged");
  for (const c of [a, b, late]) c.destroy();
});

it("a restart brings everything back, including compacted and uncompacted updates", async () => {
  const first = await startTestServer({ compactAfterUpdates: 5 });
  const cleanup = () => rmSync(first.dataDir, { recursive: true, force: true });
  const model = await createModel(first.url);
  const a = connect(first, model.id, model.tokens.editor);
  await synced(a);
  for (let i = 0; i < 12; i += 1) addNode(a.doc, { kind: "activity", title: `Step ${i}` }, "local");
  await acknowledged(a);
  const before = readModel(a.doc);
  a.destroy();
  await first.close();
  const second = await start(first.dataDir);
  const b = connect(second, model.id, model.tokens.viewer);
  await synced(b);
  expect(readModel(b.doc)).toEqual(before);
  expect(nodesMap(b.doc).size).toBe(12);
  // The log was folded into the snapshot along the way.
  expect(await second.store.countUpdates(model.id)).toBeLessThan(12);
  b.destroy();
  await second.close();
  cleanup();
});

it("PUT content replaces the model as one change that connected clients see live", async () => {
  const server = await start();
  const model = await createModel(server.url, { template: "coaching" });
  const watcher = connect(server, model.id, model.tokens.viewer);
  await synced(watcher);
  const file = toModelFile({
    title: "Replaced",
    masteryGoal: "Students self-assess",
    nodes: [{ id: "n1", kind: "input", title: "Time" }],
    edges: [],
  });
  const response = await api(server.url, `/api/models/${model.id}/content`, {
    method: "PUT",
    token: model.tokens.editor,
    body: JSON.stringify(file),
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ title: "Replaced", nodeCount: 1, edgeCount: 0 });
  await waitFor(() => readModel(watcher.doc).title === "Replaced", "the live change");
  expect(readModel(watcher.doc).nodes.map((n) => n.id)).toEqual(["n1"]);
  watcher.destroy();
  // Durable: a restart serves the replaced content.
  await server.close();
  const again = await startTestServer({ dataDir: server.dataDir });
  const check = await api(again.url, `/api/models/${model.id}`, { token: model.tokens.viewer });
  expect(await check.json()).toMatchObject({ title: "Replaced", nodeCount: 1 });
  await again.close();
});

it("awareness is stamped with the connection's role and cannot claim another client's id", async () => {
  const server = await start();
  const model = await createModel(server.url);
  const viewer = connect(server, model.id, model.tokens.viewer);
  const editor = connect(server, model.id, model.tokens.editor);
  await synced(viewer);
  await synced(editor);
  viewer.provider.setAwarenessField("user", { name: "Vera" });
  viewer.provider.awareness?.setLocalStateField("role", "owner");
  await waitFor(
    () => editor.provider.awareness?.getStates().get(viewer.doc.clientID)?.user?.name === "Vera",
  );
  expect(editor.provider.awareness?.getStates().get(viewer.doc.clientID)?.role).toBe("viewer");
  // An impostor reusing the editor's client id is not relayed.
  const impostorDoc = new Y.Doc();
  impostorDoc.clientID = editor.doc.clientID;
  editor.provider.setAwarenessField("user", { name: "Ed" });
  await waitFor(
    () => viewer.provider.awareness?.getStates().get(editor.doc.clientID)?.user?.name === "Ed",
  );
  const impostor = connect(server, model.id, model.tokens.viewer, impostorDoc);
  await synced(impostor);
  impostor.provider.setAwarenessField("user", { name: "Mallory" });
  await new Promise((r) => setTimeout(r, 200));
  expect(viewer.provider.awareness?.getStates().get(editor.doc.clientID)?.user?.name).toBe("Ed");
  for (const c of [viewer, editor, impostor]) c.destroy();
});

it("opening a stored model sends it once, not also as an update of its loading", async () => {
  const server = await start();
  const model = await createModel(server.url, { template: "coaching" });
  await waitFor(() => !server.hocuspocus.documents.has(model.id), "the model to unload");
  // Two people opening it at once, as the graph and review documents of one page do.
  const clients = [0, 1].map(() => connect(server, model.id, model.tokens.editor));
  const sizes = clients.map((client) => {
    const seen: number[] = [];
    client.provider.on("message", ({ event }: { event: MessageEvent }) =>
      seen.push((event.data as ArrayBuffer).byteLength),
    );
    return seen;
  });
  for (const client of clients) await synced(client);
  const whole = Y.encodeStateAsUpdate(clients[0]?.doc as Y.Doc).byteLength;
  for (const seen of sizes) expect(seen.filter((bytes) => bytes >= whole * 0.9)).toHaveLength(1);
  for (const client of clients) client.destroy();
});
