import { migrateDoc, readModelTitle, UnreadableLayoutError } from "@logic-canvas/shared";
import * as Y from "yjs";
import { CloseError } from "../runtime/close-reasons.ts";
import { errorText, type Logger } from "../runtime/logger.ts";
import type { Store } from "../storage/types.ts";
import { parseDocName } from "./doc-names.ts";
import { recoverStored } from "./recovery.ts";

interface DocState {
  /** The document's model, read from its name once rather than on every append. */
  modelId: string | undefined;
  /** Appends in flight, so an API change can wait until its update is on disk. */
  pending: Set<Promise<unknown>>;
  appendedSinceCompaction: number;
  compacting: Promise<void> | null;
}

/** Builds a document from what the store holds; throws if any stored part cannot be read. */
export function applyStored(
  doc: Y.Doc,
  stored: { snapshot: Uint8Array | null; updates: { data: Uint8Array }[] },
): void {
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update.data);
  });
}

/** Stored updates applied per turn by a compaction (a drag's are ~100 bytes each). */
const UPDATES_PER_TURN = 200;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `applyStored` for a compaction: the snapshot, then the log a slice per turn. */
async function applyStoredInTurns(
  doc: Y.Doc,
  stored: { snapshot: Uint8Array | null; updates: { data: Uint8Array }[] },
): Promise<void> {
  if (stored.snapshot) {
    await nextTurn();
    Y.applyUpdate(doc, stored.snapshot);
  }
  for (let from = 0; from < stored.updates.length; from += UPDATES_PER_TURN) {
    await nextTurn();
    applyStored(doc, {
      snapshot: null,
      updates: stored.updates.slice(from, from + UPDATES_PER_TURN),
    });
  }
}

/**
 * A stored document that can never be loaded as it is (not a passing storage failure): refused
 * with the reason, so the page offers its recovery (restore a version, import a file).
 */
export function unreadable(why: string, kind: "graph" | "review" = "graph"): CloseError {
  const what = kind === "graph" ? "This model's saved data" : "This model's comments and votes";
  return new CloseError("document-unreadable", `${what} can't be opened: ${why}.`);
}

/**
 * The durable update log: every accepted update is appended before it is acknowledged, and the
 * log is folded into a snapshot in the background. A compaction merges only what the store holds
 * (never the live document), so a document that failed to load can never be written over.
 */
export class DocumentPersistence {
  private readonly docs = new Map<string, DocState>();
  private readonly deletedModels = new Set<string>();
  private closed = false;
  /**
   * Told of each graph document compacted here, with the document decoded and the sequence number
   * its snapshot now ends at (the canvas snapshot's cache reads it then: http/canvas-snapshots.ts).
   * Compactions only, never an edit.
   */
  onGraphCompacted: ((modelId: string, doc: Y.Doc, seq: number) => void) | undefined;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly compactAfterUpdates: number,
  ) {}

  private state(name: string): DocState {
    let state = this.docs.get(name);
    if (!state) {
      state = {
        modelId: parseDocName(name)?.modelId,
        pending: new Set(),
        appendedSinceCompaction: 0,
        compacting: null,
      };
      this.docs.set(name, state);
    }
    return state;
  }

  /** Loads a document into `doc`; refuses (throws) rather than serving an empty document. */
  async load(name: string, doc: Y.Doc): Promise<void> {
    const parsed = parseDocName(name);
    if (!parsed || this.deletedModels.has(parsed.modelId)) throw new CloseError("model-deleted");
    let stored: Awaited<ReturnType<Store["loadDocument"]>>;
    try {
      stored = await this.store.loadDocument(name);
    } catch (error) {
      this.logger.error("document-load-failed", { document: name, error: errorText(error) });
      throw new CloseError("storage-error");
    }
    if (!stored) throw new CloseError("model-deleted");
    try {
      applyStored(doc, stored);
    } catch (error) {
      this.logger.error("document-corrupt", { document: name, error: errorText(error) });
      throw unreadable("a change stored with it cannot be read", parsed.kind);
    }
    const state = this.state(name);
    state.appendedSinceCompaction = stored.updates.length;
    if (parsed.kind === "graph") await this.migrate(name, doc);
  }

  private async migrate(name: string, doc: Y.Doc): Promise<void> {
    const updates: Uint8Array[] = [];
    const capture = (update: Uint8Array) => updates.push(update);
    doc.on("update", capture);
    try {
      migrateDoc(doc, "migration");
    } catch (error) {
      this.logger.error("document-unreadable", { document: name, error: errorText(error) });
      if (error instanceof UnreadableLayoutError) throw unreadable(error.message);
      throw new CloseError("storage-error");
    } finally {
      doc.off("update", capture);
    }
    for (const update of updates) await this.append(name, update);
  }

  /**
   * Recovery of a stored document that cannot be loaded (see `unreadable`): `write` makes the new
   * content, and it goes straight to the store, never through a live document or a migration, on
   * top of what of the stored state still reads (recovery.ts says why). A log that does not read
   * whole is replaced by what does, unless another process compacted it meanwhile: then look again.
   */
  async overwriteStored(name: string, write: (doc: Y.Doc) => void): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const stored = await this.store.loadDocument(name);
      if (!stored) throw new CloseError("model-deleted");
      const recovery = recoverStored(name, stored, write);
      if (recovery.replaceLogWith) {
        const uptoSeq = stored.updates[stored.updates.length - 1]?.seq ?? stored.snapshotSeq;
        const replaced = await this.store.compactDocument(
          name,
          stored.snapshotSeq,
          uptoSeq,
          recovery.replaceLogWith,
        );
        if (!replaced) continue;
        this.logger.info("document-log-replaced", { document: name, dropped: recovery.dropped });
      }
      await this.append(name, recovery.update);
      return;
    }
    throw new CloseError("storage-error");
  }

  /** Resolves once the update is on disk. */
  append(name: string, update: Uint8Array): Promise<number> {
    if (this.closed) return Promise.reject(new CloseError("server-shutdown"));
    const modelId = this.docs.get(name)?.modelId ?? parseDocName(name)?.modelId;
    if (!modelId || this.deletedModels.has(modelId)) {
      return Promise.reject(new CloseError("model-deleted"));
    }
    const state = this.state(name);
    const write = this.store.appendUpdate(name, update);
    state.pending.add(write);
    const settle = () => state.pending.delete(write);
    write.then(settle, settle);
    state.appendedSinceCompaction += 1;
    if (state.appendedSinceCompaction >= this.compactAfterUpdates) this.scheduleCompaction(name);
    return write;
  }

  /** Appends a server-side change (API edit, restore); `flush` waits for it. */
  appendInBackground(name: string, update: Uint8Array): void {
    this.append(name, update).catch((error) => {
      this.logger.error("append-failed", { document: name, error: errorText(error) });
    });
  }

  /** Waits for the appends in flight; rejects if one of them failed. */
  async flush(name?: string): Promise<void> {
    const states = name ? [this.docs.get(name)] : [...this.docs.values()];
    await Promise.all(states.flatMap((s) => (s ? [...s.pending] : [])));
  }

  scheduleCompaction(name: string): void {
    const state = this.state(name);
    if (state.compacting || this.closed) return;
    state.appendedSinceCompaction = 0;
    state.compacting = new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        await this.compact(name);
      })
      .catch((error) =>
        this.logger.error("compaction-failed", { document: name, error: errorText(error) }),
      )
      .finally(() => {
        state.compacting = null;
      });
  }

  /**
   * Folds the stored log into the snapshot; a no-op when another process compacted first. It runs
   * beside live editing, so its work is cut into turns of the event loop (reading, applying the
   * log a slice at a time, encoding, writing, the listeners): in one turn it held every edit of
   * every model for 15-45 ms. Appends made meanwhile come after `uptoSeq` and stay in the log.
   */
  async compact(name: string): Promise<boolean> {
    const stored = await this.store.loadDocument(name);
    if (!stored || stored.updates.length === 0) return false;
    const doc = new Y.Doc();
    try {
      await applyStoredInTurns(doc, stored);
      const snapshot = Y.encodeStateAsUpdate(doc);
      await nextTurn();
      const uptoSeq = stored.updates[stored.updates.length - 1]?.seq ?? stored.snapshotSeq;
      const done = await this.store.compactDocument(name, stored.snapshotSeq, uptoSeq, snapshot);
      const parsed = parseDocName(name);
      if (done && parsed?.kind === "graph") {
        await this.store.updateModelTitle(parsed.modelId, readModelTitle(doc), stored.updatedAt);
        await nextTurn();
        this.graphCompacted(parsed.modelId, doc, uptoSeq);
      }
      this.logger.debug("compacted", { document: name, updates: stored.updates.length, done });
      return done;
    } finally {
      doc.destroy();
    }
  }

  private graphCompacted(modelId: string, doc: Y.Doc, seq: number): void {
    try {
      this.onGraphCompacted?.(modelId, doc, seq);
    } catch (error) {
      // What is read from a compaction is a cache: its failure leaves the compaction done.
      this.logger.warn("compaction-listener-failed", { modelId, error: errorText(error) });
    }
  }

  /** Called when a document leaves memory: compact what it appended. */
  unloaded(name: string): void {
    const state = this.docs.get(name);
    if (!state) return;
    if (state.appendedSinceCompaction > 0) this.scheduleCompaction(name);
    const forget = () => {
      if (state.pending.size === 0 && !state.compacting) this.docs.delete(name);
    };
    state.compacting ? state.compacting.then(forget) : forget();
  }

  markModelDeleted(modelId: string): void {
    this.deletedModels.add(modelId);
  }

  async close(): Promise<void> {
    await this.flush().catch(() => undefined);
    await Promise.allSettled([...this.docs.values()].map((s) => s.compacting));
    this.closed = true;
  }
}
