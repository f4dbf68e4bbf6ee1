import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningServer, type Store, startServer } from "@logic-canvas/server";
import { addNode, nodesMap } from "@logic-canvas/shared";
import { afterEach, expect, it } from "vitest";
import * as Y from "yjs";
import {
  acknowledged,
  type Client,
  connect,
  createModel,
  storedDoc,
  synced,
  waitFor,
} from "../../tests/support/index.ts";

/**
 * The write path's durability contract (extensions/durable-acks.ts): an accepted edit reaches the
 * other editors at once, its writer is told it is saved only once its append has committed, and
 * appends that commit together are each stored whatever happens to an edit beside them.
 */

/** A store whose appends wait, while `held`, until `release()`; then all go in one turn. */
function holdingAppends(store: Store) {
  let open: () => void = () => {};
  let gate: Promise<void> | null = null;
  const control = {
    appends: 0,
    hold() {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release() {
      gate = null;
      open();
    },
  };
  const wrapped = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== "appendUpdate" || typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        control.appends += 1;
        if (gate) await gate;
        return value.apply(target, args);
      };
    },
  });
  return { wrapped, control };
}

const servers: { server: RunningServer; dataDir: string; release: () => void }[] = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const { server, dataDir, release } of servers.splice(0)) {
    // Appends a failed test left held would keep the close waiting for them.
    release();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** Our server on a store whose appends the test holds and releases, a model, and its clients. */
async function setUp() {
  const dataDir = mkdtempSync(join(tmpdir(), "lc-acks-"));
  const holding: { control?: ReturnType<typeof holdingAppends>["control"] } = {};
  const server = await startServer(
    { port: 0, host: "127.0.0.1", logLevel: "silent", dataDir, clientDist: join(dataDir, "none") },
    {
      wrapStore: (store) => {
        const made = holdingAppends(store);
        holding.control = made.control;
        return made.wrapped;
      },
    },
  );
  const control = holding.control as NonNullable<typeof holding.control>;
  servers.push({ server, dataDir, release: () => control.release() });
  const model = await createModel(server.url, { template: "coaching" });
  const open = (token: string) => {
    const client = connect(server, model.id, token);
    clients.push(client);
    return client;
  };
  return { server, model, open, control };
}

const cardIds = async (store: Store, name: string) => [
  ...nodesMap(await storedDoc(store, name)).keys(),
];

it("an editor sees a change before it is on disk; its writer is told it is saved only after", async () => {
  const { server, model, open, control } = await setUp();
  const writer = open(model.tokens.editor);
  const peer = open(model.tokens.editor);
  await synced(writer);
  await synced(peer);

  control.hold();
  const id = addNode(writer.doc, { kind: "input", title: "Held" }, "local");
  await waitFor(() => nodesMap(peer.doc).has(id), "the peer to see the change");
  // Applied and broadcast, but not stored: the writer still counts it as unsaved.
  expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
  expect(await cardIds(server.store, model.id)).not.toContain(id);

  control.release();
  await acknowledged(writer);
  expect(await cardIds(server.store, model.id)).toContain(id);
});

it("edits of several writers committed together are all stored once acknowledged; a refused edit among them takes none with it", async () => {
  const { server, model, open, control } = await setUp();
  const writers = [open(model.tokens.editor), open(model.tokens.editor)];
  const refused = open(model.tokens.editor);
  for (const c of [...writers, refused]) await synced(c);

  control.hold();
  const ids = writers.flatMap((w, k) =>
    Array.from({ length: 10 }, (_, i) =>
      addNode(w.doc, { kind: "input", title: `w${k} ${i}` }, "local"),
    ),
  );
  // A card without its required fields: the gate refuses it and closes that writer.
  refused.doc.transact(() => nodesMap(refused.doc).set("broken", new Y.Map()));
  await waitFor(() => refused.closes.length > 0, "the refusal");
  expect(refused.closes[0]).toMatch(/^invalid-write/);
  await waitFor(() => control.appends >= ids.length, "every accepted edit to be queued");
  expect(writers.every((w) => w.provider.unsyncedChanges > 0)).toBe(true);

  // Released together: the held appends go to the store in the same turn, one commit.
  control.release();
  for (const w of writers) await acknowledged(w);
  const stored = await cardIds(server.store, model.id);
  expect(ids.filter((id) => !stored.includes(id))).toEqual([]);
  expect(stored).not.toContain("broken");
});
