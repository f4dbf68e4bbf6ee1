import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyStored } from "../src/documents/persistence.ts";
import { SqliteStore } from "../src/storage/sqlite.ts";
import { describeGalleryContract } from "./gallery-storage-contract.ts";
import { describeGoalDigestsContract } from "./goal-digests-storage-contract.ts";
import { describeNotificationsContract } from "./notifications-storage-contract.ts";
import { describeStorageContract } from "./storage-contract.ts";
import { describeWorkspaceContract } from "./workspace-storage-contract.ts";

async function freshSqlite() {
  const dir = mkdtempSync(join(tmpdir(), "lc-store-"));
  return {
    store: new SqliteStore(join(dir, "test.sqlite")),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
describeStorageContract("sqlite", freshSqlite);
describeWorkspaceContract("sqlite", freshSqlite);
describeGalleryContract("sqlite", freshSqlite);
describeGoalDigestsContract("sqlite", freshSqlite);
describeNotificationsContract("sqlite", freshSqlite);

describe("SQLite store, beyond the contract", () => {
  it("adds the link columns to a data file made before links had labels and expiries", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lc-store-"));
    const file = join(dir, "old.sqlite");
    try {
      const old = new Database(file);
      old.exec(`CREATE TABLE links (
        id TEXT PRIMARY KEY, model_id TEXT NOT NULL, role TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT)`);
      old.exec(
        "INSERT INTO links VALUES ('old', 'm', 'viewer', 'old-hash', '2026-01-01T00:00:00.000Z', NULL)",
      );
      old.close();
      const store = new SqliteStore(file);
      expect(await store.findLinkByTokenHash("old-hash")).toMatchObject({
        id: "old",
        token: null,
        label: null,
        expiresAt: null,
      });
      await store.close();
      // Opening again finds the columns there and changes nothing.
      await new SqliteStore(file).close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes the appends still waiting for their commit when the store closes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lc-store-"));
    const file = join(dir, "close.sqlite");
    try {
      const store = new SqliteStore(file);
      const at = "2026-01-01T00:00:00.000Z";
      const doc = new Y.Doc();
      doc.getMap("m").set("k", "initial");
      await store.createModel({
        model: { id: "m1", title: "M", createdAt: at, updatedAt: at },
        documents: [{ name: "m1", snapshot: Y.encodeStateAsUpdate(doc) }],
        links: [],
      });
      const before = Y.encodeStateVector(doc);
      doc.getMap("m").set("k", "changed");
      const appended = store.appendUpdate("m1", Y.encodeStateAsUpdate(doc, before));
      await store.close();
      expect(await appended).toBeGreaterThan(0);
      const reopened = new SqliteStore(file);
      const stored = await reopened.loadDocument("m1");
      await reopened.close();
      const loaded = new Y.Doc();
      applyStored(loaded, stored as NonNullable<typeof stored>);
      expect(loaded.getMap("m").get("k")).toBe("changed");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
