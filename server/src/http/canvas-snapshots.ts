import type { Hocuspocus } from "@hocuspocus/server";
import { readCanvasSnapshot, readCanvasSnapshotAnswer } from "@logic-canvas/shared";
import * as Y from "yjs";
import { graphDocName } from "../documents/doc-names.ts";
import { applyStored } from "../documents/persistence.ts";
import { ModelUnavailableError } from "../models/models.ts";
import type { Store, StoredDocument } from "../storage/types.ts";
import { type SummaryWorker, UnreadableDocument } from "./summary-pool.ts";

const MAX_ENTRIES = 100;
/** A 5,000-card model's snapshot is ~0.8 MB of text: the cache keeps at most this many chars. */
const MAX_CHARS = 16_000_000;

/**
 * A stored document's state: its snapshot's sequence number and where its log ends (every change
 * is appended with a higher number). A compaction folds the log into a snapshot of that number.
 */
function keyOf(state: { snapshotSeq: number; lastSeq: number }): string {
  return `stored:${state.snapshotSeq}:${state.lastSeq}`;
}

function storedState(stored: StoredDocument): { snapshotSeq: number; lastSeq: number } {
  return {
    snapshotSeq: stored.snapshotSeq,
    lastSeq: stored.updates.at(-1)?.seq ?? stored.snapshotSeq,
  };
}

/** A new model's state: its document is stored whole at sequence 0 (`ModelService.create`). */
const CREATED_KEY = "stored:0:0";

/**
 * The canvas snapshot of each model (shared `canvas-snapshot.ts`) as JSON text without the
 * caller's role. Kept as text, so a page load costs a string splice, not a serialisation of
 * thousands of cards; the oldest entries go past 100 models or 16 million characters. Calls that
 * arrive while one is computed share it.
 *
 * Nothing here runs per edit (issue 14: the server's path per edit is kept as cheap as a relay):
 * - a stored document's entry is keyed by its state (`keyOf`); it is written when a model is
 *   created (`created`, from the document the creation built) or imported (`prime`) and when a
 *   compaction has the document decoded anyway (`compacted`, under the state the compaction
 *   leaves), so opening a model nobody has open answers from the entry, not by decoding the
 *   document (seconds at 5,000 cards); failing that, it is decoded in the summary worker thread;
 * - every entry written is also kept in the store (`Store.canvasSnapshots`, in the background), so
 *   after a restart the first page load reads it from there instead of decoding the document; a
 *   stored row is used only for the state it was read from, and only when it reads as a snapshot
 *   (a corrupt one is ignored and read anew);
 * - a document this process holds live is read on request (no decoding, a fraction of it), with
 *   no listener on its updates to keep a key.
 */
export class CanvasSnapshots {
  private readonly entries = new Map<string, { key: string; json: string }>();
  private readonly pending = new Map<string, { key: string; work: Promise<string> }>();
  private chars = 0;

  constructor(
    private readonly store: Store,
    private readonly hocuspocus: Hocuspocus,
    private readonly worker: SummaryWorker | undefined,
  ) {}

  /** `{"role":…,"title":…,"masteryGoal":…,"cards":[…],"links":[…]}` for a caller of this role. */
  async json(modelId: string, role: string): Promise<string> {
    const body = await this.read(modelId);
    return `{"role":${JSON.stringify(role)},${body.slice(1)}`;
  }

  /**
   * Computes a model's entry in the background after an import replaced its content, so the next
   * page load finds it, or joins its computation. Failures are the request's to report, not this.
   */
  prime(modelId: string): void {
    this.read(modelId).catch(() => undefined);
  }

  /**
   * A model was just created from `doc` (before anyone opened it): its entry is read from that
   * document now, so its first page load, often at once, neither waits for nor races a decoding
   * of the stored copy (at 5,000 cards that decoding lost to the document's own sync).
   */
  created(modelId: string, doc: Y.Doc): void {
    this.remember(modelId, CREATED_KEY, JSON.stringify(readCanvasSnapshot(doc)));
  }

  /**
   * A compaction folded a graph document's log up to `seq` and has it decoded: its entry is read
   * from it now (a fraction of the decoding the compaction paid for), so the next page load of a
   * model nobody has open answers from the entry.
   */
  compacted(modelId: string, doc: Y.Doc, seq: number): void {
    this.remember(modelId, `stored:${seq}:${seq}`, JSON.stringify(readCanvasSnapshot(doc)));
  }

  private async read(modelId: string): Promise<string> {
    const name = graphDocName(modelId);
    const live = this.hocuspocus.documents.get(name);
    if (live && !live.isLoading) return this.share(modelId, "live", async () => readLive(live));
    // The state alone (one small query) tells whether an entry is current; the document's
    // bytes are read only when it has to be decoded.
    const state = await this.store.documentState(name);
    if (!state) throw new ModelUnavailableError(`model ${modelId} has no graph document`);
    const key = keyOf(state);
    const cached = this.entries.get(modelId);
    if (cached?.key === key) return cached.json;
    return this.share(modelId, key, async () => {
      const kept = await this.fromStore(modelId, key);
      if (kept !== undefined) {
        this.remember(modelId, key, kept, { store: false });
        return kept;
      }
      const stored = await this.store.loadDocument(name);
      if (!stored) throw new ModelUnavailableError(`model ${modelId} has no graph document`);
      const json = await this.fromStoredOffThread(modelId, stored);
      // Kept under the state it was read from, which an edit since the state query moved on.
      this.remember(modelId, keyOf(storedState(stored)), json);
      return json;
    });
  }

  /** The store's row for this state, if it reads as a snapshot; a failed read is no row. */
  private async fromStore(modelId: string, key: string): Promise<string | undefined> {
    const row = await this.store.canvasSnapshots.load(modelId).catch(() => undefined);
    if (row?.key !== key) return undefined;
    return readsAsSnapshot(row.json) ? row.json : undefined;
  }

  /** One computation per model and key at a time; calls meanwhile wait for the same. */
  private async share(modelId: string, key: string, compute: () => Promise<string>) {
    const running = this.pending.get(modelId);
    if (running?.key === key) return running.work;
    const work = compute();
    this.pending.set(modelId, { key, work });
    try {
      return await work;
    } finally {
      if (this.pending.get(modelId)?.work === work) this.pending.delete(modelId);
    }
  }

  /** In the worker thread when one runs; on this thread otherwise. */
  private async fromStoredOffThread(
    modelId: string,
    stored: Parameters<typeof applyStored>[1] | undefined,
  ): Promise<string> {
    const updates = stored
      ? [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates.map((u) => u.data)]
      : [];
    const job = this.worker?.snapshot(updates);
    if (job) {
      try {
        return await job;
      } catch (error) {
        if (error instanceof UnreadableDocument)
          throw new ModelUnavailableError(`model ${modelId} could not be read: ${error.message}`);
        // The worker could not run: read it here.
      }
    }
    return JSON.stringify(fromStored(modelId, stored));
  }

  forget(modelId: string): void {
    this.chars -= this.entries.get(modelId)?.json.length ?? 0;
    this.entries.delete(modelId);
  }

  private remember(modelId: string, key: string, json: string, options = { store: true }): void {
    // A cache kept across restarts: a failed write only costs a decoding after the next one.
    if (options.store) this.store.canvasSnapshots.save(modelId, key, json).catch(() => undefined);
    this.forget(modelId);
    this.entries.set(modelId, { key, json });
    this.chars += json.length;
    while (this.entries.size > MAX_ENTRIES || (this.chars > MAX_CHARS && this.entries.size > 1)) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.forget(oldest);
    }
  }
}

/**
 * Whether a stored row's text is a snapshot as the route serves it (an object whose fields read as
 * `readCanvasSnapshotAnswer` reads the answer's), so a row damaged on disk or written by something
 * else is never served.
 */
function readsAsSnapshot(json: string): boolean {
  try {
    const body: unknown = JSON.parse(json);
    if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
    return readCanvasSnapshotAnswer({ ...body, role: "viewer" }).ok && json.startsWith("{");
  } catch {
    return false;
  }
}

/** A live document's snapshot, read on this thread: no decoding, so a fraction of a load. */
function readLive(doc: Y.Doc): string {
  return JSON.stringify(readCanvasSnapshot(doc));
}

function fromStored(modelId: string, stored: Parameters<typeof applyStored>[1] | undefined) {
  const doc = new Y.Doc();
  try {
    if (stored) applyStored(doc, stored);
    return readCanvasSnapshot(doc);
  } catch (error) {
    throw new ModelUnavailableError(`model ${modelId} could not be read: ${String(error)}`);
  } finally {
    doc.destroy();
  }
}
