import type { CanvasSnapshotStore, StoredCanvasSnapshot } from "./canvas-snapshot-types.ts";
import type { SqlRunner } from "./workspace-sql.ts";

/**
 * Each model's canvas snapshot (shared/src/canvas-snapshot.ts, http/canvas-snapshots.ts) as the
 * JSON text the route serves, in SQL both stores run as written: one row per model, with the
 * state of its graph document it was read from (`key`), so the first page load after a restart
 * answers from it instead of decoding the document. A cache: written when the server's own entry
 * is (creation, import, compaction), never per edit; a row whose key no longer matches the
 * document is simply not used. Added in place: `CREATE TABLE IF NOT EXISTS` at every start, so an
 * older database gains it empty and nothing else changes.
 */
export const CANVAS_SNAPSHOTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS canvas_snapshots (
  model_id TEXT PRIMARY KEY,
  state_key TEXT NOT NULL,
  json TEXT NOT NULL
);
`;

/** Run inside each store's deletion of a model. */
export const DELETE_MODEL_CANVAS_SNAPSHOT = "DELETE FROM canvas_snapshots WHERE model_id = ?";

/** The canvas snapshots over either store's runner. */
export class SqlCanvasSnapshots implements CanvasSnapshotStore {
  constructor(private readonly db: SqlRunner) {}

  async save(modelId: string, key: string, json: string): Promise<void> {
    // A model deleted meanwhile must not leave a row behind.
    await this.db.run(
      `INSERT INTO canvas_snapshots (model_id, state_key, json)
       SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM models WHERE id = ?)
       ON CONFLICT (model_id) DO UPDATE SET state_key = excluded.state_key, json = excluded.json`,
      [modelId, key, json, modelId],
    );
  }

  async load(modelId: string): Promise<StoredCanvasSnapshot | undefined> {
    const rows = await this.db.all<{ state_key: string; json: string }>(
      "SELECT state_key, json FROM canvas_snapshots WHERE model_id = ?",
      [modelId],
    );
    const row = rows[0];
    return row && { key: row.state_key, json: row.json };
  }
}
