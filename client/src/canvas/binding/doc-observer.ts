import { graphChanges } from "@logic-canvas/shared";
import type * as Y from "yjs";

/**
 * Which cards, links and model fields a transaction on the graph document touched, read through
 * the shared change walker (`doc/changes.ts`), so the binding re-reads only those entries.
 */
export interface Touched {
  cards: Set<string>;
  links: Set<string>;
  /** The model's title or mastery goal. */
  meta: boolean;
  checkIns: boolean;
}

export function touchedBy(doc: Y.Doc, tr: Y.Transaction): Touched | null {
  if (tr.changed.size === 0) return null;
  const touched: Touched = { cards: new Set(), links: new Set(), meta: false, checkIns: false };
  let any = false;
  for (const change of graphChanges(doc, tr.changed)) {
    if (change.subject === "outside") continue;
    if (change.subject === "meta") {
      if (change.at !== "inside" || change.path.length > 0) continue;
      touched.meta = true;
    } else if (change.subject === "checkIn") {
      if (change.at !== "entry") continue;
      touched.checkIns = true;
    } else {
      // A list write on the collection, or under a list element, names no card or link.
      if (change.id === null) continue;
      (change.subject === "card" ? touched.cards : touched.links).add(change.id);
    }
    any = true;
  }
  return any ? touched : null;
}

/** Calls `onChange` after every transaction that touched the model; returns the unsubscribe. */
export function observeGraph(doc: Y.Doc, onChange: (touched: Touched) => void): () => void {
  const listener = (tr: Y.Transaction) => {
    const touched = touchedBy(doc, tr);
    if (touched) onChange(touched);
  };
  doc.on("afterTransaction", listener);
  return () => doc.off("afterTransaction", listener);
}
