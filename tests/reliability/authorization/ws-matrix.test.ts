import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { body, type Endpoint, type Frame, openRaw, type RawClient, SYNC } from "../support/wire.ts";
import {
  changeFor,
  createModel,
  docName,
  type Fixture,
  makeFixture,
  publicPerson,
  startMatrixServer,
  storedDoc,
  storedState,
  type TestServer,
} from "./fixtures.ts";
import {
  CREDENTIALS,
  type Credential,
  DOCS,
  type DocKind,
  isRole,
  MESSAGES,
  type Message,
  type Role,
  roleAtLeast,
  WRITER,
  type WsOutcome,
  wsExpectation,
} from "./permissions.ts";

/**
 * Every credential × every WebSocket message × both documents × both endpoints, generated from
 * permissions.ts. Each cell opens its own raw socket; a third client (an owner on `/collab`,
 * present on both documents) watches for anything broadcast. Every cell ends with round trips on
 * the writer's and the watcher's sockets, so "nothing was broadcast" is read after the server has
 * handled the message, not after a sleep.
 */

const ENDPOINTS: Endpoint[] = ["collab", "yjs"];
const WATCHER_CLIENT = 424_242;

let server: TestServer;
let fx: Fixture;
let watcher: RawClient;
let cardId: string;

beforeAll(async () => {
  server = await startMatrixServer();
  const other = await createModel(server.url);
  fx = await makeFixture(server.url, other);
  watcher = await openRaw(server.url, "collab");
  for (const kind of DOCS) {
    const name = docName(fx.model.id, kind);
    watcher.send(name, body.auth(fx.tokens.owner as string));
    await watcher.next((f) => f.kind === "auth-ok" && f.doc === name, `watcher on ${name}`);
    watcher.send(name, body.awareness([[WATCHER_CLIENT, 1, { user: { name: "watcher" } }]]));
    await watcher.barrier(name);
  }
  // A card for the revision-reason cells: the server refuses reasons for cards not in the model.
  const graph = docName(fx.model.id, "graph");
  watcher.send(graph, body.update(await changeFor(server, graph, "graph", "owner", "card")));
  await watcher.barrier(graph);
  cardId = [...(await storedDoc(server, graph)).getMap("nodes").keys()][0] as string;
});
afterAll(async () => {
  await watcher?.end();
  await server?.stop();
});

const isDataFrame = (f: Frame) =>
  f.kind === "sync" || f.kind === "awareness" || f.kind === "stateless";
const clientIdOf = () => 1_000_000 + Math.floor(Math.random() * 1_000_000_000);

let watcherClock = 1;
/** Presence expires after 30 s without renewal (y-protocols' outdated timeout), as a provider does. */
async function renewWatcherPresence(name: string): Promise<void> {
  watcherClock += 1;
  watcher.send(
    name,
    body.awareness([[WATCHER_CLIENT, watcherClock, { user: { name: "watcher" } }]]),
  );
  await watcher.barrier(name);
}

/** Authenticates a refused credential and checks that nothing but the refusal comes back. */
async function refusedHandshake(
  client: RawClient,
  name: string,
  token: string | undefined,
  reason: string,
  message: number[],
): Promise<void> {
  if (client.endpoint === "collab") {
    client.send(name, body.auth(token ?? ""));
    // Sent before the answer: queued until authentication, then dropped with it.
    client.send(name, message);
    const denied = await client.next((f) => f.kind === "auth-denied", "the refusal");
    expect(denied.kind === "auth-denied" && denied.reason).toMatch(new RegExp(`^${reason}: `));
    // Sent after it: queued again, dropped with a second refusal.
    client.send(name, message);
    const from = client.frames.length;
    client.send(name, body.auth(token ?? ""));
    await client.next((f) => f.kind === "auth-denied", "the second refusal", from);
  } else {
    client.send(name, message);
    const closed = await client.waitClosed();
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(new RegExp(`^${reason}: `));
  }
  expect(client.frames.filter(isDataFrame)).toEqual([]);
}

/** The message under test, ready to send. */
async function messageFor(
  cell: { message: Message; credential: Credential; kind: DocKind },
  name: string,
  clientId: number,
): Promise<number[]> {
  const role = isRole(cell.credential) ? cell.credential : "editor";
  const change = () => changeFor(server, name, cell.kind, role, `${cell.message} by ${role}`);
  switch (cell.message) {
    case "auth":
      // A refused credential's own handshake; a connected one re-sends auth with the owner's token.
      return body.auth(
        isRole(cell.credential) ? (fx.tokens.owner as string) : (fx.tokens[cell.credential] ?? ""),
      );
    case "sync-step-1":
      return body.syncStep1(new Uint8Array([0]));
    case "sync-step-2-change":
      return body.syncStep2(await change());
    case "update":
      return body.update(await change());
    case "awareness-update":
      // Claims to be the owner; the server must stamp the sender's own role and person.
      return body.awareness([
        [
          clientId,
          1,
          { user: { name: "me" }, role: "owner", person: { id: "forged", name: "Otto" } },
        ],
      ]);
    case "awareness-query":
      return body.queryAwareness();
    case "stateless-revision-reason":
      return body.stateless(
        JSON.stringify({ type: "revision-reason", nodeId: cardId, reason: "new baseline" }),
      );
    case "close":
      return body.close();
  }
}

async function expectWriteRefused(client: RawClient, name: string): Promise<void> {
  if (client.endpoint === "collab") {
    const closed = await client.next((f) => f.kind === "close" && f.doc === name, "a close");
    expect(closed.kind === "close" && closed.reason).toMatch(/^read-only: /);
  } else {
    const closed = await client.waitClosed();
    expect(closed.code).toBe(4403);
    expect(closed.reason).toMatch(/^read-only: /);
  }
}

async function assertOutcome(
  expected: WsOutcome,
  client: RawClient,
  cell: { credential: Credential; kind: DocKind },
  name: string,
  clientId: number,
  from: number,
): Promise<void> {
  switch (expected.kind) {
    case "write-applied":
      await client.barrier(name);
      expect(client.closed).toBeNull();
      expect(client.frames.some((f) => f.kind === "close")).toBe(false);
      return;
    case "write-refused":
      return expectWriteRefused(client, name);
    case "state-sent": {
      const reply = await client.next(
        (f) => f.kind === "sync" && f.step === SYNC.step2,
        "the document state",
        from,
      );
      const copy = new Y.Doc();
      if (reply.kind === "sync") Y.applyUpdate(copy, reply.data);
      const stored = await storedDoc(server, name);
      expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(stored));
      return;
    }
    case "presence-stamped": {
      await client.barrier(name);
      await watcher.barrier(name);
      const seen = watcher.frames
        .filter((f) => f.kind === "awareness" && f.doc === name && f.states.has(clientId))
        .map((f) => (f.kind === "awareness" ? f.states.get(clientId) : null));
      expect(seen.length).toBeGreaterThan(0);
      const role = cell.credential as Role;
      for (const state of seen) expect(state).toMatchObject({ role, person: publicPerson(role) });
      return;
    }
    case "presence-at-connect": {
      // Hocuspocus answers no client's awareness query (it passes no reply to its receiver):
      // presence reaches a connection when it joins, which is where reading it is allowed.
      const joined = client.frames
        .slice(0, from)
        .some((f) => f.kind === "awareness" && f.states.has(WATCHER_CLIENT));
      expect(joined).toBe(true);
      await client.barrier(name);
      expect(client.frames.slice(from).filter((f) => f.kind === "awareness")).toEqual([]);
      return;
    }
    case "reason-saved":
    case "reason-refused": {
      const reply = await client.next((f) => f.kind === "stateless", "a stateless reply", from);
      const payload = JSON.parse(reply.kind === "stateless" ? reply.payload : "{}");
      expect(payload.type).toBe(
        expected.kind === "reason-saved" ? "revision-reason-saved" : "revision-reason-refused",
      );
      return;
    }
    case "document-closed": {
      const closed = await client.next((f) => f.kind === "close", "the document close", from);
      expect(closed.kind === "close" && closed.reason).toBe("provider_initiated");
      return;
    }
    case "not-in-protocol": {
      const closed = await client.waitClosed();
      expect(closed.code).toBe(1003);
      expect(closed.reason).toMatch(/^bad-message/);
      return;
    }
    case "reauth-keeps-scope": {
      // After re-sending auth with the owner's token, write: the original scope still rules.
      const role = isRole(cell.credential) ? cell.credential : "viewer";
      client.send(name, body.update(await changeFor(server, name, cell.kind, role, "after auth")));
      if (expected.writable) {
        await client.barrier(name);
        expect(client.frames.some((f) => f.kind === "close")).toBe(false);
      } else await expectWriteRefused(client, name);
      return;
    }
    case "handshake-refused":
      throw new Error("handled before");
  }
}

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
    const name = docName(fx.model.id, cell.kind);
    const token = fx.tokens[cell.credential];
    const before = await storedState(server, name);
    const watchedFrom = watcher.frames.length;
    const clientId = clientIdOf();
    const message = await messageFor(cell, name, clientId);
    if (cell.message === "awareness-query") await renewWatcherPresence(name);
    const client = await openRaw(server.url, cell.endpoint, { doc: name, token });
    try {
      const { expected } = cell;
      if (expected.kind === "handshake-refused") {
        await refusedHandshake(client, name, token, expected.reason, message);
      } else {
        if (cell.endpoint === "collab") {
          client.send(name, body.auth(token as string));
          const ok = await client.next((f) => f.kind === "auth-ok", "authentication");
          const writable = roleAtLeast(cell.credential, WRITER[cell.kind]);
          expect(ok.kind === "auth-ok" && ok.scope).toBe(writable ? "read-write" : "readonly");
          const session = await client.next((f) => f.kind === "stateless", "session info");
          expect(JSON.parse(session.kind === "stateless" ? session.payload : "{}")).toMatchObject({
            type: "session",
            role: cell.credential,
          });
        } else await client.barrier(name);
        const from = client.frames.length;
        client.send(name, message);
        await assertOutcome(expected, client, cell, name, clientId, from);
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
