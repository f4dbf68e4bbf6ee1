import { edgesMap } from "@logic-canvas/shared";
import * as Y from "yjs";

/**
 * Which links may touch a card, so that creating a card or changing its kind checks its own
 * links instead of every link of the model. Kept current from every transaction of the shadow
 * (gated writes and mirrored live ones alike), built in one pass when the shadow loads. It only
 * ever adds: an id whose link was deleted or moved to other cards stays listed, and readers of
 * the index check each link's current ends.
 */
export class EndpointIndex {
  private readonly byCard = new Map<string, Set<string>>();

  constructor(private readonly doc: Y.Doc) {
    doc.on("afterTransaction", (tr: Y.Transaction) => this.update(tr));
  }

  private add(edgeId: string, edge: unknown): void {
    if (!(edge instanceof Y.Map)) return;
    for (const end of [edge.get("source"), edge.get("target")]) {
      if (typeof end !== "string") continue;
      const ids = this.byCard.get(end);
      if (ids) ids.add(edgeId);
      else this.byCard.set(end, new Set([edgeId]));
    }
  }

  private update(tr: Y.Transaction): void {
    const edges = edgesMap(this.doc) as Y.Map<unknown>;
    for (const [type, keys] of tr.changed) {
      if (type === (edges as Y.AbstractType<unknown>)) {
        for (const key of keys) if (key !== null) this.add(key, edges.get(key));
      } else if (type._item?.parent === edges && (keys.has("source") || keys.has("target"))) {
        const id = type._item.parentSub;
        if (id !== null) this.add(id, type);
      }
    }
  }

  /** The links whose source or target is `cardId` now. */
  *linksOf(cardId: string): Generator<{ id: string; source: string; target: string }> {
    const edges = edgesMap(this.doc);
    for (const id of this.byCard.get(cardId) ?? []) {
      const edge = edges.get(id);
      if (!(edge instanceof Y.Map)) continue;
      const source = edge.get("source");
      const target = edge.get("target");
      if (typeof source !== "string" || typeof target !== "string") continue;
      if (source === cardId || target === cardId) yield { id, source, target };
    }
  }
}
