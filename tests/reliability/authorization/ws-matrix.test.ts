import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Endpoint, openRaw, SYNC } from "../support/wire.ts";
import { docName, storedState } from "./fixtures.ts";
import { CREDENTIALS, DOCS, MESSAGES, wsExpectation } from "./permissions.ts";
import { assertOutcome } from "./ws-cell-checks.ts";
import {
  acceptedHandshake,
  clientIdOf,
  type MatrixWorld,
  messageFor,
  refusedHandshake,
  renewWatcherPresence,
  startWatchedMatrix,
} from "./ws-cell-world.ts";

/**
 * Every credential × every WebSocket message × both documents × both endpoints, generated from
 * permissions.ts. Each cell opens its own raw socket; a third client (an owner on `/collab`,
 * present on both documents) watches for anything broadcast. Every cell ends with round trips on
 * the writer's and the watcher's sockets, so "nothing was broadcast" is read after the server has
 * handled the message, not after a sleep. The steps of a cell are in ws-cell-world.ts and ws-cell-checks.ts.
 */

const ENDPOINTS: Endpoint[] = ["collab", "yjs"];

let world: MatrixWorld;

beforeAll(async () => {
  world = await startWatchedMatrix();
});
afterAll(async () => {
  await world?.watcher.end();
  await world?.server.stop();
});

const cells = ENDPOINTS.flatMap((endpoint) =>
  DOCS.flatMap((kind) =>
    MESSAGES.flatMap((message) =>
      CREDENTIALS.map((credential) => ({
        endpoint,
        kind,
        message,
        credential,
        expected: wsExpectation(endpoint, credential, kind, message),
      })),
    ),
  ),
);

describe(`WebSocket authorization matrix (${cells.length} cells)`, () => {
  it.each(cells)("/$endpoint $kind: $message by $credential → $expected.kind", async (cell) => {
    const { server, fx, watcher } = world;
    const name = docName(fx.model.id, cell.kind);
    const token = fx.tokens[cell.credential];
    const before = await storedState(server, name);
    const watchedFrom = watcher.frames.length;
    const clientId = clientIdOf();
    const message = await messageFor(world, cell, name, clientId);
    if (cell.message === "awareness-query") await renewWatcherPresence(world, name);
    const client = await openRaw(server.url, cell.endpoint, { doc: name, token });
    try {
      const { expected } = cell;
      if (expected.kind === "handshake-refused") {
        await refusedHandshake(client, name, token, expected.reason, message);
      } else {
        await acceptedHandshake(client, cell, name, token);
        const from = client.frames.length;
        client.send(name, message);
        await assertOutcome({ world, expected, client, cell, name, clientId, from });
      }
      await watcher.barrier(name);
      const after = await storedState(server, name);
      const broadcastUpdates = watcher.frames
        .slice(watchedFrom)
        .filter((f) => f.kind === "sync" && f.doc === name && f.step === SYNC.update);
      const wrote =
        expected.kind === "write-applied" ||
        (expected.kind === "reauth-keeps-scope" && expected.writable);
      if (wrote) {
        expect(after).not.toBe(before);
        expect(broadcastUpdates.length).toBeGreaterThan(0);
      } else {
        expect(after).toBe(before);
        expect(broadcastUpdates).toEqual([]);
      }
      if (expected.kind !== "presence-stamped") {
        const presence = watcher.frames
          .slice(watchedFrom)
          .filter((f) => f.kind === "awareness" && f.states.has(clientId));
        expect(presence).toEqual([]);
      }
    } finally {
      await client.end();
    }
  });
});
