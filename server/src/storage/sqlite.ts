import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import {
  CANVAS_SNAPSHOTS_SCHEMA,
  DELETE_MODEL_CANVAS_SNAPSHOT,
  SqlCanvasSnapshots,
} from "./canvas-snapshot-sql.ts";
import { DELETE_MODEL_POSTS, GALLERY_SCHEMA, SqlGallery } from "./gallery-sql.ts";
import { DELETE_MODEL_DIGEST, GOAL_DIGESTS_SCHEMA, SqlGoalDigests } from "./goal-digests-sql.ts";
import {
  DELETE_MODEL_NOTIFICATIONS,
  NOTIFICATIONS_SCHEMA,
  SqlNotifications,
} from "./notifications-sql.ts";
import {
  LINK_INSERT_COLUMNS,
  type LinkRow,
  linkValues,
  type ModelRow,
  toLink,
  toModel,
} from "./rows.ts";
import { LINK_ADDED_COLUMNS, SQLITE, storeSchema } from "./schema-sql.ts";
import { SqliteDocuments } from "./sqlite-documents.ts";
import { SqliteHistory } from "./sqlite-history.ts";
import { SqliteReadMarks } from "./sqlite-read-marks.ts";
import type {
  ActivityQuery,
  ActivityRecord,
  LinkRecord,
  ModelRecord,
  NewModel,
  Store,
  StoredDocument,
  VersionKind,
  VersionRecord,
  VersionSummary,
} from "./types.ts";
import {
  MODEL_WORKSPACE_COLUMN,
  MODEL_WORKSPACE_INDEX,
  type SqlRunner,
  SqlWorkspaces,
  WORKSPACE_SCHEMA,
} from "./workspace-sql.ts";

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
  private readonly documents: SqliteDocuments;
  readonly readMarks: SqliteReadMarks;
  readonly workspaces: SqlWorkspaces;
  readonly gallery: SqlGallery;
  readonly notifications: SqlNotifications;
  readonly canvasSnapshots: SqlCanvasSnapshots;
  readonly goalDigests: SqlGoalDigests;

  constructor(file: string, options: { synchronous?: SqliteSynchronous } = {}) {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma(`synchronous = ${options.synchronous === "FULL" ? "FULL" : "NORMAL"}`);
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(storeSchema(SQLITE));
    this.migrateLinks();
    this.db.exec(WORKSPACE_SCHEMA);
    this.addColumn("models", MODEL_WORKSPACE_COLUMN);
    this.db.exec(MODEL_WORKSPACE_INDEX);
    const runner: SqlRunner = {
      all: async <T>(sql: string, params: readonly unknown[]) =>
        this.db.prepare(sql).all(...params) as T[],
      run: async (sql, params) => this.db.prepare(sql).run(...params).changes,
    };
    this.workspaces = new SqlWorkspaces(runner, "sqlite");
    this.db.exec(GALLERY_SCHEMA);
    this.gallery = new SqlGallery(runner, "sqlite");
    this.db.exec(NOTIFICATIONS_SCHEMA);
    this.notifications = new SqlNotifications(runner, "sqlite");
    this.db.exec(CANVAS_SNAPSHOTS_SCHEMA);
    this.canvasSnapshots = new SqlCanvasSnapshots(runner);
    this.db.exec(GOAL_DIGESTS_SCHEMA);
    this.goalDigests = new SqlGoalDigests(runner);
    this.history = new SqliteHistory(this.db);
    this.documents = new SqliteDocuments(this.db);
    this.readMarks = new SqliteReadMarks(this.db);
    const db = this.db;
    this.statements = {
      insertModel: db.prepare(
        "INSERT INTO models (id, title, created_at, updated_at, workspace_id) VALUES (?, ?, ?, ?, ?)",
      ),
      insertLink: db.prepare(
        `INSERT INTO links (${LINK_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      getModel: db.prepare("SELECT * FROM models WHERE id = ?"),
      countModels: db.prepare("SELECT COUNT(*) AS n FROM models"),
      firstModel: db.prepare("SELECT * FROM models ORDER BY created_at, id LIMIT 1"),
      updateTitle: db.prepare("UPDATE models SET title = ?, updated_at = ? WHERE id = ?"),
      deleteLinks: db.prepare("DELETE FROM links WHERE model_id = ?"),
      deleteModel: db.prepare("DELETE FROM models WHERE id = ?"),
      deletePosts: db.prepare(DELETE_MODEL_POSTS),
      deleteDigest: db.prepare(DELETE_MODEL_DIGEST),
      deleteNotifications: db.prepare(DELETE_MODEL_NOTIFICATIONS),
      deleteCanvasSnapshot: db.prepare(DELETE_MODEL_CANVAS_SNAPSHOT),
      linkByHash: db.prepare("SELECT * FROM links WHERE token_hash = ?"),
      listLinks: db.prepare("SELECT * FROM links WHERE model_id = ? ORDER BY created_at, id"),
      revokeLink: db.prepare(
        "UPDATE links SET revoked_at = COALESCE(revoked_at, ?) WHERE model_id = ? AND id = ?",
      ),
      getLink: db.prepare("SELECT * FROM links WHERE model_id = ? AND id = ?"),
    };
  }

  /** Adds the link columns a database made by an earlier release lacks (see schema-sql.ts). */
  private migrateLinks(): void {
    for (const column of LINK_ADDED_COLUMNS) this.addColumn("links", column);
  }

  private addColumn(table: string, column: { name: string; type: string }): void {
    const have = (this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
      (c) => c.name,
    );
    if (!have.includes(column.name))
      this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column.name} ${column.type}`);
  }

  async createModel(input: NewModel): Promise<void> {
    const s = this.statements;
    this.db.transaction(() => {
      const m = input.model;
      s.insertModel.run(m.id, m.title, m.createdAt, m.updatedAt, m.workspaceId ?? null);
      for (const doc of input.documents) {
        this.documents.insert(doc.name, m.id, doc.snapshot, m.createdAt);
      }
      for (const l of input.links) {
        s.insertLink.run(...linkValues(l));
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
      this.documents.deleteModel(id);
      s.deleteLinks.run(id);
      this.history.deleteModel(id);
      this.readMarks.deleteModel(id);
      s.deletePosts.run(id);
      s.deleteDigest.run(id);
      s.deleteNotifications.run(id);
      s.deleteCanvasSnapshot.run(id);
      return s.deleteModel.run(id).changes > 0;
    })();
  }

  async createLink(link: LinkRecord): Promise<void> {
    this.statements.insertLink.run(...linkValues(link));
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

  appendUpdate(documentName: string, update: Uint8Array): Promise<number> {
    return this.documents.appendUpdate(documentName, update);
  }

  loadDocument(documentName: string): Promise<StoredDocument | undefined> {
    return this.documents.loadDocument(documentName);
  }

  compactDocument(
    documentName: string,
    expectedSnapshotSeq: number,
    uptoSeq: number,
    snapshot: Uint8Array,
  ): Promise<boolean> {
    return this.documents.compactDocument(documentName, expectedSnapshotSeq, uptoSeq, snapshot);
  }

  countUpdates(documentName: string): Promise<number> {
    return this.documents.countUpdates(documentName);
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
    // Appends queued for this turn's commit still go to disk (or fail) before the file closes.
    if (this.db.open) this.documents.commitQueued();
    if (this.db.open) this.db.close();
  }
}
