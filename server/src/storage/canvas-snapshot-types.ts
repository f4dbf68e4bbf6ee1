/** The storage contract for canvas snapshots (canvas-snapshot-sql.ts implements it for both). */

export interface StoredCanvasSnapshot {
  /** The state of the graph document it was read from (http/canvas-snapshots.ts `keyOf`). */
  key: string;
  /** The snapshot without the caller's role, as JSON text; read back as untrusted. */
  json: string;
}

export interface CanvasSnapshotStore {
  /** Keeps the model's snapshot in place of the one it had; nothing for a deleted model. */
  save(modelId: string, key: string, json: string): Promise<void>;
  load(modelId: string): Promise<StoredCanvasSnapshot | undefined>;
}
