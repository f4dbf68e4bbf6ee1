import { afterEach, beforeEach } from "vitest";
import * as Y from "yjs";
import { applyStored } from "../src/documents/persistence.ts";
import type { LinkRecord, Store } from "../src/storage/types.ts";

/** A fresh store per test, and how to drop it: what every backend's contract run is given. */
export type StoreFactory = () => Promise<{ store: Store; cleanup: () => Promise<void> }>;

/**
 * Opens a fresh store from `makeStore` before each test of the enclosing `describe` (handed to
 * `use`) and closes and removes it after.
 */
export function useFreshStore(makeStore: StoreFactory, use: (store: Store) => void): void {
  let opened: Awaited<ReturnType<StoreFactory>>;
  beforeEach(async () => {
    opened = await makeStore();
    use(opened.store);
  });
  afterEach(async () => {
    await opened.store.close();
    await opened.cleanup();
  });
}

/** The contract's clock: every record it writes is stamped with this instant. */
export const now = "2026-01-01T00:00:00.000Z";

export function link(
  id: string,
  modelId: string,
  role: LinkRecord["role"],
  hash: string,
): LinkRecord {
  return {
    id,
    modelId,
    role,
    tokenHash: hash,
    token: null,
    label: null,
    createdAt: now,
    expiresAt: null,
    revokedAt: null,
  };
}

/** An update that adds the key `text` to the map "m": what `contents` lists back. */
export function update(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap("m").set(text, text);
  return Y.encodeStateAsUpdate(doc);
}

/** Creates model `id` in `store` with its graph ("initial") and review documents, owner and viewer links. */
export async function createContractModel(store: Store, id: string): Promise<void> {
  await store.createModel({
    model: { id, title: `Model ${id}`, createdAt: now, updatedAt: now },
    documents: [
      { name: id, snapshot: update("initial") },
      { name: `${id}/review`, snapshot: Y.encodeStateAsUpdate(new Y.Doc()) },
    ],
    links: [
      link(`${id}-o`, id, "owner", `${id}-hash-o`),
      link(`${id}-v`, id, "viewer", `${id}-hash-v`),
    ],
  });
}

/** The keys a stored document's snapshot and updates hold together, sorted. */
export function contents(stored: {
  snapshot: Uint8Array | null;
  updates: { data: Uint8Array }[];
}): string[] {
  const doc = new Y.Doc();
  applyStored(doc, stored);
  return [...doc.getMap("m").keys()].sort();
}
