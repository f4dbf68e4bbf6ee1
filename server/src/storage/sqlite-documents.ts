import type Database from "better-sqlite3";
import type { StoredDocument } from "./types.ts";

const bytes = (buffer: Buffer): Uint8Array =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/**
 * The Yjs documents in the SQLite store's database: a snapshot per document plus the log of
 * updates appended since, which compaction folds into a new snapshot.
 */
export class SqliteDocuments {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insertDocument: db.prepare(
        "INSERT INTO documents (name, model_id, snapshot, snapshot_seq, updated_at) VALUES (?, ?, ?, 0, ?)",
      ),
      deleteUpdates: db.prepare(
        "DELETE FROM updates WHERE document_name IN (SELECT name FROM documents WHERE model_id = ?)",
      ),
      deleteDocuments: db.prepare("DELETE FROM documents WHERE model_id = ?"),
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

  /** Runs inside the store's model creation transaction. */
  insert(name: string, modelId: string, snapshot: Uint8Array, createdAt: string): void {
    this.statements.insertDocument.run(name, modelId, Buffer.from(snapshot), createdAt);
  }

  /** Runs inside the store's model deletion transaction. */
  deleteModel(modelId: string): void {
    this.statements.deleteUpdates.run(modelId);
    this.statements.deleteDocuments.run(modelId);
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
}
