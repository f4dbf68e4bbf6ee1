import type { Store } from "@logic-canvas/server";
import { metaMap } from "@logic-canvas/shared";
import * as Y from "yjs";
import { storedDoc } from "./server.ts";

/**
 * Stored documents the server must refuse on load, written straight into the store as a
 * corrupted or old store would hold them (the write gate would refuse them as edits).
 */

/** -2^60: a migration loop that counts up from it never ends. */
export const HOSTILE_VERSION = -(2 ** 60);

/** Appends a change that sets the graph's layout version to `version`. */
export async function storeLayoutVersion(
  store: Store,
  graphName: string,
  version: number = HOSTILE_VERSION,
): Promise<void> {
  const doc = await storedDoc(store, graphName);
  const before = Y.encodeStateVector(doc);
  metaMap(doc).set("schemaVersion", version);
  await store.appendUpdate(graphName, Y.encodeStateAsUpdate(doc, before));
  doc.destroy();
}

/** Appends bytes Yjs cannot read (a real update cut short), so the stored log fails to apply. */
export async function storeCorruptUpdate(store: Store, graphName: string): Promise<void> {
  const doc = new Y.Doc();
  metaMap(doc).set("title", "a change cut short");
  const update = Y.encodeStateAsUpdate(doc);
  await store.appendUpdate(graphName, update.slice(0, update.length - 3));
  doc.destroy();
}
