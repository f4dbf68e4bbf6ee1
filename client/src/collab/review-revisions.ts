import { graphChanges, valueBefore } from "@logic-canvas/shared";
import type * as Y from "yjs";

/** The goal fields whose revision is worth a "why" (issue 5): target, indicator, dates. */
const WATCHED = new Set(["indicator", "target", "baseline"]);

/** A blank indicator is "", a blank baseline or target value or date is absent. */
const wasSet = (value: unknown) => value !== undefined && value !== "";

export interface GoalRevision {
  nodeId: string;
  /** Which of `smart.indicator`, `smart.target`, `smart.baseline` this browser changed. */
  fields: string[];
}

/**
 * Notices when this browser (never a collaborator, never a sync) revises a goal's target,
 * indicator or dates, so the side panel can ask why. Filling a blank field for the first time
 * is not a revision and asks nothing; changing or clearing a value that was set is. Reads only
 * the types the transaction touched.
 */
export class RevisionWatch {
  private listeners = new Set<(revision: GoalRevision) => void>();

  constructor(private readonly doc: Y.Doc) {
    doc.on("afterTransaction", this.onTransaction);
  }

  destroy(): void {
    this.doc.off("afterTransaction", this.onTransaction);
    this.listeners.clear();
  }

  onRevision(listener: (revision: GoalRevision) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private onTransaction = (tr: Y.Transaction): void => {
    if (!tr.local || this.listeners.size === 0) return;
    const byNode = new Map<string, Set<string>>();
    for (const change of graphChanges(this.doc, tr.changed)) {
      if (change.subject !== "card" || change.at !== "inside" || change.id === null) continue;
      const [first, second] = change.path.filter((k): k is string => k !== null);
      const keys = [...change.keys].filter((k): k is string => k !== null);
      const revised = (k: string) => wasSet(valueBefore(tr, change.type, k));
      let fields: string[] = [];
      if (first === "smart" && second && WATCHED.has(second) && keys.some(revised))
        fields = [`smart.${second}`];
      else if (first === "smart" && !second)
        fields = keys.filter((k) => WATCHED.has(k) && revised(k)).map((k) => `smart.${k}`);
      if (fields.length === 0) continue;
      const set = byNode.get(change.id) ?? new Set<string>();
      for (const f of fields) set.add(f);
      byNode.set(change.id, set);
    }
    for (const [nodeId, fields] of byNode) {
      const revision = { nodeId, fields: [...fields] };
      for (const listener of this.listeners) listener(revision);
    }
  };
}
