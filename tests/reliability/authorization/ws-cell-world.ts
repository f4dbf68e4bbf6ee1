import { expect } from "vitest";
import { body, type Frame, openRaw, type RawClient, SYNC } from "../support/wire.ts";
import {
  changeFor,
  createModel,
  docName,
  type Fixture,
  makeFixture,
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
  roleAtLeast,
  WRITER,
} from "./permissions.ts";

/**
 * The world of the WebSocket matrix (ws-matrix.test.ts): the watched model every cell runs
 * against, the handshakes, and the message under test. How each outcome shows on the wire is in
 * ws-cell-checks.ts.
 */

export const WATCHER_CLIENT = 424_242;

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
