import * as Y from "yjs";

/**
 * Values written into a card or link that no longer exists. Yjs keeps only a placeholder for
 * them (their parent was collected), so no check of the document sees them; but the update is
 * stored as it came, bytes and all. A writer that had not yet seen the delete sends a few field
 * values this way; each must be no larger than a field of the model can be.
 */

/** Large enough for any one value of the layout (notes of 10,000 characters, a measurement). */
export const ORPHAN_VALUE_MAX = 64 * 1024;

function contentSize(content: Y.Item["content"]): number {
  if (content instanceof Y.ContentString) return content.str.length;
  if (content instanceof Y.ContentBinary) return content.content.length;
  if (content instanceof Y.ContentType || content instanceof Y.ContentDeleted) return 0;
  let size = 0;
  for (const value of content.getContent()) {
    try {
      size = Math.max(size, JSON.stringify(value ?? null)?.length ?? 0);
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  }
  return size;
}

/** Why the update carries too much into collected parents, or null. Only called when it did. */
export function orphanProblem(update: Uint8Array, store: Y.Doc["store"]): string | null {
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    const structs = store.clients.get(struct.id.client);
    if (!structs) continue;
    const stored = structs[Y.findIndexSS(structs, struct.id.clock)];
    if (stored instanceof Y.Item) continue;
    if (contentSize(struct.content) > ORPHAN_VALUE_MAX)
      return "the change writes a large value into cards or links that no longer exist";
  }
  return null;
}
