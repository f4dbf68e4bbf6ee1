import { type FieldDef, NODES_COLLECTION, nodesMap, plainFieldProblem } from "@logic-canvas/shared";
import * as Y from "yjs";
import { readSingleWrite, type SingleWrite } from "./single-write.ts";

/**
 * The one write the gate lets through without trying it on the shadow: one free field of a card
 * set, i.e. an update that sets nothing but one valid value of a free field (below) of a card
 * that exists, live, in the live document, and deletes nothing but values of free fields of live
 * cards. A drag writes a position per move, most of all writes, and typing in a card's notes
 * writes them whole; trying each on the shadow and walking the change was the gate's largest cost.
 *
 * Why such an update cannot break a rule, by the field table (shared doc/fields.ts): a free field
 * is a plain one that no card kind is denied and none requires (today `position` and `notes`); its
 * value is checked here as the gate checks it. So setting it, or deleting a set one, leaves every
 * card's required values, kinds, links, caps and alignments as they were. Whatever else an update
 * holds (a second item, a new type, a root, a delete of anything else, a dependency the live
 * document has not got, a client the shadow knows more of than the live document) sends it the
 * usual way.
 */

/**
 * Bytes of an update looked at, at most: one free value fits (notes of 10,000 UTF-16 units are at
 * most 30,000 bytes of UTF-8); anything larger goes the usual way without being decoded twice.
 */
const MAX_BYTES = 32 * 1024;
/** Deleted clocks walked at most: a write deletes one, the value it replaces; more go the usual way. */
const MAX_DELETED = 32;

/** The free fields of a card: the proof above holds only for an optional plain field every kind reads. */
export const FREE_FIELDS: ReadonlyMap<string, FieldDef> = (() => {
  const value = NODES_COLLECTION.value;
  const free = new Map<string, FieldDef>();
  if (value.type !== "map") return free;
  for (const [key, def] of Object.entries(value.fields))
    if (def.type === "plain" && !def.required && !def.kinds) free.set(key, def);
  return free;
})();

/** The struct holding `id` in `doc`, if the document has it. */
function structAt(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | null {
  const structs = doc.store.clients.get(id.client);
  if (!structs || id.clock >= Y.getState(doc.store, id.client)) return null;
  return (structs[Y.findIndexSS(structs, id.clock)] as Y.Item | Y.GC | undefined) ?? null;
}

function itemAt(doc: Y.Doc, id: Y.ID): Y.Item | null {
  const struct = structAt(doc, id);
  return struct instanceof Y.Item ? struct : null;
}

/** Deleting it changes nothing (already deleted or collected), or only drops a free value. */
function deletable(doc: Y.Doc, struct: Y.Item | Y.GC | null): boolean {
  if (struct instanceof Y.GC) return true;
  return struct !== null && (struct.deleted || freeKeyOf(doc, struct) !== null);
}

/** Whether `type` is a card's map that is live: an entry of the live nodes map, not deleted. */
function isLiveCard(doc: Y.Doc, type: unknown): boolean {
  if (!(type instanceof Y.Map)) return false;
  const item = type._item;
  return (
    item !== null &&
    !item.deleted &&
    item.parent === nodesMap(doc) &&
    typeof item.parentSub === "string"
  );
}

/** The free field of a live card that `item` is a value of (current or overwritten), or null. */
function freeKeyOf(doc: Y.Doc, item: Y.Item | null): string | null {
  const key = item?.parentSub;
  if (!item || !key || !FREE_FIELDS.has(key) || !isLiveCard(doc, item.parent)) return null;
  return key;
}

/** The free field of a live card the write goes to, resolved as Yjs will (origin, else parent). */
function targetOf(doc: Y.Doc, write: SingleWrite): string | null {
  if (write.hasRightOrigin) return null;
  if (write.origin !== null)
    return freeKeyOf(doc, itemAt(doc, Y.createID(write.origin.client, write.origin.clock)));
  const key = write.parentSub;
  if (write.parent === null || key === null || !FREE_FIELDS.has(key)) return null;
  const parent = itemAt(doc, Y.createID(write.parent.client, write.parent.clock));
  const live =
    parent !== null &&
    parent.content instanceof Y.ContentType &&
    isLiveCard(doc, parent.content.type);
  return live ? key : null;
}

/**
 * Every deleted clock is one the live document holds: a free value of a live card, or something
 * deleted already (a provider's sync step carries its document's whole delete set).
 */
function deletesOnlyFreeValues(doc: Y.Doc, deletes: SingleWrite["deletes"]): boolean {
  let count = 0;
  for (const { client, clock, len } of deletes) {
    count += len;
    if (count > MAX_DELETED || clock + len > Y.getState(doc.store, client)) return false;
    for (let at = clock; at < clock + len; at++)
      if (!deletable(doc, structAt(doc, Y.createID(client, at)))) return false;
  }
  return true;
}

/**
 * Whether `update` only sets one free field of a live card of `live` (see above). `shadow`, when
 * there is one, may hold accepted updates the live document has not applied yet: an update from a
 * client it knows further than the live document is not judged against the live document alone.
 * The update is one `checkUpdate` has walked (the gate's `readable` step).
 */
export function isHarmlessWrite(update: Uint8Array, live: Y.Doc, shadow: Y.Doc | null): boolean {
  if (update.length > MAX_BYTES) return false;
  const write = readSingleWrite(update, MAX_DELETED);
  if (!write) return false;
  const { client, clock } = write.id;
  // Next in its client's sequence: nothing missing before it (no pending structs), not a repeat.
  if (clock !== Y.getState(live.store, client)) return false;
  if (shadow && Y.getState(shadow.store, client) > clock) return false;
  const def = FREE_FIELDS.get(targetOf(live, write) ?? "");
  if (!def || plainFieldProblem(def, write.value) !== null) return false;
  return deletesOnlyFreeValues(live, write.deletes);
}
