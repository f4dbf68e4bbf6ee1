import pg from "pg";
import { SqlCanvasSnapshots } from "../canvas-snapshot-sql.ts";
import { SqlGallery } from "../gallery-sql.ts";
import { SqlGoalDigests } from "../goal-digests-sql.ts";
import { SqlNotifications } from "../notifications-sql.ts";
import { type LinkRow, type ModelRow, toLink, toModel } from "../rows.ts";
import type {
  ActivityQuery,
  ActivityRecord,
  LinkRecord,
  ModelRecord,
  NewModel,
  Store,
  StoredDocument,
  StoredDocumentState,
  VersionKind,
  VersionRecord,
  VersionSummary,
} from "../types.ts";
import { SqlWorkspaces } from "../workspace-sql.ts";
import { foldUpdates, readDocument, readDocumentState } from "./documents.ts";
import * as history from "./history.ts";
import { PostgresReadMarks } from "./read-marks.ts";
import { insertLink, insertModel, pgRunner, storableTitle, toBuffer } from "./rows.ts";
import { quoteSchemaName, SCHEMA_SQL } from "./schema.ts";

export interface PostgresStoreOptions {
  /** A schema to create and use instead of `public` (tests use one per run). */
  schema?: string;
  /** Pool size; each in-flight append holds one connection until it commits. */
  maxConnections?: number;
}

/**
 * The storage contract on PostgreSQL. Every statement is parameterised. Appends to a document
 * lock its row for the length of the insert, so two processes appending to one document get
 * sequence numbers in commit order, and compaction (which takes the same lock) can never fold
 * away an update that was not yet visible when it read the log.
 */
export class PostgresStore implements Store {
  readonly kind = "postgres";

  readonly readMarks: PostgresReadMarks;
  readonly workspaces: SqlWorkspaces;
  readonly gallery: SqlGallery;
  readonly notifications: SqlNotifications;
  readonly canvasSnapshots: SqlCanvasSnapshots;
  readonly goalDigests: SqlGoalDigests;

  private constructor(private readonly pool: pg.Pool) {
    this.readMarks = new PostgresReadMarks(pool);
    this.workspaces = new SqlWorkspaces(pgRunner(pool), "postgres");
    this.gallery = new SqlGallery(pgRunner(pool), "postgres");
    this.notifications = new SqlNotifications(pgRunner(pool), "postgres");
    this.canvasSnapshots = new SqlCanvasSnapshots(pgRunner(pool));
    this.goalDigests = new SqlGoalDigests(pgRunner(pool));
  }

  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const schema = options.schema === undefined ? undefined : quoteSchemaName(options.schema);
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      // The schema is fixed per connection, so no query ever names it.
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on("error", () => {});
    try {
      const client = await pool.connect();
      try {
        if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        await client.query(SCHEMA_SQL);
        await client.query(history.HISTORY_SCHEMA_SQL);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool);
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async createModel(input: NewModel): Promise<void> {
    await this.transaction(async (client) => {
      const m = input.model;
      await insertModel(client, m);
      for (const doc of input.documents) {
        await client.query(
          "INSERT INTO documents (name, model_id, snapshot, snapshot_seq, updated_at) VALUES ($1, $2, $3, 0, $4)",
          [doc.name, m.id, toBuffer(doc.snapshot), m.createdAt],
        );
      }
      for (const l of input.links) await insertLink(client, l);
    });
  }

  async getModel(id: string): Promise<ModelRecord | undefined> {
    const { rows } = await this.pool.query<ModelRow>("SELECT * FROM models WHERE id = $1", [id]);
    return rows[0] && toModel(rows[0]);
  }

  async countModels(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>("SELECT COUNT(*) AS n FROM models");
    return Number(rows[0]?.n ?? 0);
  }

  async firstModel(): Promise<ModelRecord | undefined> {
    const { rows } = await this.pool.query<ModelRow>(
      'SELECT * FROM models ORDER BY created_at, id COLLATE "C" LIMIT 1',
    );
    return rows[0] && toModel(rows[0]);
  }

  async updateModelTitle(id: string, title: string, updatedAt: string): Promise<void> {
    await this.pool.query("UPDATE models SET title = $1, updated_at = $2 WHERE id = $3", [
      storableTitle(title),
      updatedAt,
      id,
    ]);
  }

  async deleteModel(id: string): Promise<boolean> {
    return this.transaction(async (client) => {
      await client.query(
        "DELETE FROM updates WHERE document_name IN (SELECT name FROM documents WHERE model_id = $1)",
        [id],
      );
      await client.query("DELETE FROM documents WHERE model_id = $1", [id]);
      await client.query("DELETE FROM links WHERE model_id = $1", [id]);
      await client.query("DELETE FROM versions WHERE model_id = $1", [id]);
      await client.query("DELETE FROM activity WHERE model_id = $1", [id]);
      await client.query("DELETE FROM read_marks WHERE model_id = $1", [id]);
      await client.query("DELETE FROM gallery_posts WHERE model_id = $1", [id]);
      await client.query("DELETE FROM goal_digests WHERE model_id = $1", [id]);
      await client.query("DELETE FROM notifications WHERE model_id = $1", [id]);
      await client.query("DELETE FROM canvas_snapshots WHERE model_id = $1", [id]);
      const result = await client.query("DELETE FROM models WHERE id = $1", [id]);
      return (result.rowCount ?? 0) > 0;
    });
  }

  async createLink(link: LinkRecord): Promise<void> {
    await insertLink(this.pool, link);
  }

  async findLinkByTokenHash(tokenHash: string): Promise<LinkRecord | undefined> {
    const { rows } = await this.pool.query<LinkRow>("SELECT * FROM links WHERE token_hash = $1", [
      tokenHash,
    ]);
    return rows[0] && toLink(rows[0]);
  }

  async listLinks(modelId: string): Promise<LinkRecord[]> {
    const { rows } = await this.pool.query<LinkRow>(
      'SELECT * FROM links WHERE model_id = $1 ORDER BY created_at, id COLLATE "C"',
      [modelId],
    );
    return rows.map(toLink);
  }

  async revokeLink(
    modelId: string,
    linkId: string,
    revokedAt: string,
  ): Promise<LinkRecord | undefined> {
    // Revoking twice keeps the first time, as SQLite does.
    const { rows } = await this.pool.query<LinkRow>(
      "UPDATE links SET revoked_at = COALESCE(revoked_at, $1) WHERE model_id = $2 AND id = $3 RETURNING *",
      [revokedAt, modelId, linkId],
    );
    return rows[0] && toLink(rows[0]);
  }

  async appendUpdate(documentName: string, update: Uint8Array): Promise<number> {
    // One statement, so one implicit transaction: the row lock is held until the insert commits.
    const { rows } = await this.pool.query<{ seq: string }>(
      `WITH doc AS (SELECT name FROM documents WHERE name = $1 FOR UPDATE)
       INSERT INTO updates (document_name, data, created_at)
       SELECT doc.name, $2, $3 FROM doc
       RETURNING seq`,
      [documentName, toBuffer(update), new Date().toISOString()],
    );
    const row = rows[0];
    if (!row) throw new Error(`document ${documentName} does not exist`);
    return Number(row.seq);
  }

  async loadDocument(documentName: string): Promise<StoredDocument | undefined> {
    const client = await this.pool.connect();
    try {
      return await readDocument(client, documentName);
    } finally {
      client.release();
    }
  }

  documentState(documentName: string): Promise<StoredDocumentState | undefined> {
    return readDocumentState(this.pool, documentName);
  }

  compactDocument(
    documentName: string,
    expectedSnapshotSeq: number,
    uptoSeq: number,
    snapshot: Uint8Array,
  ): Promise<boolean> {
    return this.transaction((client) =>
      foldUpdates(client, documentName, expectedSnapshotSeq, uptoSeq, snapshot),
    );
  }

  async countUpdates(documentName: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM updates u JOIN documents d ON d.name = u.document_name
       WHERE u.document_name = $1 AND u.seq > d.snapshot_seq`,
      [documentName],
    );
    return Number(rows[0]?.n ?? 0);
  }

  createVersion(version: VersionRecord): Promise<void> {
    return history.createVersion(this.pool, version);
  }

  listVersions(modelId: string): Promise<VersionSummary[]> {
    return history.listVersions(this.pool, modelId);
  }

  getVersion(modelId: string, versionId: string): Promise<VersionRecord | undefined> {
    return history.getVersion(this.pool, modelId, versionId);
  }

  pruneVersions(modelId: string, kind: VersionKind, keep: number): Promise<number> {
    return history.pruneVersions(this.pool, modelId, kind, keep);
  }

  saveActivity(entries: ActivityRecord[]): Promise<void> {
    return history.saveActivity(this.pool, entries);
  }

  listActivity(modelId: string, query: ActivityQuery): Promise<ActivityRecord[]> {
    return history.listActivity(this.pool, modelId, query);
  }

  latestActivity(
    modelId: string,
    byKey: string,
    subjectId: string | null,
  ): Promise<ActivityRecord | undefined> {
    return history.latestActivity(this.pool, modelId, byKey, subjectId);
  }

  async health(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
