import type pg from "pg";
import type { LinkRecord, ModelRecord, Role } from "../types.ts";

/** Rows as PostgreSQL returns them, and their mapping to the store's records. */
export interface ModelRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}
export interface LinkRow {
  id: string;
  model_id: string;
  role: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export const toModel = (row: ModelRow): ModelRecord => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
export const toLink = (row: LinkRow): LinkRecord => ({
  id: row.id,
  modelId: row.model_id,
  role: row.role as Role,
  tokenHash: row.token_hash,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});
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
