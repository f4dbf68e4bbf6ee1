import { addNode, type Role, roleAtLeast, startThread } from "@logic-canvas/shared";
import { expect } from "vitest";
import * as Y from "yjs";
import { storedDoc } from "../../support/index.ts";
import { docName } from "../authorization/fixtures.ts";
import {
  DOCS,
  type DocKind,
  type Message,
  WRITER,
  type WsOutcome,
} from "../authorization/permissions.ts";
import { body, type Frame, openRaw, type RawClient, SYNC } from "../support/wire.ts";
import type { Person, World } from "./world.ts";

/**
 * The steps of one workspace WebSocket cell: a signed-in person with no link (their session
 * cookie on the upgrade request, an empty token) sends one message. Watchers (the model's owner
 * by link on `/collab`) see what is broadcast.
 */

export const WATCHER_CLIENT = 525_252;

export interface Watched {
  watcher: RawClient;
  cardId: string;
  ownerToken: string;
}

/** An owner watching both documents of the model, with presence, and one card on its graph. */
export async function watch(world: World, modelId: string, ownerToken: string): Promise<Watched> {
  const watcher = await openRaw(world.server.url, "collab");
  for (const kind of DOCS) {
    const name = docName(modelId, kind);
    watcher.send(name, body.auth(ownerToken));
    await watcher.next((f) => f.kind === "auth-ok" && f.doc === name, `watcher on ${name}`);
    watcher.send(name, body.awareness([[WATCHER_CLIENT, 1, { user: { name: "watcher" } }]]));
    await watcher.barrier(name);
  }
  const graph = docName(modelId, "graph");
  watcher.send(graph, body.update(await change(world, graph, "graph", null, "card")));
  await watcher.barrier(graph);
  const cardId = [...(await storedDoc(world.server.store, graph)).getMap("nodes").keys()][0];
  return { watcher, cardId: cardId as string, ownerToken };
}

/** A valid change to the stored document, written as `who` (with `role`) would write it. */
export async function change(
  world: World,
  name: string,
  kind: DocKind,
  who: { person: Person; role: Role } | null,
  label: string,
): Promise<Uint8Array> {
  const doc = await storedDoc(world.server.store, name);
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  if (kind === "graph" || !who) addNode(doc, { kind: "input", title: label }, "local");
  else
    startThread(
      doc,
      {
        anchor: { kind: "model" },
        type: "idea",
        text: label,
        author: { id: who.person.id, name: who.person.name, role: who.role },
      },
      "local",
    );
  return Y.mergeUpdates(updates);
}

export interface Cell {
  message: Message;
  kind: DocKind;
  person: Person;
  role: Role;
}

export async function messageFor(
  world: World,
  watched: Watched,
  cell: Cell,
  name: string,
  clientId: number,
): Promise<number[]> {
  const write = () => change(world, name, cell.kind, cell, `${cell.message} by ${cell.role}`);
  switch (cell.message) {
    case "auth":
      return body.auth(watched.ownerToken);
    case "sync-step-1":
      return body.syncStep1(new Uint8Array([0]));
    case "sync-step-2-change":
      return body.syncStep2(await write());
    case "update":
      return body.update(await write());
    case "awareness-update":
      return body.awareness([
        [clientId, 1, { role: "owner", person: { id: "forged", name: "x" } }],
      ]);
    case "awareness-query":
      return body.queryAwareness();
    case "stateless-revision-reason":
      return body.stateless(
        JSON.stringify({ type: "revision-reason", nodeId: watched.cardId, reason: "baseline" }),
      );
    case "close":
      return body.close();
  }
}

/** The handshake of a person the rule lets in: scope and session role on `/collab`. */
export async function accepted(client: RawClient, cell: Cell, name: string): Promise<void> {
  if (client.endpoint !== "collab") {
    await client.barrier(name);
    return;
  }
  client.send(name, body.auth(""));
  const ok = await client.next((f) => f.kind === "auth-ok", "authentication");
  const writable = roleAtLeast(cell.role, WRITER[cell.kind]);
  expect(ok.kind === "auth-ok" && ok.scope).toBe(writable ? "read-write" : "readonly");
  const session = await client.next((f) => f.kind === "stateless", "session info");
  expect(JSON.parse(session.kind === "stateless" ? session.payload : "{}")).toMatchObject({
    type: "session",
    role: cell.role,
    person: { id: cell.person.id },
  });
}

/** The handshake of a person the rule gives nothing: refused with `no-access`, nothing sent. */
export async function refused(client: RawClient, name: string, message: number[]): Promise<void> {
  if (client.endpoint === "collab") {
    client.send(name, body.auth(""));
    client.send(name, message);
    const denied = await client.next((f) => f.kind === "auth-denied", "the refusal");
    expect(denied.kind === "auth-denied" && denied.reason).toMatch(/^no-access: /);
  } else {
    // On /yjs the URL authenticates: the refusal closes the socket without waiting for a frame
    // (one sent first might be closed sooner as not y-websocket's, which would hide the reason).
    const closed = await client.waitClosed();
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/^no-access: /);
    client.send(name, message);
  }
  expect(client.frames.filter(isData)).toEqual([]);
}

export const isData = (f: Frame) =>
  f.kind === "sync" || f.kind === "awareness" || f.kind === "stateless";

async function writeRefused(client: RawClient, name: string): Promise<void> {
  if (client.endpoint === "collab") {
    const closed = await client.next((f) => f.kind === "close" && f.doc === name, "a close");
    expect(closed.kind === "close" && closed.reason).toMatch(/^read-only: /);
  } else {
    const closed = await client.waitClosed();
    expect(closed.code).toBe(4403);
    expect(closed.reason).toMatch(/^read-only: /);
  }
}

export interface Sent {
  world: World;
  watched: Watched;
  expected: Exclude<WsOutcome, { kind: "handshake-refused" }>;
  client: RawClient;
  cell: Cell;
  name: string;
  clientId: number;
  from: number;
}

/** How each outcome shows on the wire. */
export async function assertOutcome(s: Sent): Promise<void> {
  const { client, name, from, expected } = s;
  switch (expected.kind) {
    case "write-applied":
      await client.barrier(name);
      expect(client.frames.some((f) => f.kind === "close")).toBe(false);
      return;
    case "write-refused":
      return writeRefused(client, name);
    case "state-sent": {
      const reply = await client.next(
        (f) => f.kind === "sync" && f.step === SYNC.step2,
        "state",
        from,
      );
      const copy = new Y.Doc();
      if (reply.kind === "sync") Y.applyUpdate(copy, reply.data);
      const stored = await storedDoc(s.world.server.store, name);
      expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(stored));
      return;
    }
    case "presence-stamped":
      return presenceStamped(s);
    case "presence-at-connect":
      await client.barrier(name);
      expect(client.frames.slice(from).filter((f) => f.kind === "awareness")).toEqual([]);
      return;
    case "reason-saved":
    case "reason-refused": {
      const reply = await client.next((f) => f.kind === "stateless", "a reply", from);
      const payload = JSON.parse(reply.kind === "stateless" ? reply.payload : "{}");
      const saved = expected.kind === "reason-saved";
      expect(payload.type).toBe(saved ? "revision-reason-saved" : "revision-reason-refused");
      return;
    }
    case "document-closed": {
      const closed = await client.next((f) => f.kind === "close", "the close", from);
      expect(closed.kind === "close" && closed.reason).toBe("provider_initiated");
      return;
    }
    case "not-in-protocol": {
      const closed = await client.waitClosed();
      expect(closed.code).toBe(1003);
      return;
    }
    case "reauth-keeps-scope":
      return reauthKeepsScope(s, expected.writable);
  }
}

async function presenceStamped({ watched, client, cell, name, clientId }: Sent): Promise<void> {
  await client.barrier(name);
  await watched.watcher.barrier(name);
  const seen = watched.watcher.frames
    .filter((f) => f.kind === "awareness" && f.doc === name && f.states.has(clientId))
    .map((f) => (f.kind === "awareness" ? f.states.get(clientId) : null));
  expect(seen.length).toBeGreaterThan(0);
  const person = { id: cell.person.id, name: cell.person.name };
  for (const state of seen) expect(state).toMatchObject({ role: cell.role, person });
}

/** Re-sending auth with the owner's link changes nothing: the first scope still rules. */
async function reauthKeepsScope(s: Sent, writable: boolean): Promise<void> {
  const { world, client, cell, name } = s;
  client.send(name, body.update(await change(world, name, cell.kind, cell, "after auth")));
  if (writable) {
    await client.barrier(name);
    expect(client.frames.some((f) => f.kind === "close")).toBe(false);
  } else await writeRefused(client, name);
}
