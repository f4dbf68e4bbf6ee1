import { addNode, nodesMap } from "@logic-canvas/shared";
import { afterEach, expect, it } from "vitest";
import {
  acknowledged,
  type Client,
  connect,
  createModel,
  startTestServer,
  storedDoc,
  synced,
  type TestServer,
  waitFor,
} from "../../tests/support/index.ts";
import type { Store } from "../src/storage/types.ts";

/**
 * Group commit: the edits that reach the server in one turn of its event loop are written to the
 * store in one transaction, and none of them is acknowledged or passed on before that
 * transaction is on disk. So a batch stands or falls together.
 */

interface Batches {
  sizes: number[];
  /** The next batch fails (the store refuses it) when set. */
  failNext: boolean;
}

/** The real store, watched: the size of each batch, and one refused batch on demand. */
function watchedStore(store: Store, batches: Batches): Store {
  const appendUpdates = store.appendUpdates.bind(store);
  store.appendUpdates = async (entries) => {
    batches.sizes.push(entries.length);
    if (batches.failNext) {
      batches.failNext = false;
      throw new Error("injected failure of a whole batch");
    }
    return appendUpdates(entries);
  };
  return store;
}

let server: TestServer | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.stop();
  server = undefined;
});

async function setUp(writers: number) {
  const batches: Batches = { sizes: [], failNext: false };
  server = await startTestServer();
  watchedStore(server.store, batches);
  const model = await createModel(server.url);
  for (let i = 0; i < writers; i++) clients.push(connect(server, model.id, model.tokens.editor));
  await Promise.all(clients.map(synced));
  batches.sizes.length = 0;
  return { batches, model, running: server };
}

/** Each client adds a card, all in the same tick, so their updates reach the server together. */
function addCardsTogether(tag: string): string[] {
  return clients.map((client, i) =>
    addNode(client.doc, { kind: "activity", title: `${tag} ${i}` }, "local"),
  );
}

it("edits from several clients in one turn are stored in one transaction, and each is acknowledged once stored", async () => {
  const { batches, model, running } = await setUp(4);
  const ids = addCardsTogether("together");
  await Promise.all(clients.map(acknowledged));

  // Fewer transactions than edits: at least two edits shared one.
  expect(batches.sizes.reduce((a, b) => a + b, 0)).toBe(4);
  expect(Math.max(...batches.sizes)).toBeGreaterThan(1);
  const stored = nodesMap(await storedDoc(running.store, model.id));
  expect(ids.filter((id) => !stored.has(id))).toEqual([]);
  for (const client of clients) expect(client.closes).toEqual([]);
});

it("a store failure refuses every edit of its batch with storage-error, and none of them is applied or stored", async () => {
  const { batches, model, running } = await setUp(3);
  const watcher = connect(running, model.id, model.tokens.viewer);
  await synced(watcher);
  batches.failNext = true;
  const ids = addCardsTogether("refused");
  await waitFor(() => clients.every((c) => c.closes.length > 0), "every writer's refusal");
  for (const client of clients.splice(0)) {
    expect(client.closes[0]).toMatch(/^storage-error: .*could not be saved/);
    client.destroy();
  }
  expect(batches.sizes[0]).toBe(3);

  // Nobody else was sent them, and the store has none of them.
  expect(ids.filter((id) => nodesMap(watcher.doc).has(id))).toEqual([]);
  watcher.destroy();
  const reader = connect(running, model.id, model.tokens.viewer);
  clients.push(reader);
  await synced(reader);
  const live = nodesMap(reader.doc);
  expect(ids.filter((id) => live.has(id))).toEqual([]);
  const stored = nodesMap(await storedDoc(running.store, model.id));
  expect(ids.filter((id) => stored.has(id))).toEqual([]);
});
