import type { Document, Extension, RedisTransactionOrigin } from "@hocuspocus/server";
import * as Y from "yjs";
import { errorText, type Logger } from "../runtime/logger.ts";
import type { Store } from "../storage/types.ts";

interface Tracked {
  document: Document;
  /** The snapshot sequence last applied from the store; null before the first resync. */
  snapshotSeq: number | null;
}

/**
 * Redis pub/sub delivers at most once: a message published while a subscriber is reconnecting is
 * gone. Every accepted update is in the store before it is acknowledged, whichever process took
 * it, so the store is what a process catches up from: it applies the stored snapshot (when it
 * changed) and the updates logged after it to each live document. Yjs ignores what a document
 * already holds, so this is a no-op when nothing was missed, and a missed deletion is applied
 * too, which a state-vector comparison alone would not reveal.
 *
 * The origin is Hocuspocus's Redis origin, so the other extensions treat these like relayed
 * updates: not appended again (they are stored), not validated as a client write, not recorded
 * in the revision log (the process that took them does that), and not published back to Redis.
 * Like any relayed change they restart the model's quiet time for automatic versions, which one
 * process claims (versions/service.ts).
 */
export class StoreResync {
  private readonly docs = new Map<string, Tracked>();
  private running: Promise<number> | null = null;
  private queued: Promise<number> | null = null;
  /** Resync passes completed, for tests and diagnostics. */
  passes = 0;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly origin: RedisTransactionOrigin,
  ) {}

  extension(): Extension {
    return {
      extensionName: "store-resync",
      afterLoadDocument: async ({ documentName, document }) => {
        this.docs.set(documentName, { document, snapshotSeq: null });
      },
      afterUnloadDocument: async ({ documentName }) => {
        if (this.docs.get(documentName)?.document.isDestroyed) this.docs.delete(documentName);
      },
    };
  }

  /** Applies what the store holds for one live document; returns whether anything was new. */
  async resync(name: string): Promise<boolean> {
    const tracked = this.docs.get(name);
    if (!tracked || tracked.document.isDestroyed) return false;
    const stored = await this.store.loadDocument(name);
    // Deleted: the control channel (or the link check) closes its connections.
    if (!stored || tracked.document.isDestroyed) return false;
    const { document } = tracked;
    let changed = false;
    const mark = () => {
      changed = true;
    };
    document.on("update", mark);
    try {
      document.transact(() => {
        if (stored.snapshot && stored.snapshotSeq !== tracked.snapshotSeq) {
          Y.applyUpdate(document, stored.snapshot);
        }
        for (const update of stored.updates) Y.applyUpdate(document, update.data);
      }, this.origin);
    } finally {
      document.off("update", mark);
    }
    tracked.snapshotSeq = stored.snapshotSeq;
    if (changed) this.logger.info("resync-applied", { document: name });
    return changed;
  }

  /**
   * One pass over every live document. A call during a pass queues one more pass after it, since
   * the pass in flight may have read a document before whatever prompted the call.
   */
  resyncAll(): Promise<number> {
    if (this.running) {
      this.queued ??= this.running.then(() => {
        this.queued = null;
        return this.resyncAll();
      });
      return this.queued;
    }
    this.running = (async () => {
      let changed = 0;
      for (const name of [...this.docs.keys()]) {
        try {
          if (await this.resync(name)) changed += 1;
        } catch (error) {
          this.logger.warn("resync-failed", { document: name, error: errorText(error) });
        }
      }
      this.passes += 1;
      return changed;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Waits for a pass in flight. */
  async stop(): Promise<void> {
    await this.running?.catch(() => undefined);
  }
}
