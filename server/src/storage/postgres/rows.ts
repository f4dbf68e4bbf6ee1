import type pg from "pg";
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
    "INSERT INTO links (id, model_id, role, token_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)",
    [l.id, l.modelId, l.role, l.tokenHash, l.createdAt, l.revokedAt],
  );
}
