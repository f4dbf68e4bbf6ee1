import type * as Y from "yjs";

/**
 * A key for the state of a live document that changes with every update: a number per document
 * and its count of updates. A state vector would miss deletions, which add no clock. Caches of
 * what is computed from a document (summaries, the canvas snapshot) key their entries with it.
 */
export class LiveDocKeys {
  private readonly tracked = new WeakMap<Y.Doc, { id: number; updates: number }>();
  private nextId = 0;

  keyOf(doc: Y.Doc): string {
    let entry = this.tracked.get(doc);
    if (!entry) {
      this.nextId += 1;
      const created = { id: this.nextId, updates: 0 };
      doc.on("update", () => {
        created.updates += 1;
      });
      this.tracked.set(doc, created);
      entry = created;
    }
    return `${entry.id}:${entry.updates}`;
  }
}
