import * as decoding from "lib0/decoding";

/**
 * The one shape of update the gate may let through untried (harmless-write.ts), read straight off
 * the V1 bytes: one struct, an item holding one `any` value, and a small delete set. Reading it
 * this way, instead of with `Y.decodeUpdate`, builds no Item, content or delete-set objects for
 * the updates that are most of all writes (a drag sends one per move), and stops at the first
 * byte of any other shape.
 *
 * Only for updates `checkUpdate` (update-limits.ts) has already walked: the counts and lengths
 * here are trusted to fit. The layout (Yjs `writeClientsStructs`, `Item.write`, `writeDeleteSet`):
 *
 *   clients, then per client: structs, client, clock, then per struct:
 *     info (bits: 0x80 origin, 0x40 right origin, 0x20 parent key; low 5: content kind)
 *     [origin client, clock] [right origin client, clock]
 *     when neither origin: parent kind (1 root name | 0 id), the name or the id's client, clock;
 *       [parent key]
 *     content (kind 8, `any`: a count, then that many lib0 `any` values)
 *   delete set: clients, then per client: client, ranges, then per range: clock, length
 */

export interface WriteId {
  client: number;
  clock: number;
}

export interface SingleWrite {
  /** The item's own id. */
  id: WriteId;
  /** The item it was inserted after, if any (a map entry overwriting an earlier one has one). */
  origin: WriteId | null;
  /** Whether it was inserted before another item (never so for a map entry). */
  hasRightOrigin: boolean;
  /** Its parent type's item, when written without an origin; null for a root or with one. */
  parent: WriteId | null;
  /** Whether the parent is a root type (named in the update instead of by an id). */
  parentIsRoot: boolean;
  /** The map key it is written under, when written without an origin. */
  parentSub: string | null;
  /** The one value it holds. */
  value: unknown;
  /** What the update deletes, range by range. */
  deletes: Array<{ client: number; clock: number; len: number }>;
}

/** Yjs's content kind of `ContentAny`. */
const CONTENT_ANY = 8;

function readId(decoder: decoding.Decoder): WriteId {
  const client = decoding.readVarUint(decoder);
  return { client, clock: decoding.readVarUint(decoder) };
}

/**
 * The update as a single write, or null when it is any other shape: more than one struct, a
 * struct that is not an item of one `any` value, more than `maxDeletes` ranges, bytes left over.
 */
export function readSingleWrite(update: Uint8Array, maxDeletes: number): SingleWrite | null {
  try {
    const decoder = decoding.createDecoder(update);
    if (decoding.readVarUint(decoder) !== 1 || decoding.readVarUint(decoder) !== 1) return null;
    const id = readId(decoder);
    const info = decoding.readUint8(decoder);
    if ((info & 0x1f) !== CONTENT_ANY) return null;
    const origin = info & 0x80 ? readId(decoder) : null;
    const hasRightOrigin = (info & 0x40) !== 0;
    if (hasRightOrigin) readId(decoder);
    let parent: WriteId | null = null;
    let parentIsRoot = false;
    let parentSub: string | null = null;
    if ((info & 0xc0) === 0) {
      parentIsRoot = decoding.readVarUint(decoder) === 1;
      if (parentIsRoot) decoding.readVarString(decoder);
      else parent = readId(decoder);
      if (info & 0x20) parentSub = decoding.readVarString(decoder);
    }
    if (decoding.readVarUint(decoder) !== 1) return null;
    const value = decoding.readAny(decoder);
    const deletes: SingleWrite["deletes"] = [];
    const clients = decoding.readVarUint(decoder);
    for (let c = 0; c < clients; c++) {
      const client = decoding.readVarUint(decoder);
      const ranges = decoding.readVarUint(decoder);
      if (deletes.length + ranges > maxDeletes) return null;
      for (let r = 0; r < ranges; r++) {
        const clock = decoding.readVarUint(decoder);
        deletes.push({ client, clock, len: decoding.readVarUint(decoder) });
      }
    }
    if (decoding.hasContent(decoder)) return null;
    return { id, origin, hasRightOrigin, parent, parentIsRoot, parentSub, value, deletes };
  } catch {
    return null;
  }
}
