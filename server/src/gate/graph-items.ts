import {
  type AnyType,
  CHECK_INS_COLLECTION,
  type CollectionDef,
  checkInsMap,
  EDGES_COLLECTION,
  edgesMap,
  type FieldDef,
  kindsSentence,
  lineage,
  type MapFields,
  META_FIELDS,
  metaMap,
  NODES_COLLECTION,
  nodesMap,
  plainFieldProblem,
  readOnKind,
  type StoredItem,
} from "@logic-canvas/shared";
import * as Y from "yjs";

/**
 * Where a Yjs type sits in the graph document's layout (shared `doc/fields.ts`), and whether one
 * stored item (one value written at one key, or entries of a list) is a value the readers read
 * there. The gate runs this on every item an update inserts, live or already deleted, so that
 * nothing reaches the stored log that is not part of the model.
 */

export type Place =
  | { at: "collection"; def: CollectionDef; name: string }
  | { at: "map"; fields: MapFields; what: string; node?: Y.Map<unknown>; entry?: Entry }
  | { at: "array"; def: Extract<FieldDef, { type: "array" }>; node: Y.Map<unknown>; what: string };

/** The card or link a place belongs to. */
export interface Entry {
  collection: "nodes" | "edges";
  id: string;
  map: Y.Map<unknown>;
}

function rootPlace(type: AnyType): Place | null {
  const doc = type.doc;
  if (!doc) return null;
  if (type === metaMap(doc)) return { at: "map", fields: META_FIELDS, what: "the model" };
  if (type === nodesMap(doc)) return { at: "collection", def: NODES_COLLECTION, name: "nodes" };
  if (type === edgesMap(doc)) return { at: "collection", def: EDGES_COLLECTION, name: "edges" };
  if (type === checkInsMap(doc))
    return { at: "collection", def: CHECK_INS_COLLECTION, name: "checkIns" };
  return null;
}

/** Where the entry at `key` of a place sits, given the type stored there. */
function placeBelow(parent: Place, key: string, type: AnyType): Place | null {
  if (parent.at === "collection") {
    if (parent.def.value.type !== "map" || !(type instanceof Y.Map)) return null;
    const collection = parent.name === "nodes" ? "nodes" : "edges";
    const entry: Entry = { collection, id: key, map: type };
    const what = `${parent.def.one} ${key.slice(0, 64)}`;
    const node = collection === "nodes" ? type : undefined;
    return { at: "map", fields: parent.def.value.fields, what, node, entry };
  }
  if (parent.at !== "map") return null;
  const def = parent.fields[key];
  const what = `${parent.what}: ${key}`;
  if (def?.type === "map" && type instanceof Y.Map)
    return { at: "map", fields: def.fields, what, node: parent.node, entry: parent.entry };
  if (def?.type === "array" && type instanceof Y.Array && parent.node)
    return { at: "array", def, node: parent.node, what };
  return null;
}

/** The place of `type`, or null when it is outside the layout. Depth is at most four. */
export function placeOf(type: AnyType): Place | null {
  const { root, steps } = lineage(type);
  let place = rootPlace(root);
  for (const step of steps) {
    if (!place || step.key === null) return null;
    place = placeBelow(place, step.key, step.type);
  }
  return place;
}

/** What an item stores at a map key: its value, or undefined when it is not one plain value or type. */
function storedValue(item: Y.Item): { value: unknown } | undefined {
  const content = item.content;
  if (content instanceof Y.ContentType) return { value: content.type };
  if (content instanceof Y.ContentAny && content.arr.length === 1) return { value: content.arr[0] };
  return undefined;
}

function fieldProblem(def: FieldDef, value: unknown): string | null {
  if (def.type === "map")
    return value instanceof Y.Map && value.constructor === Y.Map ? null : "must be a map of fields";
  if (def.type === "array")
    return value instanceof Y.Array && value.constructor === Y.Array ? null : "must be a list";
  // Y.Text, Y.XmlFragment and every other shared type are never a plain value.
  if (value instanceof Y.AbstractType || value instanceof Y.Doc) return "must be a plain value";
  return plainFieldProblem(def, value);
}

function kindProblem(def: FieldDef, node: Y.Map<unknown> | undefined): string | null {
  if (!node || readOnKind(def, node.get("kind"))) return null;
  return `is not read on a card of kind ${String(node.get("kind")).slice(0, 20)}: ${kindsSentence(def)}`;
}

function inCollection(place: Extract<Place, { at: "collection" }>, key: string, item: Y.Item) {
  const { def } = place;
  if (!def.key.safeParse(key).success)
    return `"${key.slice(0, 40)}" is not a valid key for ${def.many}`;
  const stored = storedValue(item);
  const problem = stored ? fieldProblem(def.value, stored.value) : "must be one plain value";
  return problem ? `a ${def.one} ${problem}` : null;
}

/**
 * Why an inserted item is not a value the readers read where it sits, or null. `live` items
 * (not deleted) are also checked against the card's kind; `from` skips entries of a list that
 * were already stored (Yjs merges consecutive entries of one writer into one item).
 */
export function itemProblem(
  { item, parent, key, live, from }: StoredItem,
  place = placeOf(parent),
): string | null {
  const content = item.content;
  // A deleted placeholder carries a length, no data.
  if (content instanceof Y.ContentDeleted) return null;
  if (!place) return "the change writes outside the model's layout";
  if (place.at === "array") {
    if (key !== null || !(content instanceof Y.ContentAny))
      return `${place.what} must be a list of plain entries`;
    for (const entry of content.arr.slice(from)) {
      const parsed = place.def.entry.safeParse(entry);
      if (!parsed.success)
        return `${place.what}: an entry ${parsed.error.issues[0]?.message ?? "is not valid"}`;
    }
    const kind = live ? kindProblem(place.def, place.node) : null;
    return kind ? `${place.what} ${kind}` : null;
  }
  if (key === null) return `${place.at === "map" ? place.what : "the model"} was written as a list`;
  if (place.at === "collection") return inCollection(place, key, item);
  const def = place.fields[key];
  if (!def) return `${place.what} has no field "${key.slice(0, 40)}"`;
  const stored = storedValue(item);
  const problem = stored ? fieldProblem(def, stored.value) : "must be one plain value";
  if (problem) return `${place.what}: ${key} ${problem}`;
  // A list's kinds are those of its entries: the empty list itself sits on every card.
  const kind = live && def.type === "plain" ? kindProblem(def, place.node) : null;
  return kind ? `${place.what}: ${key} ${kind}` : null;
}
