import type { Hocuspocus } from "@hocuspocus/server";
import { readCanvasSnapshot } from "@logic-canvas/shared";
import * as Y from "yjs";
import { graphDocName } from "../documents/doc-names.ts";
import { applyStored } from "../documents/persistence.ts";
import { ModelUnavailableError } from "../models/models.ts";
import type { Store } from "../storage/types.ts";
import { LiveDocKeys } from "./live-doc-keys.ts";
import { type SummaryWorker, UnreadableDocument } from "./summary-pool.ts";

const MAX_ENTRIES = 100;
/** A 5,000-card model's snapshot is ~0.4 MB of text: the cache keeps at most this many chars. */
const MAX_CHARS = 16_000_000;

/**
 * The canvas snapshot of each model (shared `canvas-snapshot.ts`) as JSON text without the
 * caller's role, computed once per state of the document: from the live document when this
 * process holds it (no decoding), else from the stored log, decoded in the summary worker thread
 * once it runs (a never-opened 5,000-card model held the event loop for seconds). Kept as text,
 * so a page load costs a string splice, not a serialisation of thousands of cards; the oldest
 * entries go past 100 models or 16 million characters. Calls that arrive while one is computed
 * share it.
 */
export class CanvasSnapshots {
  private readonly entries = new Map<string, { key: string; json: string }>();
  private readonly pending = new Map<string, { key: string; work: Promise<string> }>();
  private readonly liveKeys = new LiveDocKeys();
  private chars = 0;

  constructor(
    private readonly store: Store,
    private readonly hocuspocus: Hocuspocus,
    private readonly worker: SummaryWorker | undefined,
  ) {}

  /** `{"role":…,"title":…,"cards":[…],"links":[…]}` for a caller of this role. */
  async json(modelId: string, role: string): Promise<string> {
    const body = await this.read(modelId);
    return `{"role":${JSON.stringify(role)},${body.slice(1)}`;
  }

  private async read(modelId: string): Promise<string> {
    const name = graphDocName(modelId);
    const live = this.hocuspocus.documents.get(name);
    const useLive = live && !live.isLoading ? live : undefined;
    let stored: Awaited<ReturnType<Store["loadDocument"]>>;
    let key: string;
    if (useLive) key = `live:${this.liveKeys.keyOf(useLive)}`;
    else {
      stored = await this.store.loadDocument(name);
      if (!stored) throw new ModelUnavailableError(`model ${modelId} has no graph document`);
      const lastSeq = stored.updates.at(-1)?.seq ?? stored.snapshotSeq;
      key = `stored:${stored.snapshotSeq}:${lastSeq}:${stored.updates.length}:${stored.updatedAt}`;
    }
    const cached = this.entries.get(modelId);
    if (cached?.key === key) return cached.json;
    const running = this.pending.get(modelId);
    if (running?.key === key) return running.work;
    const work = (async () => {
      const json = useLive
        ? JSON.stringify(readCanvasSnapshot(useLive))
        : await this.fromStoredOffThread(modelId, stored);
      this.remember(modelId, key, json);
      return json;
    })();
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

  private remember(modelId: string, key: string, json: string): void {
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
