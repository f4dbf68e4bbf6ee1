import { DIGEST_FREQUENCIES, type DigestFrequency, NOTIFICATION_KINDS } from "@logic-canvas/shared";
import type {
  DigestSettingsRecord,
  NotificationRecord,
  NotificationStore,
} from "./notifications-types.ts";
import type { SqlRunner } from "./workspace-sql.ts";

/**
 * The inbox (issue 18), in SQL both stores run as written: one row per item a person got, and one
 * row per person who chose an email digest. `person_id` is an account's person id or a browser
 * person's (never a secret); `(person_id, dedupe_key)` is unique so one event rings once.
 * Items go with their model; settings stay with the person.
 */
export const NOTIFICATIONS_SCHEMA = `
CREATE TABLE IF NOT EXISTS notifications (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL,
  dedupe_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  model_id TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT,
  UNIQUE (person_id, dedupe_key)
);
CREATE INDEX IF NOT EXISTS notifications_person ON notifications (person_id, created_at);
CREATE INDEX IF NOT EXISTS notifications_model ON notifications (model_id);
CREATE TABLE IF NOT EXISTS notification_settings (
  person_id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  digest TEXT NOT NULL,
  last_digest_at TEXT
);
`;

/** Run inside each store's deletion of a model. */
export const DELETE_MODEL_NOTIFICATIONS = "DELETE FROM notifications WHERE model_id = ?";

interface NotificationRow {
  id: string;
  person_id: string;
  dedupe_key: string;
  kind: string;
  model_id: string;
  body: string;
  created_at: string;
  read_at: string | null;
}

interface SettingsRow {
  person_id: string;
  email: string;
  digest: string;
  last_digest_at: string | null;
}

const kindOf = (kind: string) =>
  NOTIFICATION_KINDS.find((k) => k === kind) ?? NOTIFICATION_KINDS[0];
const digestOf = (digest: string): DigestFrequency =>
  DIGEST_FREQUENCIES.find((d) => d === digest) ?? "off";

const toRecord = (r: NotificationRow): NotificationRecord => ({
  id: r.id,
  personId: r.person_id,
  dedupeKey: r.dedupe_key,
  kind: kindOf(r.kind),
  modelId: r.model_id,
  body: r.body,
  createdAt: r.created_at,
  readAt: r.read_at,
});

const toSettings = (r: SettingsRow): DigestSettingsRecord => ({
  personId: r.person_id,
  email: r.email,
  digest: digestOf(r.digest),
  lastDigestAt: r.last_digest_at,
});

/** The inbox contract over either store's runner. */
export class SqlNotifications implements NotificationStore {
  /** Newest first, ids compared bytewise in both stores. */
  private readonly newest: string;

  constructor(
    private readonly db: SqlRunner,
    dialect: "sqlite" | "postgres",
  ) {
    this.newest =
      dialect === "postgres"
        ? 'created_at COLLATE "C" DESC, id COLLATE "C" DESC'
        : "created_at DESC, id DESC";
  }

  async add(records: NotificationRecord[], perInbox: number): Promise<string[]> {
    const reached = new Set<string>();
    for (const r of records) {
      // An item for a model deleted meanwhile must not leave a row behind.
      const added = await this.db.run(
        `INSERT INTO notifications (id, person_id, dedupe_key, kind, model_id, body, created_at, read_at)
         SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM models WHERE id = ?)
         ON CONFLICT (person_id, dedupe_key) DO NOTHING`,
        [
          r.id,
          r.personId,
          r.dedupeKey,
          r.kind,
          r.modelId,
          r.body,
          r.createdAt,
          r.readAt,
          r.modelId,
        ],
      );
      if (added > 0) reached.add(r.personId);
    }
    for (const personId of reached) {
      await this.db.run(
        `DELETE FROM notifications WHERE person_id = ? AND id NOT IN (
           SELECT id FROM notifications WHERE person_id = ? ORDER BY ${this.newest} LIMIT ?)`,
        [personId, personId, perInbox],
      );
    }
    return [...reached];
  }

  async list(personId: string, limit: number): Promise<NotificationRecord[]> {
    const rows = await this.db.all<NotificationRow>(
      `SELECT * FROM notifications WHERE person_id = ? ORDER BY ${this.newest} LIMIT ?`,
      [personId, limit],
    );
    return rows.map(toRecord);
  }

  async unreadCount(personId: string): Promise<number> {
    const rows = await this.db.all<{ n: number | string }>(
      "SELECT COUNT(*) AS n FROM notifications WHERE person_id = ? AND read_at IS NULL",
      [personId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async unreadSince(personId: string, since: string | null, limit: number) {
    const rows = await this.db.all<NotificationRow>(
      `SELECT * FROM notifications WHERE person_id = ? AND read_at IS NULL AND created_at > ?
       ORDER BY created_at, id LIMIT ?`,
      [personId, since ?? "", limit],
    );
    return rows.map(toRecord);
  }

  async markRead(personId: string, ids: readonly string[], at: string): Promise<number> {
    let changed = 0;
    for (const id of new Set(ids)) {
      changed += await this.db.run(
        "UPDATE notifications SET read_at = ? WHERE person_id = ? AND id = ? AND read_at IS NULL",
        [at, personId, id],
      );
    }
    return changed;
  }

  async markAllRead(personId: string, at: string): Promise<number> {
    return this.db.run(
      "UPDATE notifications SET read_at = ? WHERE person_id = ? AND read_at IS NULL",
      [at, personId],
    );
  }

  async getSettings(personId: string): Promise<DigestSettingsRecord | undefined> {
    const rows = await this.db.all<SettingsRow>(
      "SELECT * FROM notification_settings WHERE person_id = ?",
      [personId],
    );
    return rows[0] && toSettings(rows[0]);
  }

  async setSettings(personId: string, email: string, digest: DigestFrequency, at: string) {
    await this.db.run(
      `INSERT INTO notification_settings (person_id, email, digest, last_digest_at)
       VALUES (?, ?, ?, ?)
       ON CONFLICT (person_id) DO UPDATE SET email = excluded.email, digest = excluded.digest,
         last_digest_at = excluded.last_digest_at`,
      [personId, email, digest, at],
    );
  }

  async digestSubscribers(): Promise<DigestSettingsRecord[]> {
    const rows = await this.db.all<SettingsRow>(
      "SELECT * FROM notification_settings WHERE digest <> 'off' ORDER BY person_id",
      [],
    );
    return rows.map(toSettings);
  }

  async claimDigest(personId: string, expected: string | null, at: string): Promise<boolean> {
    const changed =
      expected === null
        ? await this.db.run(
            `UPDATE notification_settings SET last_digest_at = ?
             WHERE person_id = ? AND digest <> 'off' AND last_digest_at IS NULL`,
            [at, personId],
          )
        : await this.db.run(
            `UPDATE notification_settings SET last_digest_at = ?
             WHERE person_id = ? AND digest <> 'off' AND last_digest_at = ?`,
            [at, personId, expected],
          );
    return changed > 0;
  }
}
