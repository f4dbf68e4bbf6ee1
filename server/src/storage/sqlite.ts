import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { SqliteHistory } from "./sqlite-history.ts";
import type {
  ActivityQuery,
  ActivityRecord,
  LinkRecord,
  ModelRecord,
  NewModel,
  Role,
  Store,
  StoredDocument,
  VersionKind,
  VersionRecord,
  VersionSummary,
} from "./types.ts";

/** Plain SQL that PostgreSQL also accepts, so the two stores stay easy to compare. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS models (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS links (
  id TEXT PRIMARY KEY,
  model_id TEXT NOT NULL,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS links_model ON links (model_id);
CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY,
  model_id TEXT NOT NULL,
  snapshot BLOB,
  snapshot_seq INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_model ON documents (model_id);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  document_name TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_document ON updates (document_name, seq);
`;

interface ModelRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}
interface LinkRow {
  id: string;
  model_id: string;
  role: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

const toModel = (row: ModelRow): ModelRecord => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
const toLink = (row: LinkRow): LinkRecord => ({
  id: row.id,
  modelId: row.model_id,
  role: row.role as Role,
  tokenHash: row.token_hash,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});
const bytes = (buffer: Buffer): Uint8Array =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

export type SqliteSynchronous = "NORMAL" | "FULL";

/**
 * SQLite in WAL mode. With synchronous=NORMAL a committed append survives the server process
 * being killed (the write is in the OS before the ack); FULL also survives power loss, at the
 * price of an fsync per edit.
 */
export class SqliteStore implements Store {
  readonly kind = "sqlite";
  private readonly db: Database.Database;
  private readonly statements;
  private readonly history: SqliteHistory;

  constructor(file: string, options: { synchronous?: SqliteSynchronous } = {}) {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma(`synchronous = ${options.synchronous === "FULL" ? "FULL" : "NORMAL"}`);
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(SCHEMA);
    this.history = new SqliteHistory(this.db);
    const db = this.db;
    this.statements = {
      insertModel: db.prepare(
        "INSERT INTO models (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)",
      ),
      insertDocument: db.prepare(
        "INSERT INTO documents (name, model_id, snapshot, snapshot_seq, updated_at) VALUES (?, ?, ?, 0, ?)",
      ),
      insertLink: db.prepare(
        "INSERT INTO links (id, model_id, role, token_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      getModel: db.prepare("SELECT * FROM models WHERE id = ?"),
      countModels: db.prepare("SELECT COUNT(*) AS n FROM models"),
      firstModel: db.prepare("SELECT * FROM models ORDER BY created_at, id LIMIT 1"),
      updateTitle: db.prepare("UPDATE models SET title = ?, updated_at = ? WHERE id = ?"),
      deleteUpdates: db.prepare(
        "DELETE FROM updates WHERE document_name IN (SELECT name FROM documents WHERE model_id = ?)",
      ),
      deleteDocuments: db.prepare("DELETE FROM documents WHERE model_id = ?"),
      deleteLinks: db.prepare("DELETE FROM links WHERE model_id = ?"),
      deleteModel: db.prepare("DELETE FROM models WHERE id = ?"),
      linkByHash: db.prepare("SELECT * FROM links WHERE token_hash = ?"),
      listLinks: db.prepare("SELECT * FROM links WHERE model_id = ? ORDER BY created_at, id"),
      revokeLink: db.prepare(
        "UPDATE links SET revoked_at = COALESCE(revoked_at, ?) WHERE model_id = ? AND id = ?",
      ),
      getLink: db.prepare("SELECT * FROM links WHERE model_id = ? AND id = ?"),
      // Appending to a document that does not exist (a deleted model) inserts nothing.
      append: db.prepare(
        "INSERT INTO updates (document_name, data, created_at) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE name = ?)",
      ),
      getDocument: db.prepare(
        "SELECT snapshot, snapshot_seq, updated_at FROM documents WHERE name = ?",
      ),
      getUpdates: db.prepare(
        "SELECT seq, data, created_at FROM updates WHERE document_name = ? AND seq > ? ORDER BY seq",
      ),
      countUpdates: db.prepare(
        "SELECT COUNT(*) AS n FROM updates WHERE document_name = ? AND seq > (SELECT snapshot_seq FROM documents WHERE name = ?)",
      ),
      maxUpdateTime: db.prepare(
        "SELECT MAX(created_at) AS t FROM updates WHERE document_name = ? AND seq <= ?",
      ),
      setSnapshot: db.prepare(
        "UPDATE documents SET snapshot = ?, snapshot_seq = ?, updated_at = MAX(updated_at, ?) WHERE name = ? AND snapshot_seq = ?",
      ),
      dropCompacted: db.prepare("DELETE FROM updates WHERE document_name = ? AND seq <= ?"),
    };
  }

  async createModel(input: NewModel): Promise<void> {
    const s = this.statements;
    this.db.transaction(() => {
      const m = input.model;
      s.insertModel.run(m.id, m.title, m.createdAt, m.updatedAt);
      for (const doc of input.documents) {
        s.insertDocument.run(doc.name, m.id, Buffer.from(doc.snapshot), m.createdAt);
      }
      for (const l of input.links) {
        s.insertLink.run(l.id, l.modelId, l.role, l.tokenHash, l.createdAt, l.revokedAt);
      }
    })();
  }

  async getModel(id: string): Promise<ModelRecord | undefined> {
    const row = this.statements.getModel.get(id) as ModelRow | undefined;
    return row && toModel(row);
  }

  async countModels(): Promise<number> {
    return (this.statements.countModels.get() as { n: number }).n;
  }

  async firstModel(): Promise<ModelRecord | undefined> {
    const row = this.statements.firstModel.get() as ModelRow | undefined;
    return row && toModel(row);
  }

  async updateModelTitle(id: string, title: string, updatedAt: string): Promise<void> {
    this.statements.updateTitle.run(title, updatedAt, id);
  }

  async deleteModel(id: string): Promise<boolean> {
    const s = this.statements;
    return this.db.transaction(() => {
      s.deleteUpdates.run(id);
      s.deleteDocuments.run(id);
      s.deleteLinks.run(id);
      this.history.deleteModel(id);
      return s.deleteModel.run(id).changes > 0;
    })();
  }

  async createLink(link: LinkRecord): Promise<void> {
    this.statements.insertLink.run(
      link.id,
      link.modelId,
      link.role,
      link.tokenHash,
      link.createdAt,
      link.revokedAt,
    );
  }

  async findLinkByTokenHash(tokenHash: string): Promise<LinkRecord | undefined> {
    const row = this.statements.linkByHash.get(tokenHash) as LinkRow | undefined;
    return row && toLink(row);
  }

  async listLinks(modelId: string): Promise<LinkRecord[]> {
    return (this.statements.listLinks.all(modelId) as LinkRow[]).map(toLink);
  }

  async revokeLink(
    modelId: string,
    linkId: string,
    revokedAt: string,
  ): Promise<LinkRecord | undefined> {
    this.statements.revokeLink.run(revokedAt, modelId, linkId);
    const row = this.statements.getLink.get(modelId, linkId) as LinkRow | undefined;
    return row && toLink(row);
  }

  async appendUpdate(documentName: string, update: Uint8Array): Promise<number> {
    const result = this.statements.append.run(
      documentName,
      Buffer.from(update.buffer, update.byteOffset, update.byteLength),
      new Date().toISOString(),
      documentName,
    );
    if (result.changes === 0) throw new Error(`document ${documentName} does not exist`);
    return Number(result.lastInsertRowid);
  }

  async loadDocument(documentName: string): Promise<StoredDocument | undefined> {
    const s = this.statements;
    return this.db.transaction(() => {
      const doc = s.getDocument.get(documentName) as
        | { snapshot: Buffer | null; snapshot_seq: number; updated_at: string }
        | undefined;
      if (!doc) return undefined;
      const rows = s.getUpdates.all(documentName, doc.snapshot_seq) as {
        seq: number;
        data: Buffer;
        created_at: string;
      }[];
      let updatedAt = doc.updated_at;
      for (const row of rows) if (row.created_at > updatedAt) updatedAt = row.created_at;
      return {
        snapshot: doc.snapshot ? bytes(doc.snapshot) : null,
        snapshotSeq: doc.snapshot_seq,
        updates: rows.map((row) => ({ seq: row.seq, data: bytes(row.data) })),
        updatedAt,
      };
    })();
  }

  async compactDocument(
    documentName: string,
    expectedSnapshotSeq: number,
    uptoSeq: number,
    snapshot: Uint8Array,
  ): Promise<boolean> {
    const s = this.statements;
    // IMMEDIATE: this transaction reads before it writes, and in WAL mode a deferred one fails at
    // once (SQLITE_BUSY, no busy wait) when another process appends in between.
    return this.db
      .transaction(() => {
        const latest = (s.maxUpdateTime.get(documentName, uptoSeq) as { t: string | null }).t ?? "";
        const changed = s.setSnapshot.run(
          Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength),
          uptoSeq,
          latest,
          documentName,
          expectedSnapshotSeq,
        ).changes;
        if (changed === 0) return false;
        s.dropCompacted.run(documentName, uptoSeq);
        return true;
      })
      .immediate();
  }

  async countUpdates(documentName: string): Promise<number> {
    return (this.statements.countUpdates.get(documentName, documentName) as { n: number }).n;
  }

  createVersion(version: VersionRecord): Promise<void> {
    return this.history.createVersion(version);
  }

  listVersions(modelId: string): Promise<VersionSummary[]> {
    return this.history.listVersions(modelId);
  }

  getVersion(modelId: string, versionId: string): Promise<VersionRecord | undefined> {
    return this.history.getVersion(modelId, versionId);
  }

  pruneVersions(modelId: string, kind: VersionKind, keep: number): Promise<number> {
    return this.history.pruneVersions(modelId, kind, keep);
  }

  saveActivity(entries: ActivityRecord[]): Promise<void> {
    return this.history.saveActivity(entries);
  }

  listActivity(modelId: string, query: ActivityQuery): Promise<ActivityRecord[]> {
    return this.history.listActivity(modelId, query);
  }

  latestActivity(
    modelId: string,
    byKey: string,
    subjectId: string | null,
  ): Promise<ActivityRecord | undefined> {
    return this.history.latestActivity(modelId, byKey, subjectId);
  }

  async health(): Promise<void> {
    this.statements.countModels.get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
