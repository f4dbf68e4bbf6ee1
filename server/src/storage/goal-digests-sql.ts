import type { GoalDigestRow, GoalDigestStore, StoredGoalDigest } from "./goal-digests-types.ts";
import type { SqlRunner } from "./workspace-sql.ts";

/**
 * The cascade's goal digests (server/src/cascade/goal-index.ts), in SQL both stores run as
 * written: per model, the goal facts of its graph document as JSON text, and `seq`, the stored
 * state they were read from (the document's last update sequence number, or its snapshot's). A
 * digest whose `seq` is not the document's own is out of date and is not used. A table of its
 * own, created when missing, so an older data folder or database opens unchanged (and simply has
 * no digests until the index writes them).
 */
export const GOAL_DIGESTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS goal_digests (
  model_id TEXT PRIMARY KEY,
  seq BIGINT NOT NULL,
  digest TEXT NOT NULL,
  written_at TEXT NOT NULL
);
`;

/** Run inside each store's deletion of a model. */
export const DELETE_MODEL_DIGEST = "DELETE FROM goal_digests WHERE model_id = ?";

/** Rows per statement: one statement (one commit) per batch, well inside both stores' limits. */
const ROWS_PER_STATEMENT = 100;

interface LoadedRow {
  model_id: string;
  seq: number | string;
  digest: string;
  snapshot_seq: number | string;
  last_seq: number | string | null;
}

export class SqlGoalDigests implements GoalDigestStore {
  constructor(private readonly db: SqlRunner) {}

  async save(rows: readonly GoalDigestRow[]): Promise<void> {
    // One row per model (PostgreSQL refuses to update a row twice in one statement): the newest.
    const newest = new Map<string, GoalDigestRow>();
    for (const row of rows) {
      const kept = newest.get(row.modelId);
      if (!kept || row.seq >= kept.seq) newest.set(row.modelId, row);
    }
    const all = [...newest.values()];
    const at = new Date().toISOString();
    for (let i = 0; i < all.length; i += ROWS_PER_STATEMENT) {
      const batch = all.slice(i, i + ROWS_PER_STATEMENT);
      // Typed once in the first row, so PostgreSQL knows the union's column types.
      const first =
        "SELECT CAST(? AS TEXT) AS model_id, CAST(? AS BIGINT) AS seq, CAST(? AS TEXT) AS digest, CAST(? AS TEXT) AS written_at";
      const values = [first, ...batch.slice(1).map(() => "SELECT ?, ?, ?, ?")].join(" UNION ALL ");
      await this.db.run(
        `INSERT INTO goal_digests (model_id, seq, digest, written_at)
         SELECT v.model_id, v.seq, v.digest, v.written_at FROM (${values}) AS v
         WHERE EXISTS (SELECT 1 FROM models WHERE id = v.model_id)
         ON CONFLICT (model_id) DO UPDATE SET seq = excluded.seq, digest = excluded.digest,
           written_at = excluded.written_at
         WHERE excluded.seq >= goal_digests.seq`,
        batch.flatMap((r) => [r.modelId, r.seq, r.digest, at]),
      );
    }
  }

  async loadAll(): Promise<StoredGoalDigest[]> {
    // A model's graph document is named by its id (documents/doc-names.ts).
    const rows = await this.db.all<LoadedRow>(
      `SELECT g.model_id, g.seq, g.digest, d.snapshot_seq,
         (SELECT MAX(u.seq) FROM updates u WHERE u.document_name = d.name) AS last_seq
       FROM goal_digests g JOIN documents d ON d.name = g.model_id`,
      [],
    );
    return rows.map((r) => ({
      modelId: r.model_id,
      seq: Number(r.seq),
      digest: r.digest,
      documentSeq: Number(r.last_seq ?? r.snapshot_seq),
    }));
  }
}
