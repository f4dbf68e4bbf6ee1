import { addNode, edgesMap, connect as link, nodesMap, readModel } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  acknowledged,
  api,
  type Client,
  connect,
  createModel,
  synced,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";

const server = useTestServer();

async function exported(id: string, token: string) {
  const response = await api(server.url, `/api/models/${id}/export`, { token });
  return (await response.json()) as {
    nodes: { id: string; title: string }[];
    edges: { id: string }[];
  };
}

async function editorPair() {
  const model = await createModel(server.url, { title: "Validation" });
  const writer = connect(server, model.id, model.tokens.editor);
  const watcher = connect(server, model.id, model.tokens.editor);
  await synced(writer);
  await synced(watcher);
  return { model, writer, watcher };
}

/** Writes raw fields straight into the document, as a buggy or hostile client could. */
function rawNode(client: Client, id: string, fields: Record<string, unknown>): void {
  client.doc.transact(() => {
    const map = new Y.Map<unknown>();
    nodesMap(client.doc).set(id, map);
    for (const [k, v] of Object.entries(fields)) map.set(k, v);
  });
}

async function expectRefused(
  client: Client,
  watcher: Client,
  modelId: string,
  token: string,
  pattern: RegExp,
) {
  await waitFor(() => client.closes.length > 0, "the writer to be closed");
  expect(client.closes[0]).toMatch(/^invalid-write: /);
  expect(client.closes[0]).toMatch(pattern);
  const file = await exported(modelId, token);
  expect(file.nodes.map((n) => n.id)).not.toContain("bad");
  expect(readModel(watcher.doc).nodes.map((n) => n.id)).not.toContain("bad");
}

describe("write validation", () => {
  it("refuses a node of unknown kind, with a reason, and stores nothing", async () => {
    const { model, writer, watcher } = await editorPair();
    rawNode(writer, "bad", { id: "bad", kind: "wish", title: "A wish" });
    await expectRefused(writer, watcher, model.id, model.tokens.owner, /kind/);
    // The other client keeps editing.
    const id = addNode(watcher.doc, { kind: "input", title: "Still fine" }, "local");
    await acknowledged(watcher);
    expect((await exported(model.id, model.tokens.owner)).nodes.map((n) => n.id)).toContain(id);
    writer.destroy();
    watcher.destroy();
  });

  it("refuses a 10,000-character title", async () => {
    const { model, writer, watcher } = await editorPair();
    rawNode(writer, "bad", { id: "bad", kind: "input", title: "x".repeat(10_000) });
    await expectRefused(writer, watcher, model.id, model.tokens.owner, /title/);
    writer.destroy();
    watcher.destroy();
  });

  it("refuses an edge written backward or to itself", async () => {
    const { model, writer, watcher } = await editorPair();
    const input = addNode(writer.doc, { kind: "input", title: "Coaches" }, "local");
    const goal = addNode(writer.doc, { kind: "longTerm", title: "90% proficient" }, "local");
    await acknowledged(writer);
    link(writer.doc, { id: "bad", source: goal, target: input }, "local");
    await waitFor(() => writer.closes.length > 0, "the writer to be closed");
    expect(writer.closes[0]).toMatch(/^invalid-write: .*left to right/);
    expect((await exported(model.id, model.tokens.owner)).edges).toEqual([]);

    const again = connect(server, model.id, model.tokens.editor);
    await synced(again);
    link(again.doc, { id: "self", source: input, target: input }, "local");
    await waitFor(() => again.closes.length > 0, "the writer to be closed");
    expect(again.closes[0]).toMatch(/^invalid-write: .*itself/);
    expect(edgesMap(watcher.doc).size).toBe(0);
    writer.destroy();
    again.destroy();
    watcher.destroy();
  });

  it("refuses fields outside the layout", async () => {
    const { model, writer, watcher } = await editorPair();
    rawNode(writer, "bad", { id: "bad", kind: "input", title: "ok", secret: "x" });
    await expectRefused(writer, watcher, model.id, model.tokens.owner, /no field "secret"/);
    const other = connect(server, model.id, model.tokens.editor);
    await synced(other);
    other.doc.getMap("junk").set("a", 1);
    await waitFor(() => other.closes.length > 0, "the writer to be closed");
    expect(other.closes[0]).toMatch(/outside the model's layout/);
    writer.destroy();
    other.destroy();
    watcher.destroy();
  });

  it("accepts what only merging concurrent valid edits produces", async () => {
    const { model, writer, watcher } = await editorPair();
    const a = addNode(writer.doc, { kind: "activity", title: "Hire coaches" }, "local");
    const b = addNode(writer.doc, { kind: "smallWin", title: "Coaches in classrooms" }, "local");
    const c = addNode(writer.doc, { kind: "smallWin", title: "Teachers invite coaches" }, "local");
    await acknowledged(writer);
    await waitFor(() => nodesMap(watcher.doc).size === 3);
    // Two people offline at once: one deletes card b, the other links to it; both link a to c.
    const base = Y.encodeStateAsUpdate(watcher.doc);
    const first = new Y.Doc();
    Y.applyUpdate(first, base);
    nodesMap(first).delete(b);
    link(first, { id: "dupA", source: a, target: c }, "local");
    const second = new Y.Doc();
    Y.applyUpdate(second, base);
    link(second, { id: "toB", source: a, target: b }, "local");
    link(second, { id: "dupB", source: a, target: c }, "local");
    const one = connect(server, model.id, model.tokens.editor, first);
    const two = connect(server, model.id, model.tokens.editor, second);
    await synced(one);
    await synced(two);
    await waitFor(() => edgesMap(watcher.doc).size === 3, "both writers' links");
    expect(one.closes).toEqual([]);
    expect(two.closes).toEqual([]);
    const validation = await api(server.url, `/api/models/${model.id}/validation`, {
      token: model.tokens.viewer,
    });
    const { errors } = (await validation.json()) as { errors: { code: string }[] };
    expect(errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(["edge-missing-node", "edge-duplicate"]),
    );
    for (const client of [writer, watcher, one, two]) client.destroy();
  });
});
