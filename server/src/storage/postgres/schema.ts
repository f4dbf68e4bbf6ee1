/**
 * Tables of the PostgreSQL store. Times are ISO strings (TEXT) as in SQLite, so both stores
 * compare and return them identically; updates are bytea. `seq` is global and only grows, and
 * appends to one document are serialised on its row (see store.ts), so within a document the
 * order of `seq` is the order of commits.
 */
export const SCHEMA_SQL = `
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
  snapshot BYTEA,
  snapshot_seq BIGINT NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_model ON documents (model_id);
CREATE TABLE IF NOT EXISTS updates (
  seq BIGSERIAL PRIMARY KEY,
  document_name TEXT NOT NULL,
  data BYTEA NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_document ON updates (document_name, seq);
`;

/** A schema name safe to splice into DDL (identifiers cannot be bound as parameters). */
export const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export function quoteSchemaName(name: string): string {
  if (!SCHEMA_NAME_PATTERN.test(name)) {
    throw new Error(
      `PostgreSQL schema name must match ${SCHEMA_NAME_PATTERN} (lowercase letters, digits, _), got "${name}"`,
    );
  }
  return `"${name}"`;
}
