import type { Hocuspocus } from "@hocuspocus/server";
import { todayIso } from "@logic-canvas/shared";
import * as Y from "yjs";
import { graphDocName } from "../documents/doc-names.ts";
import { applyStored } from "../documents/persistence.ts";
import { ModelUnavailableError } from "../models/models.ts";
import type { Store, StoredDocument } from "../storage/types.ts";
import { type GraphSummary, summarizeGraph } from "./graph-summary.ts";
import { LiveDocKeys } from "./live-doc-keys.ts";
import { type SummaryWorker, UnreadableDocument } from "./summary-pool.ts";

export type { GraphSummary };

const MAX_ENTRIES = 200;

/**
 * The summary and validation of a model's graph, computed once per state of the document rather
 * than per request: reading and validating a large model takes long enough that a loop of
 * `GET …/validation` calls would otherwise keep the event loop busy for everyone. The key is the
 * live document's update count when it is loaded (a state vector would miss deletions), else the
 * stored log's position; calls that arrive while one is computed share its result.
 */
export class GraphSummaries {
  private readonly entries = new Map<
    string,
    { key: string; summary: GraphSummary; at: number; costMs: number }
  >();
  private readonly pending = new Map<string, { key: string; work: Promise<GraphSummary> }>();
  private readonly liveKeys = new LiveDocKeys();

  constructor(
    private readonly store: Store,
    private readonly hocuspocus: Hocuspocus,
    private readonly worker: SummaryWorker | undefined,
  ) {}

  /**
   * `allowStale` (validation) may answer from a recent result while the model is being edited;
   * without it (summaries, which writers read back) the answer is of the current state.
   */
  async read(modelId: string, options: { allowStale?: boolean } = {}): Promise<GraphSummary> {
    const name = graphDocName(modelId);
    // The stored state (one small query) keys the entry; the document's bytes are read only when
    // a summary has to be computed from them.
    const state = await this.store.documentState(name);
    if (!state) throw new ModelUnavailableError(`model ${modelId} has no graph document`);
    const live = this.hocuspocus.documents.get(name);
    const today = todayIso();
    const key =
      live && !live.isLoading
        ? `live:${this.liveKey(live)}:${today}`
        : `stored:${state.snapshotSeq}:${state.lastSeq}:${state.updateCount}:${state.updatedAt}:${today}`;
    const cached = this.entries.get(modelId);
    if (cached?.key === key) return { ...cached.summary, updatedAt: state.updatedAt };
    // A model that is being edited changes its key with every edit. When reading it is costly,
    // the last result is served for a while (20× what it cost), so no caller can make the server
    // spend more than a twentieth of its time on one model's summary.
    const stale = options.allowStale === true;
    if (stale && cached && Date.now() - cached.at < cached.costMs * 20) return cached.summary;
    const running = this.pending.get(modelId);
    // One computation per model at a time; callers meanwhile share it.
    if (running && (stale || running.key === key)) return running.work;
    const work = (async () => {
      const started = performance.now();
      const summary = await this.compute(
        modelId,
        live && !live.isLoading ? live : undefined,
        today,
      );
      summary.updatedAt = state.updatedAt;
      this.remember(modelId, key, summary, performance.now() - started);
      return summary;
    })();
    this.pending.set(modelId, { key, work });
    try {
      return await work;
    } finally {
      if (this.pending.get(modelId)?.work === work) this.pending.delete(modelId);
    }
  }

  /** In the worker thread when one runs; on this thread otherwise. */
  private async compute(
    modelId: string,
    live: Y.Doc | undefined,
    today: string,
  ): Promise<GraphSummary> {
    const source = live ?? (await this.loadStored(modelId));
    const updates =
      source instanceof Y.Doc
        ? [Y.encodeStateAsUpdate(source)]
        : [...(source.snapshot ? [source.snapshot] : []), ...source.updates.map((u) => u.data)];
    const job = this.worker?.run(updates, today);
    if (job) {
      try {
        return await job;
      } catch (error) {
        if (error instanceof UnreadableDocument) {
          throw new ModelUnavailableError(`model ${modelId} could not be read: ${error.message}`);
        }
        // The worker could not run: do it here.
      }
    }
    return source instanceof Y.Doc ? summarize(source, today) : fromStored(modelId, source, today);
  }

  private async loadStored(modelId: string): Promise<StoredDocument> {
    const stored = await this.store.loadDocument(graphDocName(modelId));
    if (!stored) throw new ModelUnavailableError(`model ${modelId} has no graph document`);
    return stored;
  }

  forget(modelId: string): void {
    this.entries.delete(modelId);
  }

  private liveKey(doc: Y.Doc): string {
    return this.liveKeys.keyOf(doc);
  }

  private remember(modelId: string, key: string, summary: GraphSummary, costMs: number): void {
    this.entries.delete(modelId);
    this.entries.set(modelId, { key, summary, at: Date.now(), costMs });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

const summarize = summarizeGraph;

function fromStored(
  modelId: string,
  stored: Parameters<typeof applyStored>[1],
  today: string,
): GraphSummary {
  const doc = new Y.Doc();
  try {
    applyStored(doc, stored);
    return summarize(doc, today);
  } catch (error) {
    throw new ModelUnavailableError(`model ${modelId} could not be read: ${String(error)}`);
  } finally {
    doc.destroy();
  }
}
