import * as decoding from "lib0/decoding";

/**
 * A bounded reading of an untrusted Yjs V1 update, done before Yjs ever sees it.
 *
 * Yjs trusts the counts and lengths an update declares (yjs #479, #498, #687, open upstream for
 * the run-length V2 format): nine bytes declaring thirty million structs make it allocate a 240 MB
 * array, an embed holding JSON nested 5,000 deep is applied fine but then makes every later
 * `encodeStateAsUpdate` of the document throw (the document can no longer be synced or stored),
 * and V2 bytes fed to the merge functions loop for ever. This walk reads the same layout Yjs
 * reads, with a cursor that can never pass the end, and refuses any declared count that cannot
 * fit in the bytes left, so its cost is linear in the update's size and it allocates nothing in
 * proportion to what the update claims.
 */

export interface UpdateLimits {
  /** Largest update, in bytes. */
  maxBytes: number;
  /** Structs (items, GC and skip runs) in one update. */
  maxStructs: number;
  /** Delete ranges in one update. */
  maxDeleteRanges: number;
  /** Clients named in the struct section, or in the delete set. */
  maxClients: number;
  /** Nesting of arrays and objects inside an `any` value, or inside embedded JSON. */
  maxDepth: number;
  /** Clocks and lengths stay below this, far from where float arithmetic loses integers. */
  maxClock: number;
  /** Distinct root type names one update may create (each lives for ever in the document). */
  maxRootNames: number;
  /** Bytes of a root type name, map key, format key or XML node name. */
  maxKeyBytes: number;
}

export const DEFAULT_UPDATE_LIMITS: Readonly<UpdateLimits> = {
  maxBytes: 16 * 1024 * 1024,
  maxStructs: 2_000_000,
  maxDeleteRanges: 2_000_000,
  maxClients: 100_000,
  maxDepth: 64,
  maxClock: 2 ** 40,
  maxRootNames: 32,
  maxKeyBytes: 1024,
};

export type UpdateCheck = { ok: true } | { ok: false; reason: string };

class Refusal extends Error {}

const utf8 = new TextDecoder();

function refuse(reason: string): never {
  throw new Refusal(reason);
}

const CONTENT_NAMES = [
  "gc",
  "deleted",
  "json",
  "binary",
  "string",
  "embed",
  "format",
  "type",
  "any",
  "doc",
  "skip",
] as const;
const TYPE_REF_XML_ELEMENT = 3;
const TYPE_REF_XML_HOOK = 5;
const TYPE_REF_MAX = 6;

/** The walk's cursor: every read checks the bytes left first. */
class Reader {
  readonly decoder: decoding.Decoder;
  constructor(
    bytes: Uint8Array,
    readonly limits: UpdateLimits,
  ) {
    this.decoder = decoding.createDecoder(bytes);
  }

  get left(): number {
    return this.decoder.arr.length - this.decoder.pos;
  }

  byte(what: string): number {
    if (this.left < 1) refuse(`the update ends inside ${what}`);
    return decoding.readUint8(this.decoder);
  }

  uint(what: string): number {
    if (this.left < 1) refuse(`the update ends inside ${what}`);
    try {
      return decoding.readVarUint(this.decoder);
    } catch {
      return refuse(`${what} is not a valid number`);
    }
  }

  /** A count of things each taking at least `minBytes`: it must fit in what is left. */
  count(what: string, minBytes: number, max: number): number {
    const n = this.uint(what);
    if (n > max) refuse(`${what} (${n}) is over the limit of ${max}`);
    if (n * minBytes > this.left)
      refuse(`${what} (${n}) cannot fit in the ${this.left} bytes left`);
    return n;
  }

  clock(what: string): number {
    const n = this.uint(what);
    if (n >= this.limits.maxClock) refuse(`${what} (${n}) is out of range`);
    return n;
  }

  /** A signed varint (lib0 `readVarInt`): at most 8 bytes for a safe integer. */
  varInt(): void {
    for (let i = 0; i < 8; i++) {
      if ((this.byte("a number") & 0x80) === 0) return;
    }
    refuse("a number is out of range");
  }

  skip(n: number, what: string): void {
    if (n > this.left) refuse(`${what} (${n} bytes) runs past the end of the update`);
    this.decoder.pos += n;
  }

  /** Where the last byte run read by `bytes` starts (it ends at the cursor). */
  runStart = 0;

  /** Skips a length-prefixed byte run, returning its length; `runStart` marks where it began. */
  bytes(what: string): number {
    const n = this.uint(what);
    this.runStart = this.decoder.pos;
    this.skip(n, what);
    return n;
  }

  key(what: string): void {
    if (this.bytes(what) > this.limits.maxKeyBytes)
      refuse(`${what} is longer than ${this.limits.maxKeyBytes} bytes`);
  }

  /** Embedded JSON: bounded nesting (JSON.stringify recurses when the document is encoded). */
  json(what: string, allowUndefined: boolean): void {
    this.bytes(what);
    const start = this.runStart;
    const end = this.decoder.pos;
    const arr = this.decoder.arr;
    let depth = 0;
    let inString = false;
    for (let i = start; i < end; i++) {
      const c = arr[i] as number;
      if (inString) {
        if (c === 0x5c) i++;
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x5b || c === 0x7b) {
        depth += 1;
        if (depth > this.limits.maxDepth)
          refuse(`${what} nests deeper than ${this.limits.maxDepth} levels`);
      } else if (c === 0x5d || c === 0x7d) depth -= 1;
    }
    const text = utf8.decode(arr.subarray(start, end));
    if (allowUndefined && text === "undefined") return;
    try {
      JSON.parse(text);
    } catch {
      refuse(`${what} is not valid JSON`);
    }
  }

  /** lib0 `readAny`, iteratively, with bounded nesting and counts that must fit. */
  any(): void {
    // Values still to read at each open level.
    const pending: number[] = [1];
    // Whether each open level is an object (a key precedes each value).
    const isObject: boolean[] = [false];
    while (pending.length > 0) {
      const top = pending.length - 1;
      if (pending[top] === 0) {
        pending.pop();
        isObject.pop();
        continue;
      }
      pending[top] = (pending[top] as number) - 1;
      if (isObject[top]) this.bytes("an object key");
      const tag = this.byte("a value");
      switch (tag) {
        case 127: // undefined
        case 126: // null
        case 121: // false
        case 120: // true
          break;
        case 125:
          this.varInt();
          break;
        case 124:
          this.skip(4, "a float");
          break;
        case 123:
        case 122:
          this.skip(8, "a number");
          break;
        case 119:
          this.bytes("a string");
          break;
        case 116:
          this.bytes("a byte array");
          break;
        case 118:
        case 117: {
          if (pending.length > this.limits.maxDepth)
            refuse(`a value nests deeper than ${this.limits.maxDepth} levels`);
          const object = tag === 118;
          // An object entry takes at least a key length and a tag, an array entry a tag.
          pending.push(
            this.count(
              object ? "an object's size" : "an array's length",
              object ? 2 : 1,
              this.limits.maxStructs,
            ),
          );
          isObject.push(object);
          break;
        }
        default:
          refuse(`a value has an unknown type tag ${tag}`);
      }
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function readItemContent(r: Reader, ref: number): number {
  switch (ref) {
    case 1: {
      const len = r.clock("the length of deleted content");
      if (len < 1) refuse("deleted content has length 0");
      return len;
    }
    case 2: {
      const n = r.count("a JSON content's length", 1, r.limits.maxStructs);
      for (let i = 0; i < n; i++) r.json("JSON content", true);
      return Math.max(n, 1);
    }
    case 3:
      r.bytes("binary content");
      return 1;
    case 4:
      // Yjs counts a string's length in UTF-16 units; it is at most its UTF-8 byte count.
      return Math.max(r.bytes("text content"), 1);
    case 5:
      r.json("an embed", false);
      return 1;
    case 6:
      r.key("a format key");
      r.json("a format value", false);
      return 1;
    case 7: {
      const typeRef = r.uint("a type reference");
      if (typeRef > TYPE_REF_MAX) refuse(`unknown shared type ${typeRef}`);
      if (typeRef === TYPE_REF_XML_ELEMENT || typeRef === TYPE_REF_XML_HOOK)
        r.key("an XML node name");
      return 1;
    }
    case 8: {
      const n = r.count("an any content's length", 1, r.limits.maxStructs);
      for (let i = 0; i < n; i++) r.any();
      return Math.max(n, 1);
    }
    case 9:
      r.key("a subdocument id");
      r.any();
      return 1;
    default:
      return refuse(`unknown content type ${ref}`);
  }
}

function readStructs(r: Reader): void {
  const rootNames = new Set<string>();
  // Consecutive items usually share a root: compare bytes before paying for a decode.
  let lastRoot: Uint8Array | null = null;
  let structs = 0;
  // Each client section takes at least 3 bytes (struct count, client, clock).
  const clients = r.count("the number of clients", 3, r.limits.maxClients);
  for (let c = 0; c < clients; c++) {
    // The smallest struct is two bytes (a GC or skip run: info byte and length).
    const n = r.count("the number of structs", 2, r.limits.maxStructs - structs);
    structs += n;
    r.uint("a client id");
    let clock = r.clock("a clock");
    for (let i = 0; i < n; i++) {
      const info = r.byte("a struct");
      const ref = info & 0x1f;
      let length: number;
      if (ref === 0 || ref === 10) {
        length = r.clock(`the length of a ${CONTENT_NAMES[ref]} run`);
        if (length < 1) refuse(`a ${CONTENT_NAMES[ref]} run has length 0`);
      } else {
        if (info & 0x80) {
          r.uint("an origin's client");
          r.clock("an origin's clock");
        }
        if (info & 0x40) {
          r.uint("a right origin's client");
          r.clock("a right origin's clock");
        }
        if ((info & 0xc0) === 0) {
          const parentIsRoot = r.uint("the parent kind");
          if (parentIsRoot === 1) {
            r.key("a root type name");
            const name = r.decoder.arr.subarray(r.runStart, r.decoder.pos);
            if (!lastRoot || !sameBytes(lastRoot, name)) {
              lastRoot = name;
              rootNames.add(utf8.decode(name));
              if (rootNames.size > r.limits.maxRootNames)
                refuse(`the update names more than ${r.limits.maxRootNames} root types`);
            }
          } else {
            r.uint("a parent's client");
            r.clock("a parent's clock");
          }
          if (info & 0x20) r.key("a map key");
        }
        length = readItemContent(r, ref);
      }
      clock += length;
      if (clock >= r.limits.maxClock) refuse("a clock is out of range");
    }
  }
}

function readDeleteSet(r: Reader): void {
  let ranges = 0;
  // Each client entry takes at least 2 bytes (client, range count).
  const clients = r.count("the number of clients in the delete set", 2, r.limits.maxClients);
  for (let c = 0; c < clients; c++) {
    r.uint("a client id in the delete set");
    const n = r.count("the number of delete ranges", 2, r.limits.maxDeleteRanges - ranges);
    ranges += n;
    for (let i = 0; i < n; i++) {
      const clock = r.clock("a delete range's clock");
      const len = r.clock("a delete range's length");
      if (clock + len >= r.limits.maxClock) refuse("a delete range is out of range");
    }
  }
}

/**
 * Whether `update` (a V1 update, as y-protocols carries it) is safe to hand to Yjs. Every update
 * real Yjs produces passes (transaction updates, full states, `mergeUpdates` results); refused
 * ones get a reason suitable for a log or a close message.
 */
export function checkUpdate(update: Uint8Array, limits: Partial<UpdateLimits> = {}): UpdateCheck {
  const all: UpdateLimits = { ...DEFAULT_UPDATE_LIMITS, ...limits };
  if (update.length > all.maxBytes)
    return { ok: false, reason: `the update is larger than ${all.maxBytes} bytes` };
  const r = new Reader(update, all);
  try {
    readStructs(r);
    readDeleteSet(r);
    if (r.left > 0) refuse(`${r.left} bytes follow the end of the update`);
    return { ok: true };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    // Nothing above should throw otherwise; treat a surprise as a refusal, never as a pass.
    return {
      ok: false,
      reason: `the update could not be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}
