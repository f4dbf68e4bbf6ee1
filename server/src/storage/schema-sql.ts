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

/**
 * Columns `links` gained after its first release: each store adds those an older database lacks
 * when it opens (SQLite by reading its table info, PostgreSQL with ADD COLUMN IF NOT EXISTS), so
 * an existing data folder or database keeps working and its old links read as unlabelled,
 * never-expiring and without a copyable URL.
 *
 * `token` keeps the link's token beside its hash so that every listed link can be copied again
 * from the Share dialog (the issue asks for that; showing a URL only once at creation leaves an
 * owner who lost it nothing but "create another"). The cost: whoever reads the database (a
 * backup, a stolen disk) can now use the links, not only read the models. That reader already
 * has every model's content, comments and votes, so what is added is the power to write through
 * editor and owner links; revoking or expiring links limits it, and lookups still go by hash.
 */
export const LINK_ADDED_COLUMNS = [
  { name: "token", type: "TEXT" },
  { name: "label", type: "TEXT" },
  { name: "expires_at", type: "TEXT" },
] as const;

export const POSTGRES_LINK_MIGRATION = LINK_ADDED_COLUMNS.map(
  (c) => `ALTER TABLE links ADD COLUMN IF NOT EXISTS ${c.name} ${c.type};`,
).join("\n");
