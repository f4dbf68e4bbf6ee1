import { nodesMap } from "@logic-canvas/shared";
import type * as Y from "yjs";

/** The goal fields whose revision is worth a "why" (issue 5): target, indicator, dates. */
const WATCHED = new Set(["indicator", "target", "baseline"]);

export interface GoalRevision {
  nodeId: string;
  /** Which of `smart.indicator`, `smart.target`, `smart.baseline` this browser changed. */
  fields: string[];
}

type AnyType = Y.AbstractType<unknown>;

/** The card id and the keys from the card's map down to `type`, or null outside the nodes. */
function placeOf(type: AnyType, nodes: AnyType): { id: string; path: string[] } | null {
  const path: string[] = [];
  let current: AnyType = type;
  while (current._item) {
    const item = current._item;
    const parent = item.parent as AnyType;
    if (parent === nodes) return item.parentSub === null ? null : { id: item.parentSub, path };
    if (item.parentSub !== null) path.unshift(item.parentSub);
    current = parent;
  }
  return null;
}

/**
 * Notices when this browser (never a collaborator, never a sync) revises a goal's target,
 * indicator or dates, so the side panel can ask why. Reads only the types the transaction touched.
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
    const nodes = nodesMap(this.doc) as unknown as AnyType;
    const byNode = new Map<string, Set<string>>();
    for (const [type, keys] of tr.changed) {
      if (type === nodes) continue;
      const place = placeOf(type as AnyType, nodes);
      if (!place) continue;
      const [first, second] = place.path;
      let fields: string[] = [];
      if (first === "smart" && second && WATCHED.has(second)) fields = [`smart.${second}`];
      else if (first === "smart" && !second)
        fields = [...keys]
          .filter((k): k is string => k !== null && WATCHED.has(k))
          .map((k) => `smart.${k}`);
      if (fields.length === 0) continue;
      const set = byNode.get(place.id) ?? new Set<string>();
      for (const f of fields) set.add(f);
      byNode.set(place.id, set);
    }
    for (const [nodeId, fields] of byNode) {
      const revision = { nodeId, fields: [...fields] };
      for (const listener of this.listeners) listener(revision);
    }
  };
}
