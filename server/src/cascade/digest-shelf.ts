import { type GoalDigestFacts, parseGoalDigestFacts } from "@logic-canvas/shared";
import type { Store, StoredDocument } from "../storage/types.ts";

/**
 * The goal index's digests kept in the store, so that after a restart the index is warm from one
 * query rather than from decoding every model's document (issue 16: a roll-up asked at once).
 *
 * Only facts read from a stored state are kept, each under that state's sequence number: the
 * index's reads of stored documents, and compactions (which decode the document anyway). A live
 * document's facts are never kept, since what it holds may be ahead of or behind what is stored;
 * it is compacted when it leaves memory, and its facts are kept then. Writes wait here and go
 * out in batches, off every request's and every edit's path.
 */

/** How long digests gather before one write: a warm-up or an import writes hundreds at once. */
const SAVE_AFTER_MS = 2_000;

/** A stored document's state: the last update folded in, or the snapshot's (canvas-snapshots.ts). */
export function storedSeq(stored: Pick<StoredDocument, "snapshotSeq" | "updates">): number {
  return stored.updates.at(-1)?.seq ?? stored.snapshotSeq;
}

export class DigestShelf {
  private readonly queued = new Map<string, { seq: number; facts: GoalDigestFacts }>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Keeps `facts`, read from the model's stored state `seq`, with the next batch. */
  put(modelId: string, seq: number, facts: GoalDigestFacts): void {
    const kept = this.queued.get(modelId);
    if (kept && kept.seq > seq) return;
    this.queued.set(modelId, { seq, facts });
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), SAVE_AFTER_MS);
    this.timer.unref();
  }

  /** Writes what waits now (shutdown calls it before the store closes); never rejects. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const rows = [...this.queued].map(([modelId, { seq, facts }]) => ({
      modelId,
      seq,
      digest: JSON.stringify(facts),
    }));
    this.queued.clear();
    if (rows.length === 0) return this.writing;
    // One write at a time, so an older batch never lands after a newer one.
    this.writing = this.writing
      .then(() => this.store.goalDigests.save(rows))
      .catch((error: unknown) => this.onError(error));
    return this.writing;
  }

  /**
   * The kept facts of these models that are current: of the document's stored state as it is
   * now, whole, and of this layout (shared `parseGoalDigestFacts`). Any other is left out, and
   * the index reads that document instead.
   */
  async current(
    modelIds: ReadonlySet<string>,
    today: string,
  ): Promise<Map<string, GoalDigestFacts>> {
    const out = new Map<string, GoalDigestFacts>();
    for (const row of await this.store.goalDigests.loadAll()) {
      if (!modelIds.has(row.modelId) || row.seq !== row.documentSeq) continue;
      const facts = parseGoalDigestFacts(row.digest, today);
      if (facts) out.set(row.modelId, facts);
    }
    return out;
  }
}
