import { expect } from "vitest";
import * as Y from "yjs";
import { body, type RawClient, SYNC } from "../support/wire.ts";
import { changeFor, publicPerson, storedDoc } from "./fixtures.ts";
import { isRole, type Role, type WsOutcome } from "./permissions.ts";
import { type Cell, type MatrixWorld, WATCHER_CLIENT } from "./ws-cell-world.ts";

/**
 * How each expected outcome of a WebSocket matrix cell (ws-matrix.test.ts) shows on the wire; the
 * world the cells run in is ws-cell-world.ts.
 */

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
