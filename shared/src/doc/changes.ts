import * as Y from "yjs";
import { checkInsMap } from "./check-ins.ts";
import { edgesMap, metaMap, nodesMap } from "./layout.ts";

/**
 * What one Yjs transaction changed, in the document's own terms. Yjs records a transaction as
 * the set of shared types it touched and the keys written in each (`tr.changed`); which card,
 * link or field that is can only be found by walking each type's parents through Yjs internals
 * (`_item.parent`, `parentSub`). This module is the one place that walk happens. It returns a
 * list of typed changes: `{ subject, at: "entry", id }` when a collection's entry was set,
 * replaced or removed, `{ subject, at: "inside", id, path, keys }` when something inside an
 * entry (or inside a singular root such as the model's meta) was written, and
 * `{ subject: "outside" }` for a type under no known root. The write gate, the revision
 * recorder, the browser's revision watch and the canvas binding all read transactions through
 * it; its cost follows the size of the edit (the types touched and their depth), never the
 * size of the document.
 *
 * The gate also checks raw items (every item an update inserted, live or already deleted), so
 * the walks over stored items live here too, returning `StoredItem`s with their place resolved.
 */

// biome-ignore lint/suspicious/noExplicitAny: Yjs types a type by its event; any type may change.
export type AnyType = Y.AbstractType<any>;

/** A transaction's record of what it touched: each type and the keys written (null: list). */
export type ChangedTypes = Map<AnyType, Set<string | null>>;

/** One step down from a root: the key (null for a list element) and the type stored there. */
export interface Step {
  key: string | null;
  type: AnyType;
}

/** The root type that `type` sits in, and the steps from that root down to `type`. */
export function lineage(type: AnyType): { root: AnyType; steps: Step[] } {
  const steps: Step[] = [];
  let current = type;
  while (current._item) {
    const item = current._item;
    steps.push({ key: item.parentSub, type: current });
    current = item.parent as AnyType;
  }
  steps.reverse();
  return { root: current, steps };
}

/** Whether `type` was deleted (a root never is). */
export function isDeletedType(type: AnyType): boolean {
  return type._item?.deleted ?? false;
}

/** Which Yjs item holds a shared type ("client:clock"), so a replaced copy tells apart; null for a root. */
export function typeRef(type: AnyType): string | null {
  const id = type._item?.id;
  return id ? `${id.client}:${id.clock}` : null;
}

/** A root type of a document and the subject its entries (or itself) are. */
export interface RootDef<S extends string> {
  subject: S;
  type: AnyType;
  /** A collection's entries are subjects with ids (cards); a singular root is one (the meta). */
  collection: boolean;
}

export type Change<S extends string> =
  /** Key `id` of the collection was set, replaced or removed (null: a list write on it). */
  | { subject: S; at: "entry"; id: string | null }
  | {
      subject: S;
      at: "inside";
      /** The entry's key; null in a singular root or under a list element of the collection. */
      id: string | null;
      /** Keys from the entry (or singular root) down to the changed type; [] for the entry's own map. */
      path: (string | null)[];
      /** Keys written in the changed type; null stands for list contents. */
      keys: ReadonlySet<string | null>;
      type: AnyType;
    }
  | { subject: "outside"; type: AnyType; keys: ReadonlySet<string | null> };

/** The changes of one transaction, named by the roots they fall under. */
export function changesUnder<S extends string>(
  changed: ChangedTypes,
  roots: readonly RootDef<S>[],
): Change<S>[] {
  const changes: Change<S>[] = [];
  for (const [type, keys] of changed) {
    const { root, steps } = lineage(type);
    const def = roots.find((r) => r.type === root);
    if (!def) {
      changes.push({ subject: "outside", type, keys });
    } else if (!def.collection) {
      const path = steps.map((s) => s.key);
      changes.push({ subject: def.subject, at: "inside", id: null, path, keys, type });
    } else if (steps.length === 0) {
      for (const key of keys) changes.push({ subject: def.subject, at: "entry", id: key });
    } else {
      const id = steps[0]?.key ?? null;
      const path = steps.slice(1).map((s) => s.key);
      changes.push({ subject: def.subject, at: "inside", id, path, keys, type });
    }
  }
  return changes;
}

export type GraphSubject = "card" | "link" | "checkIn" | "meta";
export type GraphChange = Change<GraphSubject>;

/** The graph document's roots: cards, links and check-ins are collections, the meta is one. */
export function graphRoots(doc: Y.Doc): RootDef<GraphSubject>[] {
  return [
    { subject: "card", type: nodesMap(doc) as AnyType, collection: true },
    { subject: "link", type: edgesMap(doc) as AnyType, collection: true },
    { subject: "meta", type: metaMap(doc) as AnyType, collection: false },
    { subject: "checkIn", type: checkInsMap(doc) as AnyType, collection: true },
  ];
}

/** What a transaction (or its `changed` record) on a graph document changed. */
export function graphChanges(doc: Y.Doc, changed: ChangedTypes | Y.Transaction): GraphChange[] {
  const record = changed instanceof Y.Transaction ? changed.changed : changed;
  return changesUnder(record as ChangedTypes, graphRoots(doc));
}

/** What became of a collection's entry in a transaction: added, removed, replaced, or nothing. */
export type EntryFate = "added" | "removed" | "replaced";

function existedBefore(tr: Y.Transaction, item: Y.Item): boolean {
  return item.id.clock < (tr.beforeState.get(item.id.client) ?? 0);
}

export function entryFate(tr: Y.Transaction, collection: AnyType, key: string): EntryFate | null {
  const item = collection._map.get(key);
  if (!item) return null;
  if (item.deleted) return existedBefore(tr, item) ? "removed" : null;
  if (existedBefore(tr, item)) return null;
  const left = item.left;
  const replaced = left !== null && existedBefore(tr, left) && Y.isDeleted(tr.deleteSet, left.id);
  return replaced ? "replaced" : "added";
}

/**
 * What key `key` of map `map` held before the transaction (undefined when it held nothing), so
 * a reader can tell a first fill from a change of a value that was set. A key written in the
 * transaction leaves its earlier values as deleted items to the left of the new one; their
 * content is kept until the transaction's garbage collection, which runs after its observers.
 */
export function valueBefore(tr: Y.Transaction, map: AnyType, key: string): unknown {
  let item: Y.Item | null = map._map.get(key) ?? null;
  while (item && !existedBefore(tr, item)) item = item.left;
  if (!item) return undefined;
  // Deleted by an earlier transaction: the key was empty when this one began.
  if (item.deleted && !Y.isDeleted(tr.deleteSet, item.id)) return undefined;
  return item.content.getContent()[0];
}

/**
 * A field of a collection's entry, read even from an entry this transaction deleted (its content
 * is kept until the transaction's garbage collection, which runs after its observers).
 */
export function entryField(collection: AnyType, key: string, field: string): unknown {
  const content = collection._map.get(key)?.content;
  if (!(content instanceof Y.ContentType)) return undefined;
  return (content.type as AnyType)._map.get(field)?.content.getContent()[0];
}

/** An item stored in a document, with where it sits. */
export interface StoredItem {
  item: Y.Item;
  /** The type it is stored in, and its key there (null for a list's entries). */
  parent: AnyType;
  key: string | null;
  live: boolean;
  /** How many of its entries were stored before (Yjs merges a writer's consecutive entries). */
  from: number;
}

function stored(item: Y.Item, before: Map<number, number>): StoredItem {
  return {
    item,
    parent: item.parent as AnyType,
    key: item.parentSub,
    live: !item.deleted,
    from: Math.max(0, (before.get(item.id.client) ?? 0) - item.id.clock),
  };
}

/** `item` if a transaction that started at state `before` stored (part of) it, else null. */
export function newItem(item: Y.Item, before: Map<number, number>): StoredItem | null {
  const isNew = item.id.clock + item.length > (before.get(item.id.client) ?? 0);
  return isNew ? stored(item, before) : null;
}

/**
 * Every struct stored between states `before` and `after` (a transaction's beforeState and
 * afterState): items with their place, and "collected" for a placeholder of content Yjs
 * discarded because its parent no longer exists.
 */
export function* insertedItems(
  doc: Y.Doc,
  before: Map<number, number>,
  after: Map<number, number>,
): Generator<StoredItem | "collected"> {
  for (const [client, end] of after) {
    const start = before.get(client) ?? 0;
    if (end <= start) continue;
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, start); i < structs.length; i++) {
      const item = structs[i];
      if (item instanceof Y.GC) yield "collected";
      if (item instanceof Y.Item) yield stored(item, before);
    }
  }
}

/** Every item stored inside a type: current and overwritten map values, list entries. */
export function* itemsInside(type: AnyType): Generator<Y.Item> {
  for (const last of type._map.values()) {
    for (let item: Y.Item | null = last; item; item = item.left) yield item;
  }
  for (let item = type._start; item; item = item.right) yield item;
}
