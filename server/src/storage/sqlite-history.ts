import type Database from "better-sqlite3";
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_UPSERT_SET,
  type ActivityRow,
  activityParams,
  historySchema,
  toActivity,
  toVersion,
  toVersionSummary,
  VERSION_COLUMNS,
  type VersionRow,
  versionParams,
} from "./history-sql.ts";
import { SQLITE } from "./schema-sql.ts";
import type {
  ActivityQuery,
  ActivityRecord,
  VersionKind,
  VersionRecord,
  VersionSummary,
} from "./types.ts";

/** Version history and the revision log in the SQLite store's database. */
export class SqliteHistory {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    db.exec(historySchema(SQLITE.serialKey));
    this.statements = {
      deleteVersions: db.prepare("DELETE FROM versions WHERE model_id = ?"),
      deleteActivity: db.prepare("DELETE FROM activity WHERE model_id = ?"),
      insertVersion: db.prepare(
        `INSERT INTO versions (${VERSION_COLUMNS}, file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      listVersions: db.prepare(
        `SELECT ${VERSION_COLUMNS} FROM versions WHERE model_id = ? ORDER BY seq DESC`,
      ),
      getVersion: db.prepare(
        `SELECT ${VERSION_COLUMNS}, file FROM versions WHERE model_id = ? AND id = ?`,
      ),
      pruneVersions: db.prepare(
        `DELETE FROM versions WHERE model_id = ? AND kind = ? AND seq NOT IN
           (SELECT seq FROM versions WHERE model_id = ? AND kind = ? ORDER BY seq DESC LIMIT ?)`,
      ),
      upsertActivity: db.prepare(
        // A burst still being written when its model is deleted must not leave rows behind.
        `INSERT INTO activity (${ACTIVITY_COLUMNS})
         SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM models WHERE id = ?)
         ON CONFLICT (id) DO UPDATE SET ${ACTIVITY_UPSERT_SET}`,
      ),
      listActivity: db.prepare(
        `SELECT ${ACTIVITY_COLUMNS} FROM activity WHERE model_id = ?
         ORDER BY at DESC, seq DESC LIMIT ?`,
      ),
      listSubjectActivity: db.prepare(
        `SELECT ${ACTIVITY_COLUMNS} FROM activity WHERE model_id = ? AND subject_id = ?
         ORDER BY at DESC, seq DESC LIMIT ?`,
      ),
      latestActivity: db.prepare(
        `SELECT ${ACTIVITY_COLUMNS} FROM activity WHERE model_id = ? AND by_key = ? AND subject_id IS ?
         ORDER BY at DESC, seq DESC LIMIT 1`,
      ),
    };
  }

  /** Runs inside the store's model deletion transaction. */
  deleteModel(modelId: string): void {
    this.statements.deleteVersions.run(modelId);
    this.statements.deleteActivity.run(modelId);
  }

  async createVersion(version: VersionRecord): Promise<void> {
    this.statements.insertVersion.run(...versionParams(version));
  }

  async listVersions(modelId: string): Promise<VersionSummary[]> {
    return (this.statements.listVersions.all(modelId) as VersionRow[]).map(toVersionSummary);
  }

  async getVersion(modelId: string, versionId: string): Promise<VersionRecord | undefined> {
    const row = this.statements.getVersion.get(modelId, versionId) as VersionRow | undefined;
    return row && toVersion(row);
  }

  async pruneVersions(modelId: string, kind: VersionKind, keep: number): Promise<number> {
    return this.statements.pruneVersions.run(modelId, kind, modelId, kind, keep).changes;
  }

  async saveActivity(entries: ActivityRecord[]): Promise<void> {
    const s = this.statements;
    this.db.transaction(() => {
      for (const entry of entries) s.upsertActivity.run(...activityParams(entry), entry.modelId);
    })();
  }

  async listActivity(modelId: string, query: ActivityQuery): Promise<ActivityRecord[]> {
    const s = this.statements;
    const rows =
      query.subjectId === undefined
        ? s.listActivity.all(modelId, query.limit)
        : s.listSubjectActivity.all(modelId, query.subjectId, query.limit);
    return (rows as ActivityRow[]).map(toActivity);
  }

  async latestActivity(
    modelId: string,
    byKey: string,
    subjectId: string | null,
  ): Promise<ActivityRecord | undefined> {
    const row = this.statements.latestActivity.get(modelId, byKey, subjectId) as
      | ActivityRow
      | undefined;
    return row && toActivity(row);
  }
}
