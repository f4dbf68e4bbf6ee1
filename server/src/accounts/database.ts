import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { BetterAuthOptions } from "better-auth";
import Database from "better-sqlite3";
import { SqliteDialect } from "kysely";
import pg from "pg";

/**
 * The accounts' own connection to the models' database: the same SQLite file (a second
 * connection, as WAL allows) or the same PostgreSQL database and schema. better-auth's Kysely
 * adapter takes it as it is; `settings` is a small key-value table beside better-auth's tables
 * for what the instance keeps once (its cookie secret, its first-run answer).
 */
export interface AccountsDatabase {
  /** What better-auth's `database` option takes. */
  readonly handle: BetterAuthOptions["database"];
  readonly kind: "sqlite" | "postgres";
  getSetting(key: string): Promise<string | undefined>;
  /** Stores `value` under `key` unless the key is taken; says whether this call stored it. */
  claimSetting(key: string, value: string): Promise<boolean>;
  putSetting(key: string, value: string): Promise<void>;
  deleteSetting(key: string): Promise<void>;
  /** Accounts there are (better-auth's user table). */
  countAccounts(): Promise<number>;
  /** Runs `work` alone among processes that share this database (migrations at startup). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const TABLES = {
  user: "auth_user",
  session: "auth_session",
  account: "auth_account",
  verification: "auth_verification",
  settings: "instance_settings",
} as const;

const SETTINGS_DDL = `CREATE TABLE IF NOT EXISTS ${TABLES.settings} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`;

export function openSqliteAccounts(file: string): AccountsDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.exec(SETTINGS_DDL);
  const get = db.prepare(`SELECT value FROM ${TABLES.settings} WHERE key = ?`);
  const claim = db.prepare(
    `INSERT INTO ${TABLES.settings} (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`,
  );
  const put = db.prepare(
    `INSERT INTO ${TABLES.settings} (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const remove = db.prepare(`DELETE FROM ${TABLES.settings} WHERE key = ?`);
  return {
    // No transactions on this connection. better-auth holds one open across awaits (a sign-up's
    // password hashing), and on a second connection to the store's file that cannot end well: if
    // the store commits an edit meanwhile, the sign-up's first write finds its snapshot stale and
    // fails at once (422 FAILED_TO_CREATE_USER; busy_timeout does not apply), and once it holds
    // the write lock, the store's synchronous writes wait on it while blocking the very event loop
    // that would release it, then fail. Each statement commits alone, holding the lock only
    // for its own synchronous call; PostgreSQL keeps its transactions.
    handle: { dialect: new SqliteDialect({ database: db }), type: "sqlite", transaction: false },
    kind: "sqlite",
    getSetting: async (key) => (get.get(key) as { value: string } | undefined)?.value,
    claimSetting: async (key, value) => claim.run(key, value).changes === 1,
    putSetting: async (key, value) => void put.run(key, value),
    deleteSetting: async (key) => void remove.run(key),
    countAccounts: async () =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${TABLES.user}`).get() as { n: number }).n,
    // One process opens a SQLite file for writing at a time here (the models' store rules it).
    exclusive: (work) => work(),
    close: async () => void db.close(),
  };
}

/** An arbitrary fixed key for the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 715_001;

export async function openPostgresAccounts(
  url: string,
  schema: string | undefined,
): Promise<AccountsDatabase> {
  const quoted = schema === undefined ? undefined : `"${schema.replace(/"/g, '""')}"`;
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    ...(quoted ? { options: `-c search_path=${quoted}` } : {}),
  });
  pool.on("error", () => {});
  await pool.query(SETTINGS_DDL);
  const one = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows;
  return {
    handle: pool,
    kind: "postgres",
    getSetting: async (key) =>
      (await one(`SELECT value FROM ${TABLES.settings} WHERE key = $1`, [key]))[0]?.value,
    claimSetting: async (key, value) =>
      (
        await pool.query(
          `INSERT INTO ${TABLES.settings} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
          [key, value],
        )
      ).rowCount === 1,
    putSetting: async (key, value) =>
      void (await pool.query(
        `INSERT INTO ${TABLES.settings} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [key, value],
      )),
    deleteSetting: async (key) =>
      void (await pool.query(`DELETE FROM ${TABLES.settings} WHERE key = $1`, [key])),
    countAccounts: async () =>
      Number((await one(`SELECT COUNT(*) AS n FROM ${TABLES.user}`, []))[0]?.n ?? 0),
    exclusive: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
        return await work();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
        client.release();
      }
    },
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}
