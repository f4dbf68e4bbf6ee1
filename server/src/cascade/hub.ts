/**
 * Who hears that a model's goals changed: the goal index (which drops what it cached) and the
 * pages that show a roll-up or the map (server-sent events). Changes accepted on this process
 * are batched for a moment and published to the other processes (Redis, when there is one);
 * theirs arrive through `remote`. A change is any update of a model's graph document: the hub
 * does not try to tell a moved card from a new measurement, the pages refetch either way.
 */

/** How long changes gather before one message goes out: well inside the 2 s the pages promise. */
export const CASCADE_BATCH_MS = 200;
/** Model ids per published message (the control channel drops messages over 2,000 characters). */
const IDS_PER_MESSAGE = 50;

/**
 * Not a model id (ids are `[A-Za-z0-9_-]`): the workspace tree changed (a workspace moved or was
 * archived), so every stream recomputes which workspaces it follows before it filters.
 */
export const TREE_CHANGED = "*tree";

export type CascadeListener = (modelIds: readonly string[]) => void;

export class CascadeHub {
  private readonly listeners = new Set<CascadeListener>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  /** Set by the cluster: sends model ids to the other processes. */
  publish: (modelIds: string[]) => void = () => undefined;

  /** Called at once on every change (the goal index drops its entry before anyone reads it). */
  invalidate: (modelIds: readonly string[]) => void = () => undefined;

  /** A change to a model's graph made or received on this process. */
  changed(modelId: string): void {
    this.invalidate([modelId]);
    this.pending.add(modelId);
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), CASCADE_BATCH_MS);
    this.timer.unref();
  }

  /**
   * Workspaces moved or archived: their models' place in the cascade changed though their
   * documents did not. Streams recompute their scope, pages refetch.
   */
  placesChanged(modelIds: readonly string[]): void {
    this.changed(TREE_CHANGED);
    for (const id of modelIds) this.changed(id);
  }

  /** Changes another process published. */
  remote(modelIds: readonly string[]): void {
    this.invalidate(modelIds);
    this.emit(modelIds);
  }

  subscribe(listener: CascadeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private flush(): void {
    this.timer = null;
    const ids = [...this.pending];
    this.pending.clear();
    if (ids.length === 0) return;
    for (let i = 0; i < ids.length; i += IDS_PER_MESSAGE)
      this.publish(ids.slice(i, i + IDS_PER_MESSAGE));
    this.emit(ids);
  }

  private emit(modelIds: readonly string[]): void {
    for (const listener of this.listeners) {
      try {
        listener(modelIds);
      } catch {
        // One page's broken stream must not stop the others from hearing.
      }
    }
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }
}
