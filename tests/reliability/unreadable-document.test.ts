import { join } from "node:path";
import {
  addNode,
  CLOSE_REASONS,
  closeReason,
  metaMap,
  nodesMap,
  readModel,
  SCHEMA_VERSION,
  toModelFile,
} from "@logic-canvas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  acknowledged,
  api,
  type Client,
  connect,
  createModel,
  synced,
  waitFor,
} from "../support/index.ts";
import { SqliteStore } from "../support/server-internals.ts";
import { type ServerProcess, startServerProcess } from "../support/server-process.ts";
import {
  HOSTILE_VERSION,
  storeCorruptUpdate,
  storeLayoutVersion,
} from "../support/unreadable-store.ts";

/**
 * A model whose stored document the server cannot load (a layout version of -2^60, which once
 * made the migration count up for ever; a stored change Yjs cannot read) is refused at once with
 * a reason, never served and never frozen on, and its owner or an editor recovers it by restoring
 * a saved version or importing a file, neither of which loads the bad state.
 */

let server: ServerProcess;
let store: SqliteStore;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startServerProcess({ limits: { apiRequestsPerSecond: 10_000 } });
  // The same SQLite file the server uses (WAL: two processes may write it).
  store = new SqliteStore(join(server.dataDir, "logic-canvas.sqlite"));
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await store?.close();
  await server?.stop();
});

function open(name: string, token: string): Client {
  const client = connect(server, name, token);
  clients.push(client);
  return client;
}

/** A template model (several cards) with one saved version; returns its owner token and ids. */
async function modelWithVersion() {
  const model = await createModel(server.url, { template: "coaching" });
  const saved = await api(server.url, `/api/models/${model.id}/versions`, {
    method: "POST",
    token: model.tokens.owner,
    body: JSON.stringify({ label: "Before the trouble" }),
  });
  expect(saved.status).toBe(201);
  const version = (await saved.json()) as { id: string };
  const titles = (await exportTitles(model.id, model.tokens.owner)).sort();
  expect(titles.length).toBeGreaterThan(3);
  return { model, versionId: version.id, titles };
}

async function exportTitles(id: string, token: string): Promise<string[]> {
  const response = await api(server.url, `/api/models/${id}/export`, { token });
  expect(response.status).toBe(200);
  const file = (await response.json()) as { nodes: { title: string }[] };
  return file.nodes.map((n) => n.title);
}

/** Restores saved version `versionId` of model `id` with `token`; the server's answer. */
function restore(id: string, versionId: string, token: string): Promise<Response> {
  return api(server.url, `/api/models/${id}/versions/${versionId}/restore`, {
    method: "POST",
    token,
  });
}

/** Replaces model `id`'s content with an imported model file, with `token`. */
function importFile(id: string, token: string, file: unknown): Promise<Response> {
  return api(server.url, `/api/models/${id}/content`, {
    method: "PUT",
    token,
    body: JSON.stringify(file),
  });
}

/** Opens the graph and waits for the refusal; the server must answer, not loop. */
async function expectRefused(id: string, token: string, because: RegExp): Promise<void> {
  const client = open(id, token);
  await waitFor(() => client.authFailures.length > 0, "the refusal of the unreadable model");
  expect(client.authFailures[0]).toMatch(/^document-unreadable: This model's saved data can't/);
  expect(client.authFailures[0]).toMatch(because);
  expect(client.provider.isSynced).toBe(false);
  expect(nodesMap(client.doc).size).toBe(0);
  client.destroy();
}

/** Opens the graph as a new page would and reads what it is served. */
async function openedTitles(id: string, token: string): Promise<string[]> {
  const client = open(id, token);
  await synced(client);
  expect(client.authFailures).toEqual([]);
  expect(metaMap(client.doc).get("schemaVersion")).toBe(SCHEMA_VERSION);
  const titles = readModel(client.doc).nodes.map((n) => n.title);
  client.destroy();
  return titles.sort();
}

describe("a stored document the server cannot load", () => {
  it("is refused with its reason while other models' edits flow, and a restore recovers it", async () => {
    const { model, versionId, titles } = await modelWithVersion();
    const bystanderModel = await createModel(server.url, { title: "Bystander" });
    const bystander = open(bystanderModel.id, bystanderModel.tokens.editor);
    await synced(bystander);

    await storeLayoutVersion(store, model.id);
    const started = performance.now();
    await expectRefused(
      model.id,
      model.tokens.owner,
      new RegExp(`layout version is ${HOSTILE_VERSION}`),
    );
    const refusedMs = Math.round(performance.now() - started);
    await expectRefused(model.id, model.tokens.viewer, /not a whole number/);
    // A plain y-websocket client is refused the same way, with the table's WebSocket code.
    const plain = new WebSocket(
      `${server.url.replace("http", "ws")}/yjs/${model.id}?token=${model.tokens.owner}`,
    );
    const [code, reason] = await new Promise<[number, string]>((done) =>
      plain.on("close", (c, r) => done([c, String(r)])),
    );
    expect(code).toBe(CLOSE_REASONS["document-unreadable"].wsCode);
    expect(reason).toMatch(/^document-unreadable: /);
    // The server is not frozen: another model's edit is acknowledged.
    addNode(bystander.doc, { kind: "input", title: "Still flowing" }, "local");
    await acknowledged(bystander);
    const { maxDelayMs } = await server.stats();
    console.info(`refused in ${refusedMs} ms; server's longest event-loop delay ${maxDelayMs} ms`);

    // The list of versions answers for every role, so the page can offer them.
    const list = await api(server.url, `/api/models/${model.id}/versions`, {
      token: model.tokens.viewer,
    });
    expect(list.status).toBe(200);
    const { versions } = (await list.json()) as { versions: { id: string }[] };
    expect(versions.map((v) => v.id)).toContain(versionId);

    const restored = await restore(model.id, versionId, model.tokens.editor);
    expect(restored.status).toBe(200);
    const result = (await restored.json()) as { backup: { id: string } | null };
    // The bad state still read, so it was kept as a version like before any restore.
    expect(result.backup).not.toBeNull();
    expect(await openedTitles(model.id, model.tokens.viewer)).toEqual(titles);
    expect(bystander.authFailures).toEqual([]);
  });

  it("is recovered by importing a model file", async () => {
    const { model } = await modelWithVersion();
    await storeLayoutVersion(store, model.id);
    await expectRefused(model.id, model.tokens.owner, /layout version/);
    const file = toModelFile({
      title: "Imported again",
      masteryGoal: "Students assess themselves",
      nodes: [
        { id: "I1", kind: "input", title: "Coaches" },
        { id: "A1", kind: "activity", title: "Coaching cycles" },
      ],
      edges: [{ id: "e1", source: "I1", target: "A1" }],
    });
    const imported = await importFile(model.id, model.tokens.owner, file);
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ title: "Imported again", nodeCount: 2 });
    expect(await openedTitles(model.id, model.tokens.owner)).toEqual([
      "Coaches",
      "Coaching cycles",
    ]);
  });

  it("whose stored log cannot be read is refused, then restored and imported", async () => {
    const { model, versionId, titles } = await modelWithVersion();
    await storeCorruptUpdate(store, model.id);
    await expectRefused(model.id, model.tokens.owner, /a change stored with it cannot be read/);
    const restored = await restore(model.id, versionId, model.tokens.owner);
    expect(restored.status).toBe(200);
    // Nothing of the state before could be read, so there is nothing to keep of it.
    expect(((await restored.json()) as { backup: unknown }).backup).toBeNull();
    expect(await openedTitles(model.id, model.tokens.owner)).toEqual(titles);

    await storeCorruptUpdate(store, model.id);
    await expectRefused(model.id, model.tokens.editor, /cannot be read/);
    const file = toModelFile({ title: "Fresh", masteryGoal: "", nodes: [], edges: [] });
    const imported = await importFile(model.id, model.tokens.editor, file);
    expect(imported.status).toBe(200);
    expect(await openedTitles(model.id, model.tokens.owner)).toEqual([]);
    expect(server.exit()).toBeNull();
  });

  it("a page that held the model before merges under the recovery instead of undoing it", async () => {
    const { model, versionId, titles } = await modelWithVersion();
    const page = open(model.id, model.tokens.editor);
    await synced(page);
    addNode(page.doc, { kind: "input", title: "Added after the version" }, "local");
    await acknowledged(page);
    // The page goes away with its copy of the model (as IndexedDB keeps it).
    const kept = page.doc;
    page.destroy();
    await storeCorruptUpdate(store, model.id);
    await expectRefused(model.id, model.tokens.owner, /cannot be read/);
    const restored = await restore(model.id, versionId, model.tokens.owner);
    expect(restored.status).toBe(200);

    const reconnected = connect(server, model.id, model.tokens.editor, kept);
    clients.push(reconnected);
    await synced(reconnected);
    const ofPage = readModel(reconnected.doc).nodes.map((n) => n.title);
    expect(ofPage.sort()).toEqual(titles);
    expect(await openedTitles(model.id, model.tokens.viewer)).toEqual(titles);
  });

  it("whose review document cannot be read keeps the graph open and is recovered by a restore", async () => {
    const { model, versionId, titles } = await modelWithVersion();
    await storeCorruptUpdate(store, `${model.id}/review`);
    const review = open(`${model.id}/review`, model.tokens.commenter);
    await waitFor(() => review.authFailures.length > 0, "the refusal of the review document");
    expect(review.authFailures[0]).toMatch(
      /^document-unreadable: This model's comments and votes can't be opened: /,
    );
    review.destroy();
    // The graph is not held hostage by its comments.
    expect(await openedTitles(model.id, model.tokens.viewer)).toEqual(titles);

    const restored = await restore(model.id, versionId, model.tokens.owner);
    expect(restored.status).toBe(200);
    // The state before is kept without the comments that could not be read.
    const { backup } = (await restored.json()) as { backup: { id: string } };
    const kept = await api(server.url, `/api/models/${model.id}/versions/${backup.id}`, {
      token: model.tokens.viewer,
    });
    expect(kept.status).toBe(200);
    const keptFile = (await kept.json()) as { nodes: { title: string }[]; review?: unknown };
    expect(keptFile.nodes.map((n) => n.title).sort()).toEqual(titles);
    expect(keptFile.review).toBeUndefined();
    const reopened = open(`${model.id}/review`, model.tokens.commenter);
    await synced(reopened);
    expect(reopened.authFailures).toEqual([]);
    const exported = await api(server.url, `/api/models/${model.id}/export`, {
      token: model.tokens.viewer,
    });
    expect(exported.status).toBe(200);
  });

  it("refuses recovery to those the routes refuse it to", async () => {
    const { model, versionId } = await modelWithVersion();
    await storeLayoutVersion(store, model.id);
    for (const token of [model.tokens.viewer, model.tokens.commenter]) {
      const response = await restore(model.id, versionId, token);
      expect(response.status).toBe(403);
    }
    await expectRefused(model.id, model.tokens.owner, /layout version/);
    expect(closeReason("document-unreadable")).toMatch(/^document-unreadable: /);
  });
});
