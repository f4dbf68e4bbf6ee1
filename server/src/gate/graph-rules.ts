import {
  CHECK_INS_COLLECTION,
  checkInsMap,
  checkLink,
  EDGES_COLLECTION,
  edgesMap,
  type FieldDef,
  insertedItems,
  isDeletedType,
  itemsInside,
  type LinkEnd,
  metaMap,
  NODES_COLLECTION,
  newItem,
  nodeKindSchema,
  nodesMap,
  plainFieldProblem,
  plainFields,
  type StoredItem,
} from "@logic-canvas/shared";
import * as Y from "yjs";
import { EndpointIndex } from "./endpoint-index.ts";
import { type Entry, itemProblem, type Place, placeOf } from "./graph-items.ts";
import { isHarmlessWrite } from "./harmless-write.ts";
import { orphanProblem } from "./orphans.ts";
import type { Changes, DocValidator } from "./shadow.ts";

/**
 * Write validation of the graph document against its one field table (shared `doc/fields.ts`).
 * Every item an update inserts is checked where it sits, live or already deleted (a value
 * overwritten within the update still reaches the stored log), so the cost follows the size of
 * the edit, not of the model. What a single writer gets wrong is refused: unknown keys, values
 * of the wrong type or size, values on a card kind that does not read them, a card without its
 * id, kind or title, caps, and a link drawn backward or to itself, whether by drawing the link,
 * creating a card at its end or changing that card's kind. What only merging concurrent valid
 * edits produces (a link whose card someone else deleted or moved, a duplicate link, a stale
 * stage) is accepted, ignored or reported by `validateModel`.
 */

interface GateState {
  /** True between `begin` and `check`: the transaction being applied is a gated write. */
  gating: boolean;
  before: Map<number, number>;
  after: Map<number, number>;
  /** Problems found in items Yjs deleted (and is about to collect) while applying the write. */
  problems: string[];
  endpoints: EndpointIndex;
  /** The update being applied, and whether any of it landed in a collected parent. */
  update: Uint8Array | null;
  orphans: boolean;
}

const states = new WeakMap<Y.Doc, GateState>();

/** A deleted new item and, for a new type, everything inside it (collected with it unchecked). */
function checkDeleted(state: GateState, item: Y.Item): void {
  const stored = newItem(item, state.before);
  if (!stored) return;
  const problem = itemProblem({ ...stored, live: false });
  if (problem) state.problems.push(problem);
  if (item.content instanceof Y.ContentType)
    for (const inner of itemsInside(item.content.type)) checkDeleted(state, inner);
}

function stateOf(doc: Y.Doc): GateState {
  let state = states.get(doc);
  if (!state) {
    const created: GateState = {
      gating: false,
      before: new Map(),
      after: new Map(),
      problems: [],
      endpoints: new EndpointIndex(doc),
      update: null,
      orphans: false,
    };
    doc.on("afterTransaction", (tr: Y.Transaction) => {
      if (!created.gating) return;
      created.before = tr.beforeState;
      created.after = tr.afterState;
    });
    // Yjs drops the content of deleted items when the transaction ends; the write is checked
    // for what it carried, since its bytes are stored as they came.
    doc.gcFilter = (item) => {
      if (created.gating && created.problems.length === 0) checkDeleted(created, item);
      return true;
    };
    states.set(doc, created);
    state = created;
  }
  return state;
}

/** What one write touched, beyond the values themselves. */
interface Touched {
  entries: Map<Y.Map<unknown>, Entry>;
  /** Cards created or whose kind changed: their links are checked. */
  cards: Set<string>;
  edges: Set<string>;
  /** Lists that grew, with their cap and what their entries are called in the refusal. */
  lists: Map<Y.Array<unknown>, { max: number; many: string }>;
  /** Cards whose alignments were written: the write gate checks who may align to what. */
  aligned: Set<string>;
}

const alignedCards = new WeakMap<Y.Doc, Set<string>>();

/** The cards whose `alignsTo` the last accepted write set (once; then forgotten). */
export function takeAlignedCards(shadow: Y.Doc): Set<string> {
  const cards = alignedCards.get(shadow) ?? new Set<string>();
  alignedCards.delete(shadow);
  return cards;
}

function noteLiveItem(doc: Y.Doc, item: StoredItem, place: Place | null, touched: Touched): void {
  const key = item.key;
  if (!place) return;
  if (place.at === "collection" && key !== null) {
    if (place.name === "nodes") touched.cards.add(key);
    if (place.name === "edges") touched.edges.add(key);
    const map = (place.name === "nodes" ? nodesMap : edgesMap)(doc).get(key);
    if (map instanceof Y.Map && place.name !== "checkIns")
      touched.entries.set(map, { collection: place.name as Entry["collection"], id: key, map });
  } else if (place.at === "map" && place.entry) {
    touched.entries.set(place.entry.map, place.entry);
    if (place.entry.map === item.parent) {
      if (key === "kind" && place.entry.collection === "nodes") touched.cards.add(place.entry.id);
      if (key === "alignsTo" && place.entry.collection === "nodes")
        touched.aligned.add(place.entry.id);
      if ((key === "source" || key === "target") && place.entry.collection === "edges")
        touched.edges.add(place.entry.id);
    }
  } else if (place.at === "array") {
    const many = place.what.endsWith(": cycles") ? "saved PDCA phases" : "measurements";
    touched.lists.set(item.parent as Y.Array<unknown>, { max: place.def.max, many });
  }
}

/** Checks every item the write inserted that is still live (deleted ones went through gcFilter). */
function checkInserted(shadow: Y.Doc, state: GateState, touched: Touched): string | null {
  for (const stored of insertedItems(shadow, state.before, state.after)) {
    if (stored === "collected") {
      state.orphans = true;
      continue;
    }
    const place = placeOf(stored.parent);
    const problem = itemProblem(stored, place);
    if (problem) return problem;
    if (stored.live) noteLiveItem(shadow, stored, place, touched);
  }
  return null;
}

/** Deletions: a card or link losing its id, kind, title or ends; writes outside the layout. */
function checkChanges(changes: Changes, touched: Touched): string | null {
  for (const [type, keys] of changes) {
    const place = placeOf(type);
    if (!place) return "the change writes outside the model's layout";
    if (place.at === "map" && place.entry && place.entry.map === type) {
      for (const key of keys)
        if (key && place.fields[key]) touched.entries.set(place.entry.map, place.entry);
    }
  }
  return null;
}

/**
 * The verdict on a required value, per Yjs item that holds it. An item's content never changes
 * and it always sits under the same key of the same entry, so its verdict stands: a write that
 * moves a card re-reads its id, kind and title without parsing them again.
 */
const requiredVerdicts = new WeakMap<Y.Item, string | null>();

function requiredValueProblem(map: Y.Map<unknown>, key: string, def: FieldDef): string | null {
  const item = map._map.get(key);
  const known = item && requiredVerdicts.get(item);
  if (known !== undefined) return known;
  const problem = plainFieldProblem(def, map.get(key));
  if (item) requiredVerdicts.set(item, problem);
  return problem;
}

const entryName = (entry: Entry) =>
  `${entry.collection === "nodes" ? "card" : "link"} ${entry.id.slice(0, 64)}`;

function requiredProblem(entry: Entry): string | null {
  const fields = (entry.collection === "nodes" ? NODES_COLLECTION : EDGES_COLLECTION).value;
  if (fields.type !== "map") return null;
  for (const [key, def] of plainFields(fields.fields)) {
    if (def.type !== "plain" || !def.required) continue;
    const missing = entry.map.get(key) === undefined;
    const problem = missing ? "is missing" : requiredValueProblem(entry.map, key, def);
    if (problem) return `${entryName(entry)}: ${key} ${problem}`;
  }
  if (entry.map.get("id") !== entry.id) return `${entryName(entry)} is stored under another id`;
  return null;
}

function linkEnd(nodes: Y.Map<unknown>, id: string): LinkEnd | undefined {
  const map = nodes.get(id);
  if (!(map instanceof Y.Map)) return undefined;
  const kind = nodeKindSchema.safeParse(map.get("kind"));
  if (!kind.success) return undefined;
  const title = map.get("title");
  return { id, kind: kind.data, title: typeof title === "string" ? title : id };
}

/** A link drawn backward or to itself; a missing end is what a concurrent delete leaves. */
function linkProblem(nodes: Y.Map<unknown>, source: string, target: string): string | null {
  const check = checkLink(linkEnd(nodes, source), linkEnd(nodes, target), { source, target });
  if (!check.ok && (check.code === "edge-backward" || check.code === "edge-self"))
    return check.message;
  return null;
}

function checkLinks(shadow: Y.Doc, state: GateState, touched: Touched): string | null {
  const nodes = nodesMap(shadow) as Y.Map<unknown>;
  const edges = edgesMap(shadow);
  for (const id of touched.edges) {
    const edge = edges.get(id);
    if (!(edge instanceof Y.Map)) continue;
    const problem = linkProblem(nodes, String(edge.get("source")), String(edge.get("target")));
    if (problem) return problem;
  }
  for (const id of touched.cards) {
    for (const link of state.endpoints.linksOf(id)) {
      const problem = linkProblem(nodes, link.source, link.target);
      if (problem) return problem;
    }
  }
  return null;
}

function checkCounts(shadow: Y.Doc, touched: Touched): string | null {
  const caps = [
    [nodesMap(shadow), NODES_COLLECTION],
    [edgesMap(shadow), EDGES_COLLECTION],
    [checkInsMap(shadow), CHECK_INS_COLLECTION],
  ] as const;
  for (const [map, def] of caps) {
    // `size` walks every entry; `_map.size` (which also counts deleted keys) bounds it cheaply.
    if (map._map.size > def.max && map.size > def.max)
      return `a model holds at most ${def.max.toLocaleString("en")} ${def.many}`;
  }
  for (const [list, { max, many }] of touched.lists) {
    if (list.length > max) return `a goal holds at most ${max.toLocaleString("en")} ${many}`;
  }
  return null;
}

export const graphValidator: DocValidator = {
  define(doc) {
    metaMap(doc);
    nodesMap(doc);
    edgesMap(doc);
    checkInsMap(doc);
    stateOf(doc);
  },
  harmless: isHarmlessWrite,
  begin(shadow, update) {
    const state = stateOf(shadow);
    state.gating = true;
    state.update = update;
    state.orphans = false;
    state.problems = [];
    state.before = new Map();
    state.after = new Map();
  },
  check: validateGraphUpdate,
};

export function validateGraphUpdate(shadow: Y.Doc, changes: Changes): string | null {
  const state = stateOf(shadow);
  state.gating = false;
  if (state.problems.length) return state.problems[0] ?? null;
  const touched: Touched = {
    entries: new Map(),
    cards: new Set(),
    edges: new Set(),
    lists: new Map(),
    aligned: new Set(),
  };
  const problem =
    checkInserted(shadow, state, touched) ??
    (state.orphans && state.update ? orphanProblem(state.update, shadow.store) : null) ??
    checkChanges(changes, touched) ??
    checkCounts(shadow, touched);
  if (problem) return problem;
  for (const entry of touched.entries.values()) {
    if (isDeletedType(entry.map)) continue;
    const missing = requiredProblem(entry);
    if (missing) return missing;
  }
  const links = checkLinks(shadow, state, touched);
  if (links === null && touched.aligned.size) alignedCards.set(shadow, touched.aligned);
  return links;
}
