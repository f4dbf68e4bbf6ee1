import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyStored } from "../src/documents/persistence.ts";
import { PostgresStore } from "../src/storage/postgres/index.ts";
import type { LinkRecord, NewModel } from "../src/storage/types.ts";
import { describeGalleryContract } from "./gallery-storage-contract.ts";
import { describeGoalDigestsContract } from "./goal-digests-storage-contract.ts";
import { describeNotificationsContract } from "./notifications-storage-contract.ts";
import { describeStorageContract } from "./storage-contract.ts";
import { describeWorkspaceContract } from "./workspace-storage-contract.ts";

// A uniquely named schema per run (per store, for the contract), dropped afterwards, so runs
// never see each other's rows and nothing is left behind in the database.
const URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const uniqueSchema = () => `lc_test_${randomBytes(6).toString("hex")}`;
const SCHEMA = uniqueSchema();

async function dropSchema(schema: string): Promise<void> {
  const admin = new pg.Client({ connectionString: URL });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await admin.end();
  }
}

async function freshPostgres() {
  const schema = uniqueSchema();
  return { store: await PostgresStore.open(URL, { schema }), cleanup: () => dropSchema(schema) };
}
describeStorageContract("postgres", freshPostgres);
describeWorkspaceContract("postgres", freshPostgres);
describeGalleryContract("postgres", freshPostgres);
describeGoalDigestsContract("postgres", freshPostgres);
describeNotificationsContract("postgres", freshPostgres);

let store: PostgresStore;
// A second store on its own pool stands in for a second server process.
let other: PostgresStore;

beforeAll(async () => {
  store = await PostgresStore.open(URL, { schema: SCHEMA });
  other = await PostgresStore.open(URL, { schema: SCHEMA });
});

afterAll(async () => {
  await store?.close();
  await other?.close();
  await dropSchema(SCHEMA);
});

let counter = 0;
function newModel(title = "Reading by grade 3"): NewModel {
  const id = `m${++counter}${randomBytes(4).toString("hex")}`;
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString();
  const link = (role: LinkRecord["role"]): LinkRecord => ({
    id: `${id}-${role}`,
    modelId: id,
    role,
    tokenHash: randomBytes(16).toString("hex"),
    token: null,
    label: null,
    createdAt: at,
    expiresAt: null,
    revokedAt: null,
  });
  const doc = new Y.Doc();
  doc.getMap("meta").set("title", title);
  return {
    model: { id, title, createdAt: at, updatedAt: at },
    documents: [
      { name: id, snapshot: Y.encodeStateAsUpdate(doc) },
      { name: `${id}/review`, snapshot: Y.encodeStateAsUpdate(new Y.Doc()) },
    ],
    links: [link("owner"), link("editor"), link("viewer")],
  };
}

/** Rebuilds a document the way the server does on load: snapshot, then the log in order. */
async function rebuild(from: PostgresStore, name: string): Promise<Y.Doc> {
  const stored = await from.loadDocument(name);
  if (!stored) throw new Error(`${name} not stored`);
  const doc = new Y.Doc();
  applyStored(doc, stored);
  return doc;
}

function editsOf(doc: Y.Doc, count: number, key: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  const listen = (update: Uint8Array) => out.push(update);
  doc.on("update", listen);
  for (let i = 0; i < count; i++) doc.getMap("nodes").set(`${key}${i}`, i);
  doc.off("update", listen);
  return out;
}

describe("PostgreSQL store, beyond the contract", () => {
  it("adds the link columns to a database made before links had labels and expiries", async () => {
    const schema = uniqueSchema();
    const admin = new pg.Client({ connectionString: URL });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA "${schema}"`);
      await admin.query(`CREATE TABLE "${schema}".links (
        id TEXT PRIMARY KEY, model_id TEXT NOT NULL, role TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT)`);
      await admin.query(
        `INSERT INTO "${schema}".links VALUES ('old', 'm', 'viewer', 'old-hash', '2026-01-01T00:00:00.000Z', NULL)`,
      );
    } finally {
      await admin.end();
    }
    const migrated = await PostgresStore.open(URL, { schema });
    try {
      expect(await migrated.findLinkByTokenHash("old-hash")).toMatchObject({
        id: "old",
        role: "viewer",
        token: null,
        label: null,
        expiresAt: null,
      });
      // Opening again finds the columns there and changes nothing.
      await (await PostgresStore.open(URL, { schema })).close();
    } finally {
      await migrated.close();
      await dropSchema(schema);
    }
  });

  it("creates a model with its documents and links, and reads them back", async () => {
    const input = newModel();
    await store.createModel(input);
    expect(await store.getModel(input.model.id)).toEqual({ ...input.model, workspaceId: null });
    const byId = (a: LinkRecord, b: LinkRecord) => (a.id < b.id ? -1 : 1);
    // Same creation time: ordered by id in byte order, as SQLite orders them.
    expect(await store.listLinks(input.model.id)).toEqual([...input.links].sort(byId));
    const link = input.links[1] as LinkRecord;
    expect(await store.findLinkByTokenHash(link.tokenHash)).toEqual(link);
    const doc = await rebuild(store, input.model.id);
    expect(doc.getMap("meta").get("title")).toBe("Reading by grade 3");
    expect(await store.countModels()).toBeGreaterThanOrEqual(1);
    expect(await store.getModel("nope")).toBeUndefined();
    expect(await store.loadDocument("nope")).toBeUndefined();
  });

  it("creates nothing when part of a model cannot be stored", async () => {
    const first = newModel();
    await store.createModel(first);
    const clash = newModel();
    // A token hash already in use violates its unique constraint half-way through.
    clash.links[2] = {
      ...(clash.links[2] as LinkRecord),
      tokenHash: first.links[0]?.tokenHash as string,
    };
    await expect(store.createModel(clash)).rejects.toThrow();
    expect(await store.getModel(clash.model.id)).toBeUndefined();
    expect(await store.loadDocument(clash.model.id)).toBeUndefined();
  });

  it("stores hostile text as data, never as SQL", async () => {
    const input = newModel("x'); DROP TABLE models; --");
    await store.createModel(input);
    await store.updateModelTitle(
      input.model.id,
      "'; DELETE FROM links; -- ?",
      "2026-02-01T00:00:00.000Z",
    );
    expect((await store.getModel(input.model.id))?.title).toBe("'; DELETE FROM links; -- ?");
    expect((await store.listLinks(input.model.id)).length).toBe(3);
    expect(await store.countModels()).toBeGreaterThan(0);
  });

  it("keeps a title with a NUL character storable, and the document's own title exact", async () => {
    const input = newModel("nul\u0000title");
    await store.createModel(input);
    expect((await store.getModel(input.model.id))?.title).toBe("nul\uFFFDtitle");
    await store.updateModelTitle(input.model.id, "a\u0000b", "2026-02-01T00:00:00.000Z");
    expect((await store.getModel(input.model.id))?.title).toBe("a\uFFFDb");
    const doc = await rebuild(store, input.model.id);
    expect(doc.getMap("meta").get("title")).toBe("nul\u0000title");
  });

  it("revokes a link once and keeps the first revocation time", async () => {
    const input = newModel();
    await store.createModel(input);
    const link = input.links[2] as LinkRecord;
    const first = await store.revokeLink(input.model.id, link.id, "2026-03-01T00:00:00.000Z");
    const again = await store.revokeLink(input.model.id, link.id, "2026-04-01T00:00:00.000Z");
    expect(first?.revokedAt).toBe("2026-03-01T00:00:00.000Z");
    expect(again?.revokedAt).toBe("2026-03-01T00:00:00.000Z");
    expect(
      await store.revokeLink("other-model", link.id, "2026-04-01T00:00:00.000Z"),
    ).toBeUndefined();
    const extra: LinkRecord = { ...link, id: `${link.id}-2`, tokenHash: "h2", revokedAt: null };
    await store.createLink(extra);
    expect((await store.listLinks(input.model.id)).map((l) => l.id)).toContain(extra.id);
  });

  it("appends updates byte for byte and rebuilds every acknowledged edit", async () => {
    const input = newModel();
    await store.createModel(input);
    const updates = editsOf(new Y.Doc(), 20, "a");
    const seqs: number[] = [];
    for (const u of updates) seqs.push(await store.appendUpdate(input.model.id, u));
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const stored = await store.loadDocument(input.model.id);
    expect(stored?.updates.map((u) => Buffer.from(u.data))).toEqual(
      updates.map((u) => Buffer.from(u)),
    );
    expect(await store.countUpdates(input.model.id)).toBe(20);
    const doc = await rebuild(store, input.model.id);
    expect(doc.getMap("nodes").size).toBe(20);
    const binary = Uint8Array.from([0, 255, 0, 1, 92, 39, 0]);
    const seq = await store.appendUpdate(`${input.model.id}/review`, binary);
    const review = await store.loadDocument(`${input.model.id}/review`);
    expect(review?.updates).toEqual([{ seq, data: binary }]);
  });

  it("compacts atomically and refuses a stale compaction", async () => {
    const input = newModel();
    await store.createModel(input);
    const name = input.model.id;
    const source = new Y.Doc();
    for (const u of editsOf(source, 10, "c")) await store.appendUpdate(name, u);
    const before = await store.loadDocument(name);
    const upto = before?.updates.at(-1)?.seq as number;
    const later = editsOf(source, 3, "late");
    for (const u of later) await store.appendUpdate(name, u);
    const folded = await rebuild(store, name);
    // The snapshot folds in the first ten; the three later ones must survive the compaction.
    const snapshotDoc = new Y.Doc();
    if (before?.snapshot) Y.applyUpdate(snapshotDoc, before.snapshot);
    for (const u of before?.updates ?? []) Y.applyUpdate(snapshotDoc, u.data);
    expect(await store.compactDocument(name, 0, upto, Y.encodeStateAsUpdate(snapshotDoc))).toBe(
      true,
    );
    expect(await other.compactDocument(name, 0, upto, Y.encodeStateAsUpdate(snapshotDoc))).toBe(
      false,
    );
    const after = await store.loadDocument(name);
    expect(after?.snapshotSeq).toBe(upto);
    expect(after?.updates.length).toBe(3);
    expect(await store.countUpdates(name)).toBe(3);
    expect((await rebuild(store, name)).getMap("nodes").toJSON()).toEqual(
      folded.getMap("nodes").toJSON(),
    );
    expect((after?.updatedAt ?? "") >= (before?.updatedAt ?? "~")).toBe(true);
  });

  it("loses nothing when two processes append while a third compacts", async () => {
    const input = newModel();
    await store.createModel(input);
    const name = input.model.id;
    const a = editsOf(new Y.Doc(), 60, "a");
    const b = editsOf(new Y.Doc(), 60, "b");
    const compactions = (async () => {
      for (let i = 0; i < 10; i++) {
        const stored = await store.loadDocument(name);
        if (!stored?.updates.length) continue;
        const doc = new Y.Doc();
        applyStored(doc, stored);
        const upto = stored.updates.at(-1)?.seq as number;
        await store.compactDocument(name, stored.snapshotSeq, upto, Y.encodeStateAsUpdate(doc));
      }
    })();
    await Promise.all([
      Promise.all(a.map((u) => store.appendUpdate(name, u))),
      Promise.all(b.map((u) => other.appendUpdate(name, u))),
      compactions,
    ]);
    const doc = await rebuild(other, name);
    expect(doc.getMap("nodes").size).toBe(120);
  });

  it("deletes a model with its documents, updates and links", async () => {
    const input = newModel();
    await store.createModel(input);
    await store.appendUpdate(input.model.id, editsOf(new Y.Doc(), 1, "d")[0] as Uint8Array);
    expect(await store.deleteModel(input.model.id)).toBe(true);
    expect(await store.deleteModel(input.model.id)).toBe(false);
    expect(await store.getModel(input.model.id)).toBeUndefined();
    expect(await store.loadDocument(input.model.id)).toBeUndefined();
    expect(await store.listLinks(input.model.id)).toEqual([]);
    await expect(store.appendUpdate(input.model.id, Uint8Array.of(1))).rejects.toThrow();
  });

  it("refuses a schema name that could inject SQL", async () => {
    await expect(PostgresStore.open(URL, { schema: 'x"; DROP SCHEMA public; --' })).rejects.toThrow(
      /schema name/,
    );
  });
});
