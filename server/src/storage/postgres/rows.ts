import type pg from "pg";
import { LINK_INSERT_COLUMNS, linkValues } from "../rows.ts";
import type { LinkRecord, ModelRecord } from "../types.ts";
import type { SqlRunner } from "../workspace-sql.ts";

/**
 * PostgreSQL text cannot hold U+0000 (SQLite can). The models table's title is only a cached
 * copy of the title inside the document (which is bytea and keeps it exactly), so a NUL becomes
 * U+FFFD there rather than failing a create or, worse, every later compaction of that model.
 */
export const storableTitle = (title: string): string => title.replaceAll("\u0000", "\uFFFD");
export const toBuffer = (data: Uint8Array): Buffer =>
  Buffer.from(data.buffer, data.byteOffset, data.byteLength);
export const toBytes = (buffer: Buffer): Uint8Array =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

export function insertLink(db: pg.Pool | pg.PoolClient, l: LinkRecord) {
  return db.query(
    `INSERT INTO links (${LINK_INSERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    linkValues(l),
  );
}

export function insertModel(db: pg.PoolClient, m: ModelRecord) {
  return db.query(
    "INSERT INTO models (id, title, created_at, updated_at, workspace_id) VALUES ($1, $2, $3, $4, $5)",
    [m.id, storableTitle(m.title), m.createdAt, m.updatedAt, m.workspaceId ?? null],
  );
}

/** The workspace statements (written with `?`) on a pool: each `?` becomes `$1`, `$2`, … */
export function pgRunner(pool: pg.Pool): SqlRunner {
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    all: async <T>(sql: string, params: readonly unknown[]) =>
      (await pool.query(numbered(sql), [...params])).rows as T[],
    run: async (sql, params) => (await pool.query(numbered(sql), [...params])).rowCount ?? 0,
  };
}
