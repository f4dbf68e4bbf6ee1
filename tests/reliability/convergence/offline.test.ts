import {
  addMeasurement,
  addNode,
  coachingTemplate,
  measurementsOf,
  moveNode,
  nodesMap,
  updateNode,
} from "@logic-canvas/shared";
import { afterAll, expect, it } from "vitest";
import * as Y from "yjs";
import { Rng } from "../../../shared/test/support/prng.ts";
import { startTestServer, type TestServer } from "../../support/index.ts";
import { applyStored } from "../../support/server-internals.ts";
import { openPeer, recover, type SocketPeer, settled, until } from "../support/fleet.ts";

/**
 * 10 clients go offline, make 1,000 operations between them (cards of their own, measurements and
 * retitles and moves of those cards), and reconnect together. Each client owns what it edits, so
 * nothing can be explained away by a concurrent delete: every card, title, position and
 * measurement must be at every client, at a fresh client and in the store.
 * OFFLINE_CLIENTS and OFFLINE_OPS change the sizes.
 */
const CLIENTS = Number(process.env.OFFLINE_CLIENTS ?? 10);
const OPS = Number(process.env.OFFLINE_OPS ?? 1000);
let server: TestServer | undefined;
const peers: SocketPeer[] = [];
afterAll(async () => {
  for (const p of peers) p.destroy();
  await server?.stop();
});

interface Expected {
  title: string;
  position: { x: number; y: number };
  measurements: number[];
}

function cardOf(doc: Y.Doc, id: string) {
  const map = nodesMap(doc).get(id);
  if (!map) return undefined;
  return {
    title: map.get("title") as string,
    position: map.get("position") as { x: number; y: number },
    measurements: (measurementsOf(map)?.toArray() ?? []).map((m) => (m as { value: number }).value),
  };
}

it(`${CLIENTS} clients make ${OPS} operations offline and reconnect: nothing is lost`, async () => {
  server = await startTestServer();
  const model = await server.models.create(coachingTemplate());
  const rng = new Rng(5);
  for (let k = 0; k < CLIENTS; k += 1)
    peers.push(openPeer(server.url, model.id, model.tokens.editor));
  await until(() => peers.every(settled), "first sync");
  for (const p of peers) p.drop();

  const expected = new Map<string, Expected>();
  const owned: string[][] = peers.map(() => []);
  for (let op = 0; op < OPS; op += 1) {
    const k = op % CLIENTS;
    const doc = (peers[k] as SocketPeer).doc;
    const mine = owned[k] as string[];
    const id = rng.pick(mine);
    const roll = rng.int(4);
    if (!id || roll === 0) {
      const made = addNode(doc, { kind: "smallWin", title: `client ${k} card ${op}` }, "local");
      mine.push(made);
      // Undefined until moved: the canvas lays out cards without a stored position.
      const position = cardOf(doc, made)?.position as Expected["position"];
      expected.set(made, { title: `client ${k} card ${op}`, position, measurements: [] });
    } else if (roll === 1) {
      const value = rng.int(100);
      addMeasurement(doc, id, { date: "2026-11-23", value }, "local");
      expected.get(id)?.measurements.push(value);
    } else if (roll === 2) {
      updateNode(doc, id, { title: `client ${k} retitled ${op}` }, "local");
      (expected.get(id) as Expected).title = `client ${k} retitled ${op}`;
    } else {
      const position = { x: rng.int(2000), y: rng.int(2000) };
      moveNode(doc, id, position, "local");
      (expected.get(id) as Expected).position = position;
    }
  }
  expect(peers.every((p) => p.provider.unsyncedChanges > 0)).toBe(true);

  for (const p of peers) p.reconnect();
  await until(
    () => {
      for (const p of peers) recover(p);
      return peers.every(settled);
    },
    "every client acknowledged",
    60_000,
  );
  const complete = (doc: Y.Doc) =>
    [...expected].every(([id, want]) => JSON.stringify(cardOf(doc, id)) === JSON.stringify(want));
  await until(
    () => peers.every((p) => complete(p.doc)),
    "every change at every client",
    30_000,
    () => {
      const p = peers.find((q) => !complete(q.doc)) as SocketPeer;
      const [id, want] = [...expected].find(
        ([i, w]) => JSON.stringify(cardOf(p.doc, i)) !== JSON.stringify(w),
      ) as [string, Expected];
      return `client ${peers.indexOf(p)} card ${id}: ${JSON.stringify(cardOf(p.doc, id))} wanted ${JSON.stringify(want)}`;
    },
  );

  const fresh = openPeer(server.url, model.id, model.tokens.viewer);
  peers.push(fresh);
  await until(() => fresh.provider.isSynced, "fresh client");
  const missing = [...expected].filter(
    ([id, want]) => JSON.stringify(cardOf(fresh.doc, id)) !== JSON.stringify(want),
  );
  console.log(
    `offline: ${CLIENTS} clients, ${OPS} offline operations, ${expected.size} cards, ${missing.length} differing at a fresh client`,
  );
  expect(missing).toEqual([]);
  await server.persistence.flush(model.id);
  const record = await server.store.loadDocument(model.id);
  const stored = new Y.Doc();
  applyStored(stored, record as NonNullable<typeof record>);
  expect(complete(stored)).toBe(true);
  expect(peers.flatMap((p) => p.closes)).toEqual([]);
}, 120_000);
