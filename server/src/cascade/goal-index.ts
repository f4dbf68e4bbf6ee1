import type { Hocuspocus } from "@hocuspocus/server";
import { todayIso } from "@logic-canvas/shared";
import * as Y from "yjs";
import { graphDocName } from "../documents/doc-names.ts";
import { applyStored } from "../documents/persistence.ts";
import type { Store } from "../storage/types.ts";
import { digestFrom, digestOf, factsOf, type ModelDigest } from "./digest.ts";
import { DigestShelf, storedSeq } from "./digest-shelf.ts";

export type { GoalDigest, ModelDigest } from "./digest.ts";

/**
 * Each model's digest (digest.ts), kept per model until the model changes (the hub says so, on
 * any process) or for `MAX_AGE_MS` at most, so a district's map reads 500 models from memory
 * rather than decoding 500 documents per request. The facts behind the digests are kept in the
 * store too (digest-shelf.ts), so a restarted server is warm from them at once.
 */

/**
 * A safety net for a change message that never arrived (Redis pub/sub may drop one): an entry
 * older than this is answered once more and read again behind the answer.
 */
const MAX_AGE_MS = 60_000;
/** Changed models are read again this long after the change, so the next page finds them warm. */
const REFRESH_AFTER_MS = 1_000;
const MAX_ENTRIES = 20_000;
/** Documents decoded at once on a cold read: enough to overlap storage, few enough to share. */
const CONCURRENCY = 8;

export class GoalIndex {
  private readonly entries = new Map<string, { digest: ModelDigest; at: number }>();
  private readonly pending = new Map<string, Promise<ModelDigest | null>>();
  /** Bumped per model on every change, so a read that began before it is not cached after. */
  private readonly generations = new Map<string, number>();
  private readonly toRefresh = new Set<string>();
  private refreshTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly shelf: DigestShelf;
  /** Models of the cascade this index has read: their compactions keep their facts. */
  private readonly known = new Set<string>();
  /** While the kept digests are read at start: reads wait for it rather than decode. */
  private fromShelf: Promise<unknown> | null = null;

  constructor(
    private readonly store: Store,
    private readonly hocuspocus: Hocuspocus,
    onShelfError?: (error: unknown) => void,
  ) {
    this.shelf = new DigestShelf(store, onShelfError);
  }

  invalidate(modelIds: readonly string[]): void {
    for (const id of modelIds) {
      // Already dropped and waiting for its refresh, with no read begun since (a read in flight
      // sits in `pending`): a burst of edits costs one look-up each, not a new generation.
      if (this.toRefresh.has(id) && !this.entries.has(id) && !this.pending.has(id)) continue;
      this.entries.delete(id);
      this.pending.delete(id);
      this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
      this.toRefresh.add(id);
    }
    // Incremental: what changed is read again in the background, a burst of edits once, so a
    // roll-up after a measurement does not pay for it (nor, after an import, for 500 models).
    if (this.refreshTimer || this.closed) return;
    this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_AFTER_MS);
    this.refreshTimer.unref();
  }

  private async refresh(): Promise<void> {
    this.refreshTimer = null;
    const ids = [...this.toRefresh];
    this.toRefresh.clear();
    // Only models of the cascade (in a workspace) are worth keeping warm.
    const wanted: string[] = [];
    for (const id of ids) {
      if (this.closed) return;
      const record = await this.store.getModel(id).catch(() => undefined);
      if (record?.workspaceId && !this.entries.has(id)) wanted.push(id);
    }
    await this.digests(wanted).catch(() => undefined);
  }

  /**
   * Reads every model of every workspace in the background after the server starts listening:
   * first the digests kept in the store (one query), then, a few at a time, the documents of
   * models without a current one. The first roll-up or map after a restart answers from memory.
   */
  async warm(): Promise<{ models: number; kept: number }> {
    // Set before anything is awaited, so a request that arrives at once waits for the one query
    // rather than decoding documents beside it.
    const loading = this.loadKept();
    const waiting = loading.catch(() => undefined);
    this.fromShelf = waiting;
    const { ids, kept } = await loading.finally(() => {
      if (this.fromShelf === waiting) this.fromShelf = null;
    });
    const rest = ids.filter((id) => !this.entries.has(id));
    for (let i = 0; i < rest.length && !this.closed; i += 50)
      await this.digests(rest.slice(i, i + 50));
    return { models: ids.length, kept };
  }

  /**
   * The models of every workspace, and their kept digests that are current, into memory (how
   * many). Kept digests that cannot be read are no digests: the documents are read instead.
   */
  private async loadKept(): Promise<{ ids: string[]; kept: number }> {
    const workspaces = await this.store.workspaces.listWorkspaces();
    const models = await this.store.workspaces.listModelsIn(workspaces.map((w) => w.id));
    const ids = models.map((m) => m.id).slice(0, MAX_ENTRIES);
    const today = todayIso();
    const before = new Map(ids.map((id) => [id, this.generations.get(id) ?? 0]));
    const kept = await this.shelf.current(new Set(ids), today).catch(() => new Map());
    let used = 0;
    for (const [modelId, facts] of kept) {
      // Changed while the query ran: read it afresh instead.
      if (this.entries.has(modelId) || (this.generations.get(modelId) ?? 0) !== before.get(modelId))
        continue;
      let digest: ModelDigest;
      try {
        digest = digestFrom(modelId, facts, today);
      } catch {
        continue;
      }
      this.entries.set(modelId, { digest, at: Date.now() });
      this.known.add(modelId);
      used += 1;
    }
    return { ids, kept: used };
  }

  /**
   * A compaction folded the model's stored log up to `seq` and has the document decoded: a
   * model of the cascade keeps its facts under that state (a fraction of the decoding paid).
   */
  compacted(modelId: string, doc: Y.Doc, seq: number): void {
    if (!this.known.has(modelId)) return;
    try {
      this.shelf.put(modelId, seq, factsOf(doc, todayIso()));
    } catch {
      // A document the reader refuses keeps no digest: the next start reads it, as before.
    }
  }

  close(): void {
    this.closed = true;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    this.toRefresh.clear();
  }

  /** Writes the digests waiting to be kept (shutdown, after the last compactions). */
  saveKept(): Promise<void> {
    return this.shelf.flush();
  }

  /** The digest of a model; null when it has no readable graph (deleted, or unreadable). */
  async digest(modelId: string): Promise<ModelDigest | null> {
    if (this.fromShelf) await this.fromShelf;
    const today = todayIso();
    const cached = this.entries.get(modelId);
    if (cached && cached.digest.today === today) {
      // Past its age it is answered still, and read again behind the answer.
      if (Date.now() - cached.at >= MAX_AGE_MS && !this.pending.has(modelId))
        void this.load(modelId, today);
      return cached.digest;
    }
    return this.pending.get(modelId) ?? this.load(modelId, today);
  }

  private load(modelId: string, today: string): Promise<ModelDigest | null> {
    const generation = this.generations.get(modelId) ?? 0;
    const work = this.read(modelId, today).then((digest) => {
      if (this.pending.get(modelId) === work) this.pending.delete(modelId);
      if (digest && (this.generations.get(modelId) ?? 0) === generation) {
        this.entries.set(modelId, { digest, at: Date.now() });
        this.known.add(modelId);
        if (this.entries.size > MAX_ENTRIES) {
          const oldest = this.entries.keys().next().value;
          if (oldest !== undefined) this.entries.delete(oldest);
        }
      }
      return digest;
    });
    this.pending.set(modelId, work);
    return work;
  }

  /** Digests of many models, a few documents at a time; models without one are left out. */
  async digests(modelIds: readonly string[]): Promise<Map<string, ModelDigest>> {
    const out = new Map<string, ModelDigest>();
    let next = 0;
    const worker = async () => {
      while (next < modelIds.length) {
        const id = modelIds[next++] as string;
        const digest = await this.digest(id);
        if (digest) out.set(id, digest);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, modelIds.length) }, worker));
    return out;
  }

  private async read(modelId: string, today: string): Promise<ModelDigest | null> {
    const name = graphDocName(modelId);
    const live = this.hocuspocus.documents.get(name);
    if (live && !live.isLoading) return digestOf(modelId, live, today);
    const stored = await this.store.loadDocument(name).catch(() => undefined);
    if (!stored) return null;
    const doc = new Y.Doc();
    try {
      applyStored(doc, stored);
      const facts = factsOf(doc, today);
      // Read from a stored state: kept under it, so the next start need not decode this again.
      this.shelf.put(modelId, storedSeq(stored), facts);
      return digestFrom(modelId, facts, today);
    } catch {
      return null;
    } finally {
      doc.destroy();
    }
  }
}
