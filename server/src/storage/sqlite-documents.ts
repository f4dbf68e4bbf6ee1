import type Database from "better-sqlite3";
import type { StoredDocument, StoredDocumentState } from "./types.ts";

const bytes = (buffer: Buffer): Uint8Array =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

interface QueuedAppend {
  documentName: string;
  update: Uint8Array;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

/**
 * The Yjs documents in the SQLite store's database: a snapshot per document plus the log of
 * updates appended since, which compaction folds into a new snapshot.
 */
export class SqliteDocuments {
  private readonly statements;
  private queued: QueuedAppend[] = [];
  private readonly insertAll;

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
      // One row: the document's head and its log's extent (the index on (document_name, seq)
      // serves all three aggregates without reading an update's bytes).
      getState: db.prepare(
        `SELECT d.snapshot_seq AS snapshot_seq, d.updated_at AS updated_at,
           (SELECT COUNT(*) FROM updates u WHERE u.document_name = d.name AND u.seq > d.snapshot_seq) AS n,
           (SELECT MAX(u.seq) FROM updates u WHERE u.document_name = d.name AND u.seq > d.snapshot_seq) AS last_seq,
           (SELECT MAX(u.created_at) FROM updates u WHERE u.document_name = d.name AND u.seq > d.snapshot_seq) AS last_at
         FROM documents d WHERE d.name = ?`,
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
    this.insertAll = db.transaction((batch: QueuedAppend[], createdAt: string) =>
      batch.map((queued) => this.insertUpdate(queued, createdAt)),
    );
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

  /**
   * Appends wait for the end of the event loop turn and go to disk together, in one transaction:
   * every message read from the sockets in one turn shares a commit (and its WAL frames for the
   * table, its index and the sequence) instead of paying for one each. Each append still resolves
   * only once its commit is done, so nothing is acknowledged before it is on disk.
   *
   * The commit waits one more turn: Hocuspocus broadcasts the turn's updates in an immediate it
   * queues after this one (the write gate queues the append before the update is applied), and
   * the peers' copy should not wait for the disk; the writers' acknowledgements do
   * (extensions/durable-acks.ts). Messages read in the next turn join the same commit.
   */
  appendUpdate(documentName: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queued.push({ documentName, update, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => setImmediate(() => this.commitQueued()));
    });
  }

  /** Commits what is queued now; also called before the database closes. */
  commitQueued(): void {
    const batch = this.queued;
    if (batch.length === 0) return;
    this.queued = [];
    const createdAt = new Date().toISOString();
    let seqs: number[];
    try {
      // One append alone commits by itself (BEGIN and COMMIT would only add two statements);
      // several go in one IMMEDIATE transaction, which takes the write lock (waiting out another
      // process's) before its first read.
      seqs =
        batch.length === 1
          ? [this.insertUpdate(batch[0] as QueuedAppend, createdAt)]
          : this.insertAll.immediate(batch, createdAt);
    } catch (error) {
      for (const queued of batch) queued.reject(error);
      return;
    }
    batch.forEach((queued, i) => {
      // A document that does not exist (a deleted model) takes no append.
      if (seqs[i]) queued.resolve(seqs[i]);
      else queued.reject(new Error(`document ${queued.documentName} does not exist`));
    });
  }

  /** The new update's sequence number, or 0 when its document does not exist. */
  private insertUpdate({ documentName, update }: QueuedAppend, createdAt: string): number {
    const data = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
    const result = this.statements.append.run(documentName, data, createdAt, documentName);
    return result.changes === 0 ? 0 : Number(result.lastInsertRowid);
  }

  async loadDocument(documentName: string): Promise<StoredDocument | undefined> {
    // Read your writes: an append queued in this turn is on disk before anything reads the log.
    this.commitQueued();
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

  async documentState(documentName: string): Promise<StoredDocumentState | undefined> {
    // Read your writes, as loadDocument does.
    this.commitQueued();
    const row = this.statements.getState.get(documentName) as
      | {
          snapshot_seq: number;
          updated_at: string;
          n: number;
          last_seq: number | null;
          last_at: string | null;
        }
      | undefined;
    if (!row) return undefined;
    return {
      snapshotSeq: row.snapshot_seq,
      lastSeq: row.last_seq ?? row.snapshot_seq,
      updateCount: row.n,
      updatedAt:
        row.last_at !== null && row.last_at > row.updated_at ? row.last_at : row.updated_at,
    };
  }

  async compactDocument(
    documentName: string,
    expectedSnapshotSeq: number,
    uptoSeq: number,
    snapshot: Uint8Array,
  ): Promise<boolean> {
    this.commitQueued();
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
    this.commitQueued();
    return (this.statements.countUpdates.get(documentName, documentName) as { n: number }).n;
  }
}
