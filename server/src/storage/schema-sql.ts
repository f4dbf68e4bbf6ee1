/** How the two stores spell the column types that differ; everything else is the same SQL. */
export interface SqlDialect {
  /** A key that numbers rows in insertion order. */
  serialKey: string;
  bytes: string;
  bigint: string;
}

export const SQLITE: SqlDialect = {
  serialKey: "INTEGER PRIMARY KEY AUTOINCREMENT",
  bytes: "BLOB",
  bigint: "INTEGER",
};
export const POSTGRES: SqlDialect = {
  serialKey: "BIGSERIAL PRIMARY KEY",
  bytes: "BYTEA",
  bigint: "BIGINT",
};

/**
 * Tables of models, share links and documents, shared by both stores. Times are ISO strings
 * (TEXT) in both, so they compare and return identically. A document is a snapshot plus the
 * updates appended since: `seq` only grows, and appends to one document are serialised (on its
 * row in PostgreSQL, by SQLite's single writer), so within a document the order of `seq` is the
 * order of commits.
 */
export function storeSchema(d: SqlDialect): string {
  return `
CREATE TABLE IF NOT EXISTS models (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS links (
  id TEXT PRIMARY KEY,
  model_id TEXT NOT NULL,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS links_model ON links (model_id);
CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY,
  model_id TEXT NOT NULL,
  snapshot ${d.bytes},
  snapshot_seq ${d.bigint} NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_model ON documents (model_id);
CREATE TABLE IF NOT EXISTS updates (
  seq ${d.serialKey},
  document_name TEXT NOT NULL,
  data ${d.bytes} NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_document ON updates (document_name, seq);
`;
}
