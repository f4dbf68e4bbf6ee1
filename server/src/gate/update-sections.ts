import { type Reader, refuse } from "./update-reader.ts";
import { readAny, readJson } from "./update-values.ts";

/** The two sections of a V1 update, struct by struct and range by range, as Yjs reads them. */

const utf8 = new TextDecoder();

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
      for (let i = 0; i < n; i++) readJson(r, "JSON content", true);
      return Math.max(n, 1);
    }
    case 3:
      r.bytes("binary content");
      return 1;
    case 4:
      // Yjs counts a string's length in UTF-16 units; it is at most its UTF-8 byte count.
      return Math.max(r.bytes("text content"), 1);
    case 5:
      readJson(r, "an embed", false);
      return 1;
    case 6:
      r.key("a format key");
      readJson(r, "a format value", false);
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
      for (let i = 0; i < n; i++) readAny(r);
      return Math.max(n, 1);
    }
    case 9:
      r.key("a subdocument id");
      readAny(r);
      return 1;
    default:
      return refuse(`unknown content type ${ref}`);
  }
}

export function readStructs(r: Reader): void {
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

export function readDeleteSet(r: Reader): void {
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
