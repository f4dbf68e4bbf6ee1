/** The storage contract for the cascade's goal digests (goal-digests-sql.ts implements it for both stores). */

export interface GoalDigestRow {
  modelId: string;
  /** The stored state the digest was read from. */
  seq: number;
  /** The facts as JSON text (shared `goalDigestFactsSchema`), checked by whoever reads them. */
  digest: string;
}

export interface StoredGoalDigest extends GoalDigestRow {
  /** The graph document's stored state now: the digest is current only when it equals `seq`. */
  documentSeq: number;
}

export interface GoalDigestStore {
  /**
   * Writes digests, replacing each model's older one; a digest of an older state than the one
   * kept, or of a model deleted meanwhile, is not written.
   */
  save(rows: readonly GoalDigestRow[]): Promise<void>;
  /** Every kept digest of a model that still has a graph document, with that document's state. */
  loadAll(): Promise<StoredGoalDigest[]>;
}
