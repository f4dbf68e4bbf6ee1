import { expect } from "vitest";
import * as Y from "yjs";
import { body, type Frame, openRaw, type RawClient, SYNC } from "../support/wire.ts";
import {
  changeFor,
  createModel,
  docName,
  type Fixture,
  makeFixture,
  publicPerson,
  startMatrixServer,
  storedDoc,
  type TestServer,
} from "./fixtures.ts";
import {
  type Credential,
  DOCS,
  type DocKind,
  isRole,
  type Message,
  type Role,
  roleAtLeast,
  WRITER,
  type WsOutcome,
} from "./permissions.ts";

/**
 * The steps of one WebSocket matrix cell (ws-matrix.test.ts): the watched model every cell runs
 * against, the message under test, and how each expected outcome shows on the wire.
 */

const WATCHER_CLIENT = 424_242;

/** The server, the model with a token per credential, and the owner who watches both documents. */
export interface MatrixWorld {
  server: TestServer;
  fx: Fixture;
  watcher: RawClient;
  /** A card for the revision-reason cells: the server refuses reasons for cards not in the model. */
  cardId: string;
}

export interface Cell {
  message: Message;
  credential: Credential;
  kind: DocKind;
}

export async function startWatchedMatrix(): Promise<MatrixWorld> {
  const server = await startMatrixServer();
  const other = await createModel(server.url);
  const fx = await makeFixture(server.url, other);
  const watcher = await openRaw(server.url, "collab");
  for (const kind of DOCS) {
    const name = docName(fx.model.id, kind);
    watcher.send(name, body.auth(fx.tokens.owner as string));
    await watcher.next((f) => f.kind === "auth-ok" && f.doc === name, `watcher on ${name}`);
    watcher.send(name, body.awareness([[WATCHER_CLIENT, 1, { user: { name: "watcher" } }]]));
    await watcher.barrier(name);
  }
  const graph = docName(fx.model.id, "graph");
  const from = watcher.frames.length;
  watcher.send(graph, body.update(await changeFor(server, graph, "graph", "owner", "card")));
  await watcher.barrier(graph);
  // Hocuspocus sends an applied update to every connection, its writer too, batched to the end
  // of the event loop's turn: the echo can follow the barrier's reply. It is awaited here, so it
  // is not taken for a broadcast of the first cell.
  await watcher.next(
    (f) => f.kind === "sync" && f.doc === graph && f.step === SYNC.update,
    "the card's broadcast",
    from,
  );
  const cardId = [...(await storedDoc(server, graph)).getMap("nodes").keys()][0] as string;
  return { server, fx, watcher, cardId };
}

export const isDataFrame = (f: Frame) =>
  f.kind === "sync" || f.kind === "awareness" || f.kind === "stateless";
export const clientIdOf = () => 1_000_000 + Math.floor(Math.random() * 1_000_000_000);

let watcherClock = 1;
/** Presence expires after 30 s without renewal (y-protocols' outdated timeout), as a provider does. */
export async function renewWatcherPresence(world: MatrixWorld, name: string): Promise<void> {
  watcherClock += 1;
  world.watcher.send(
    name,
    body.awareness([[WATCHER_CLIENT, watcherClock, { user: { name: "watcher" } }]]),
  );
  await world.watcher.barrier(name);
}

/** Authenticates a refused credential and checks that nothing but the refusal comes back. */
export async function refusedHandshake(
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

/**
 * An accepted credential's handshake: on `/collab` the scope and the session message say its
 * role; on `/yjs` (authenticated by the URL) a round trip shows the connection is up.
 */
export async function acceptedHandshake(
  client: RawClient,
  cell: Cell,
  name: string,
  token: string | undefined,
): Promise<void> {
  if (client.endpoint !== "collab") {
    await client.barrier(name);
    return;
  }
  client.send(name, body.auth(token as string));
  const ok = await client.next((f) => f.kind === "auth-ok", "authentication");
  const writable = roleAtLeast(cell.credential, WRITER[cell.kind]);
  expect(ok.kind === "auth-ok" && ok.scope).toBe(writable ? "read-write" : "readonly");
  const session = await client.next((f) => f.kind === "stateless", "session info");
  expect(JSON.parse(session.kind === "stateless" ? session.payload : "{}")).toMatchObject({
    type: "session",
    role: cell.credential,
  });
}

/** The message under test, ready to send. */
export async function messageFor(
  world: MatrixWorld,
  cell: Cell,
  name: string,
  clientId: number,
): Promise<number[]> {
  const { server, fx } = world;
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
        JSON.stringify({ type: "revision-reason", nodeId: world.cardId, reason: "new baseline" }),
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

/** What one outcome check sees: the cell's socket, and where its answer starts in the frames. */
interface Sent {
  world: MatrixWorld;
  expected: WsOutcome;
  client: RawClient;
  cell: Cell;
  name: string;
  clientId: number;
  from: number;
}

async function expectWriteApplied({ client, name }: Sent): Promise<void> {
  await client.barrier(name);
  expect(client.closed).toBeNull();
  expect(client.frames.some((f) => f.kind === "close")).toBe(false);
}

async function expectStateSent({ world, client, name, from }: Sent): Promise<void> {
  const reply = await client.next(
    (f) => f.kind === "sync" && f.step === SYNC.step2,
    "the document state",
    from,
  );
  const copy = new Y.Doc();
  if (reply.kind === "sync") Y.applyUpdate(copy, reply.data);
  const stored = await storedDoc(world.server, name);
  expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(stored));
}

async function expectPresenceStamped({ world, client, cell, name, clientId }: Sent): Promise<void> {
  const { watcher } = world;
  await client.barrier(name);
  await watcher.barrier(name);
  const seen = watcher.frames
    .filter((f) => f.kind === "awareness" && f.doc === name && f.states.has(clientId))
    .map((f) => (f.kind === "awareness" ? f.states.get(clientId) : null));
  expect(seen.length).toBeGreaterThan(0);
  const role = cell.credential as Role;
  for (const state of seen) expect(state).toMatchObject({ role, person: publicPerson(role) });
}

async function expectPresenceAtConnect({ client, name, from }: Sent): Promise<void> {
  // Hocuspocus answers no client's awareness query (it passes no reply to its receiver):
  // presence reaches a connection when it joins, which is where reading it is allowed.
  const joined = client.frames
    .slice(0, from)
    .some((f) => f.kind === "awareness" && f.states.has(WATCHER_CLIENT));
  expect(joined).toBe(true);
  await client.barrier(name);
  expect(client.frames.slice(from).filter((f) => f.kind === "awareness")).toEqual([]);
}

async function expectReasonReply({ expected, client, from }: Sent): Promise<void> {
  const reply = await client.next((f) => f.kind === "stateless", "a stateless reply", from);
  const payload = JSON.parse(reply.kind === "stateless" ? reply.payload : "{}");
  expect(payload.type).toBe(
    expected.kind === "reason-saved" ? "revision-reason-saved" : "revision-reason-refused",
  );
}

async function expectDocumentClosed({ client, from }: Sent): Promise<void> {
  const closed = await client.next((f) => f.kind === "close", "the document close", from);
  expect(closed.kind === "close" && closed.reason).toBe("provider_initiated");
}

async function expectNotInProtocol({ client }: Sent): Promise<void> {
  const closed = await client.waitClosed();
  expect(closed.code).toBe(1003);
  expect(closed.reason).toMatch(/^bad-message/);
}

async function expectReauthKeepsScope({ world, expected, client, cell, name }: Sent) {
  // After re-sending auth with the owner's token, write: the original scope still rules.
  const role = isRole(cell.credential) ? cell.credential : "viewer";
  client.send(
    name,
    body.update(await changeFor(world.server, name, cell.kind, role, "after auth")),
  );
  if (expected.kind === "reauth-keeps-scope" && expected.writable) {
    await client.barrier(name);
    expect(client.frames.some((f) => f.kind === "close")).toBe(false);
  } else await expectWriteRefused(client, name);
}

/** One check per outcome; a refused handshake is checked before any message is sent. */
const CHECKS: Record<
  Exclude<WsOutcome["kind"], "handshake-refused">,
  (s: Sent) => Promise<void>
> = {
  "write-applied": expectWriteApplied,
  "write-refused": ({ client, name }) => expectWriteRefused(client, name),
  "state-sent": expectStateSent,
  "presence-stamped": expectPresenceStamped,
  "presence-at-connect": expectPresenceAtConnect,
  "reason-saved": expectReasonReply,
  "reason-refused": expectReasonReply,
  "document-closed": expectDocumentClosed,
  "not-in-protocol": expectNotInProtocol,
  "reauth-keeps-scope": expectReauthKeepsScope,
};

export function assertOutcome(sent: Sent): Promise<void> {
  if (sent.expected.kind === "handshake-refused") throw new Error("handled before");
  return CHECKS[sent.expected.kind](sent);
}
