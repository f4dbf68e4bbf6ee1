/** The storage contract for the inbox and digest settings (notifications-sql.ts, both stores). */

import type { DigestFrequency, NotificationKind } from "@logic-canvas/shared";

export interface NotificationRecord {
  /** The server's own id (a random UUID). */
  id: string;
  /** Whose inbox: an account's person id, or a browser person's id (identity.ts). */
  personId: string;
  /**
   * What makes it one event for this person (a mention of message m: `mention:<model>:<m>`): a
   * second record with the same key for the same person is dropped, so a replayed or relayed
   * change never rings twice.
   */
  dedupeKey: string;
  kind: NotificationKind;
  modelId: string;
  /** The item as the inbox shows it (who, words, where), JSON. */
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface DigestSettingsRecord {
  personId: string;
  email: string;
  digest: DigestFrequency;
  /** When the last digest was sent, or the setting last chosen (ISO); null for never. */
  lastDigestAt: string | null;
}

export interface NotificationStore {
  /**
   * Adds the records (those whose model no longer exists, or whose person already has one with
   * the key, are dropped), then trims each person's inbox to its newest `perInbox` items.
   * Resolves with the person ids that got something new.
   */
  add(records: NotificationRecord[], perInbox: number): Promise<string[]>;
  /** A person's newest items first (by time, then id), at most `limit`. */
  list(personId: string, limit: number): Promise<NotificationRecord[]>;
  unreadCount(personId: string): Promise<number>;
  /** Unread items created after `since` (all unread for null), oldest first, at most `limit`. */
  unreadSince(personId: string, since: string | null, limit: number): Promise<NotificationRecord[]>;
  /** Marks those of `ids` that are this person's and unread; resolves with how many changed. */
  markRead(personId: string, ids: readonly string[], at: string): Promise<number>;
  markAllRead(personId: string, at: string): Promise<number>;

  getSettings(personId: string): Promise<DigestSettingsRecord | undefined>;
  /** Chooses a frequency (and the address), starting the period afresh from `at`. */
  setSettings(personId: string, email: string, digest: DigestFrequency, at: string): Promise<void>;
  /** Everyone who chose a digest (not `off`). */
  digestSubscribers(): Promise<DigestSettingsRecord[]>;
  /**
   * Claims the digest due for this person: moves `lastDigestAt` from `expected` to `at`, and
   * resolves false (changing nothing) when another process, or an unsubscribe, got there first.
   */
  claimDigest(personId: string, expected: string | null, at: string): Promise<boolean>;
}
