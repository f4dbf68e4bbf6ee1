import type pg from "pg";
import { LINK_INSERT_COLUMNS, linkValues } from "../rows.ts";
import type { LinkRecord } from "../types.ts";

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
