import type pg from "pg";
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
} from "../history-sql.ts";
import { POSTGRES } from "../schema-sql.ts";
import type {
  ActivityQuery,
  ActivityRecord,
  VersionKind,
  VersionRecord,
  VersionSummary,
} from "../types.ts";

/** Version history and the revision log on PostgreSQL: the same SQL as SQLite's, numbered. */
export const HISTORY_SCHEMA_SQL = historySchema(POSTGRES.serialKey);

/** PostgreSQL text cannot hold U+0000; labels, names and reasons are display text. */
const storable = (value: unknown): unknown =>
  typeof value === "string" ? value.replaceAll("\u0000", "\uFFFD") : value;

export async function createVersion(db: pg.Pool, version: VersionRecord): Promise<void> {
  await db.query(
    `INSERT INTO versions (${VERSION_COLUMNS}, file) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    versionParams(version).map(storable),
  );
}

export async function listVersions(db: pg.Pool, modelId: string): Promise<VersionSummary[]> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM versions WHERE model_id = $1 ORDER BY seq DESC`,
    [modelId],
  );
  return rows.map(toVersionSummary);
}

export async function getVersion(
  db: pg.Pool,
  modelId: string,
  versionId: string,
): Promise<VersionRecord | undefined> {
  const { rows } = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS}, file FROM versions WHERE model_id = $1 AND id = $2`,
    [modelId, versionId],
  );
  return rows[0] && toVersion(rows[0]);
}

export async function pruneVersions(
  db: pg.Pool,
  modelId: string,
  kind: VersionKind,
  keep: number,
): Promise<number> {
  const result = await db.query(
    `DELETE FROM versions WHERE model_id = $1 AND kind = $2 AND seq NOT IN
       (SELECT seq FROM versions WHERE model_id = $1 AND kind = $2 ORDER BY seq DESC LIMIT $3)`,
    [modelId, kind, keep],
  );
  return result.rowCount ?? 0;
}

export async function saveActivity(db: pg.Pool, entries: ActivityRecord[]): Promise<void> {
  if (entries.length === 0) return;
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    for (const entry of entries) {
      await client.query(
        // A burst still being written when its model is deleted must not leave rows behind.
        `INSERT INTO activity (${ACTIVITY_COLUMNS})
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12
         WHERE EXISTS (SELECT 1 FROM models WHERE id = $2)
         ON CONFLICT (id) DO UPDATE SET ${ACTIVITY_UPSERT_SET}`,
        activityParams(entry).map(storable),
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export async function listActivity(
  db: pg.Pool,
  modelId: string,
  query: ActivityQuery,
): Promise<ActivityRecord[]> {
  const { rows } =
    query.subjectId === undefined
      ? await db.query<ActivityRow>(
          `SELECT ${ACTIVITY_COLUMNS} FROM activity WHERE model_id = $1
           ORDER BY at DESC, seq DESC LIMIT $2`,
          [modelId, query.limit],
        )
      : await db.query<ActivityRow>(
          `SELECT ${ACTIVITY_COLUMNS} FROM activity WHERE model_id = $1 AND subject_id = $2
           ORDER BY at DESC, seq DESC LIMIT $3`,
          [modelId, query.subjectId, query.limit],
        );
  return rows.map(toActivity);
}

export async function latestActivity(
  db: pg.Pool,
  modelId: string,
  byKey: string,
  subjectId: string | null,
): Promise<ActivityRecord | undefined> {
  const { rows } = await db.query<ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS} FROM activity
     WHERE model_id = $1 AND by_key = $2 AND subject_id IS NOT DISTINCT FROM $3
     ORDER BY at DESC, seq DESC LIMIT 1`,
    [modelId, byKey, subjectId],
  );
  return rows[0] && toActivity(rows[0]);
}
