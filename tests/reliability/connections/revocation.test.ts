import { addNode, nodesMap } from "@logic-canvas/shared";
import { expect, it } from "vitest";
import * as Y from "yjs";
import { api, connect, createModel, synced, tokenOf } from "../../support/index.ts";
import { useServerProcess } from "../../support/server-process.ts";
import { body, type Frame, openRaw, type RawClient } from "../support/wire.ts";

/**
 * Hocuspocus multiplexes documents on one socket, and a session-aware provider addresses each
 * with `documentName\0sessionId`, so one socket can hold the same model twice. Closing one of the
 * two must not make the server forget the other: revoking the link has to close it, and what it
 * writes afterwards must be neither acknowledged nor stored.
 */

const server = useServerProcess();

const SYNC_STATUS = 8;

async function newEditorLink(modelId: string, ownerToken: string) {
  const created = await api(server.url, `/api/models/${modelId}/links`, {
    method: "POST",
    token: ownerToken,
    body: '{"role":"editor"}',
  });
  const link = (await created.json()) as { id: string; url: string };
  return { id: link.id, token: tokenOf(link.url) };
}

async function revoke(modelId: string, linkId: string, ownerToken: string) {
  const response = await api(server.url, `/api/models/${modelId}/links/${linkId}`, {
    method: "DELETE",
    token: ownerToken,
  });
  expect(response.status).toBe(200);
}

/** A local copy of the document as the server holds it, from a full sync reply. */
function docFrom(reply: Frame): Y.Doc {
  const doc = new Y.Doc();
  if (reply.kind === "sync") Y.applyUpdate(doc, reply.data);
  return doc;
}

/** One new card made on top of `doc`, as the update a client would send. */
function cardUpdate(doc: Y.Doc, title: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  addNode(doc, { kind: "input", title }, "local");
  return Y.encodeStateAsUpdate(doc, before);
}

async function storedTitles(modelId: string, ownerToken: string): Promise<string[]> {
  const reader = connect(server, modelId, ownerToken);
  await synced(reader);
  const titles = [...nodesMap(reader.doc).values()].map((n) => String(n.get("title")));
  reader.destroy();
  return titles;
}

const closedOn = (raw: RawClient, key: string) =>
  raw.closed !== null || raw.frames.some((f) => f.kind === "close" && f.doc === key);

it("revoking a link closes the second of two sessions one socket holds on the model, and its writes are neither acknowledged nor stored", async () => {
  const model = await createModel(server.url);
  const link = await newEditorLink(model.id, model.tokens.owner);
  const raw = await openRaw(server.url, "collab");
  const first = `${model.id}\0first`;
  const second = `${model.id}\0second`;
  for (const key of [first, second]) {
    raw.send(key, body.auth(link.token));
    await raw.next((f) => f.kind === "auth-ok" && f.doc === key, `auth on ${key}`);
  }
  const doc = docFrom(await raw.barrier(second));
  await raw.barrier(first);
  raw.send(first, body.close());
  await raw.next((f) => f.kind === "close" && f.doc === first, "the first session to close");
  // The second session still works before the revoke.
  const before = raw.frames.length;
  raw.send(second, body.update(cardUpdate(doc, "before revoke")));
  await raw.next(
    (f) => f.kind === "other" && f.type === SYNC_STATUS && f.doc === second,
    "the write before the revoke to be acknowledged",
    before,
  );

  await revoke(model.id, link.id, model.tokens.owner);
  await new Promise((r) => setTimeout(r, 500));
  const closed = closedOn(raw, second);
  const closeReason = raw.frames.find((f) => f.kind === "close" && f.doc === second);
  const afterRevoke = raw.frames.length;
  raw.send(second, body.update(cardUpdate(doc, "after revoke")));
  await new Promise((r) => setTimeout(r, 800));
  const acknowledged = raw.frames
    .slice(afterRevoke)
    .some((f) => f.kind === "other" && f.type === SYNC_STATUS && f.doc === second);
  await raw.end();

  const titles = await storedTitles(model.id, model.tokens.owner);
  expect(closed, "the second session was closed by the revoke").toBe(true);
  if (closeReason?.kind === "close") expect(closeReason.reason).toMatch(/^link-revoked:/);
  expect(acknowledged, "a write after the revoke was acknowledged").toBe(false);
  expect(titles).toContain("before revoke");
  expect(titles).not.toContain("after revoke");
});

it("deleting the model closes the second of two sessions one socket holds on it", async () => {
  const model = await createModel(server.url);
  const raw = await openRaw(server.url, "collab");
  const first = `${model.id}\0first`;
  const second = `${model.id}\0second`;
  for (const key of [first, second]) {
    raw.send(key, body.auth(model.tokens.editor));
    await raw.next((f) => f.kind === "auth-ok" && f.doc === key, `auth on ${key}`);
  }
  const doc = docFrom(await raw.barrier(second));
  raw.send(first, body.close());
  await raw.next((f) => f.kind === "close" && f.doc === first, "the first session to close");
  const deleted = await api(server.url, `/api/models/${model.id}`, {
    method: "DELETE",
    token: model.tokens.owner,
  });
  expect(deleted.ok).toBe(true);
  await new Promise((r) => setTimeout(r, 500));
  const closed = closedOn(raw, second);
  const afterDelete = raw.frames.length;
  raw.send(second, body.update(cardUpdate(doc, "after delete")));
  await new Promise((r) => setTimeout(r, 800));
  const acknowledged = raw.frames
    .slice(afterDelete)
    .some((f) => f.kind === "other" && f.type === SYNC_STATUS && f.doc === second);
  await raw.end();
  expect(closed, "the second session was closed by the deletion").toBe(true);
  expect(acknowledged, "a write after the deletion was acknowledged").toBe(false);
});

it("revoking a link closes every /yjs socket that used it, after one of them hung up", async () => {
  const model = await createModel(server.url);
  const link = await newEditorLink(model.id, model.tokens.owner);
  const one = await openRaw(server.url, "yjs", { doc: model.id, token: link.token });
  const two = await openRaw(server.url, "yjs", { doc: model.id, token: link.token });
  await one.barrier(model.id);
  const doc = docFrom(await two.barrier(model.id));
  await one.end();
  await revoke(model.id, link.id, model.tokens.owner);
  const closed = await two.waitClosed();
  expect(closed.reason).toMatch(/^link-revoked:/);
  two.send(model.id, body.update(cardUpdate(doc, "after revoke")));
  const titles = await storedTitles(model.id, model.tokens.owner);
  expect(titles).not.toContain("after revoke");
});
