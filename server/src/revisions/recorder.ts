import type { Role } from "@logic-canvas/shared";
import { errorText, type Logger } from "../runtime/logger.ts";
import type { ActivityRecord, Actor, Store } from "../storage/types.ts";
import { newVersionId } from "../versions/ids.ts";
import { PendingReasons } from "./pending-reasons.ts";
import type { SubjectChange } from "./summary.ts";

/** A reason sent before the change it explains waits this long for it. */
export const REASON_WINDOW_MS = 60_000;
const FLUSH_EVERY_MS = 1_000;

/** Who made a change, as the revision log keeps it. */
export interface ChangeAuthor {
  /** Merge key: the person id, or the link for a connection that named nobody. */
  key: string;
  by: Actor & { role: Role };
}

/** A server-side rewrite of the whole graph (restore, API replace): one entry, never merged. */
export interface Rewrite {
  action: "restore" | "replace";
  version?: { id: string; label: string };
}

interface PendingReason {
  reason: string;
  until: number;
  author: ChangeAuthor;
}

/** A reason refused because its author has too many waiting for their change. */
export class TooManyPendingReasons extends Error {
  constructor() {
    super("too many reasons wait for their change");
  }
}

const openKey = (modelId: string, byKey: string, subjectId: string | null) =>
  `${modelId}\u0000${byKey}\u0000${subjectId ?? ""}`;

/**
 * The revision log: who changed what, merged per person per subject over short bursts (typing a
 * title is one entry, not forty). Entries live in memory while their burst is open and are written
 * to the store at most once a second, so the edit path never waits on the log; a crash loses at
 * most that second of log, never an edit.
 */
export class ActivityRecorder {
  private readonly open = new Map<string, ActivityRecord>();
  private readonly dirty = new Set<ActivityRecord>();
  private readonly reasons = new PendingReasons<PendingReason>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly mergeMs: number,
  ) {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  /** `reason`: the change's "why", known as it is made (an accepted café proposal's theme). */
  record(
    modelId: string,
    author: ChangeAuthor,
    changes: SubjectChange[],
    rewrite?: Rewrite,
    reason?: string,
  ): void {
    if (changes.length === 0) return;
    const now = Date.now();
    const at = new Date(now).toISOString();
    if (rewrite) {
      const count = (test: (c: SubjectChange) => boolean) => changes.filter(test).length;
      this.markDirty(
        this.entry(modelId, author, "model", null, at, {
          action: rewrite.action,
          ...(rewrite.version ? { version: rewrite.version } : {}),
          added: false,
          removed: false,
          fields: [],
          counts: {
            nodesAdded: count((c) => c.subject === "node" && c.added),
            nodesRemoved: count((c) => c.subject === "node" && c.removed),
            nodesChanged: count((c) => c.subject === "node" && !c.added && !c.removed),
            linksAdded: count((c) => c.subject === "link" && c.added),
            linksRemoved: count((c) => c.subject === "link" && c.removed),
          },
        }),
      );
      return;
    }
    for (const change of changes) {
      const key = openKey(modelId, author.key, change.subjectId);
      let entry = this.open.get(key);
      // A change made with its reason is an entry of its own, never merged with another edit.
      const apart = reason !== undefined;
      if (
        !entry ||
        apart ||
        entry.subject !== change.subject ||
        now - Date.parse(entry.at) > this.mergeMs
      ) {
        entry = this.entry(modelId, author, change.subject, change.subjectId, at, {
          added: false,
          removed: false,
          fields: [],
        });
        this.open.set(key, entry);
      }
      mergeInto(entry, change, at, author);
      if (apart) {
        entry.reason = reason;
        this.open.delete(key);
      }
      const pending = this.reasons.get(key);
      if (pending) {
        entry.reason = pending.reason;
        this.reasons.delete(key);
      }
      this.markDirty(entry);
    }
  }

  /**
   * Attaches "why revised" to the person's latest entry for the card if it is at most a minute
   * old, or else to their next change of it within a minute. Returns the entry id, or null when
   * the reason waits for the change; throws `TooManyPendingReasons` when the person already has
   * the most reasons waiting that one person may.
   */
  async attachReason(
    modelId: string,
    author: ChangeAuthor,
    nodeId: string,
    reason: string,
  ): Promise<string | null> {
    const now = Date.now();
    const key = openKey(modelId, author.key, nodeId);
    const recent = (entry: ActivityRecord | undefined) =>
      entry && entry.subject === "node" && now - Date.parse(entry.at) <= REASON_WINDOW_MS
        ? entry
        : undefined;
    let entry = recent(this.open.get(key));
    if (!entry) {
      await this.flushing;
      entry = recent(await this.store.latestActivity(modelId, author.key, nodeId));
    }
    if (entry) {
      entry.reason = reason;
      this.markDirty(entry);
      await this.flush();
      return entry.id;
    }
    if (!this.reasons.set(key, { reason, until: now + REASON_WINDOW_MS, author }))
      throw new TooManyPendingReasons();
    return null;
  }

  private entry(
    modelId: string,
    author: ChangeAuthor,
    subject: ActivityRecord["subject"],
    subjectId: string | null,
    at: string,
    summary: Record<string, unknown>,
  ): ActivityRecord {
    return {
      id: newVersionId(),
      modelId,
      startedAt: at,
      at,
      by: { ...author.by },
      byKey: author.key,
      subject,
      subjectId,
      summary,
      reason: null,
    };
  }

  private markDirty(entry: ActivityRecord): void {
    this.dirty.add(entry);
  }

  /** A reason whose change never came is kept as an entry of its own rather than dropped. */
  private expireReasons(now: number): void {
    for (const [key, pending] of this.reasons.entries()) {
      if (pending.until > now) continue;
      this.reasons.delete(key);
      const [modelId = "", , nodeId = ""] = key.split("\u0000");
      const entry = this.entry(
        modelId,
        pending.author,
        "node",
        nodeId,
        new Date(now).toISOString(),
        {
          added: false,
          removed: false,
          fields: [],
        },
      );
      entry.reason = pending.reason;
      this.markDirty(entry);
    }
  }

  /** Writes every entry that changed since the last flush. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const now = Date.now();
      this.expireReasons(now);
      const batch = [...this.dirty].map((entry) => ({
        ...entry,
        by: { ...entry.by },
        summary: structuredClone(entry.summary),
      }));
      this.dirty.clear();
      for (const [key, entry] of this.open) {
        if (now - Date.parse(entry.at) > Math.max(this.mergeMs, REASON_WINDOW_MS))
          this.open.delete(key);
      }
      if (batch.length === 0) return;
      try {
        await this.store.saveActivity(batch);
      } catch (error) {
        this.logger.error("activity-save-failed", {
          entries: batch.length,
          error: errorText(error),
        });
      }
    });
    return this.flushing;
  }

  /** Drops what is held for a deleted model. */
  forgetModel(modelId: string): void {
    const prefix = `${modelId}\u0000`;
    for (const key of this.open.keys()) if (key.startsWith(prefix)) this.open.delete(key);
    this.reasons.forgetModel(modelId);
    for (const entry of this.dirty) if (entry.modelId === modelId) this.dirty.delete(entry);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    for (const [, pending] of this.reasons.entries()) pending.until = 0;
    await this.flush();
  }
}

function mergeInto(
  entry: ActivityRecord,
  change: SubjectChange,
  at: string,
  author: ChangeAuthor,
): void {
  const summary = entry.summary as {
    added: boolean;
    removed: boolean;
    fields: string[];
    title?: string;
  };
  summary.added ||= change.added;
  summary.removed ||= change.removed;
  // A burst repeats the same fields (a drag writes `position` every move): nothing to re-sort.
  if (change.fields.some((field) => !summary.fields.includes(field))) {
    const fields = new Set([...summary.fields, ...change.fields]);
    summary.fields = [...fields].sort();
  }
  if (change.title !== undefined) summary.title = change.title;
  entry.at = at;
  entry.by.name = author.by.name;
}
