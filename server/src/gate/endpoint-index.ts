import { edgesMap, graphChanges } from "@logic-canvas/shared";
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
    for (const change of graphChanges(this.doc, tr.changed)) {
      if (change.subject !== "link" || change.id === null) continue;
      if (change.at === "entry") this.add(change.id, edges.get(change.id));
      else if (change.path.length === 0 && (change.keys.has("source") || change.keys.has("target")))
        this.add(change.id, change.type);
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
