import { randomBytes as cryptoRandomBytes } from "node:crypto";
import { HOSTILE_UPDATES } from "../../fixtures/hostile/yjs-updates.ts";
import { varString, varUint } from "./wire.ts";

/**
 * The frames the fuzzer sends: Hocuspocus messages built or mutated from recorded ones, and raw
 * WebSocket frames that a conforming client never writes. All randomness comes from a seeded PRNG
 * so a run can be replayed.
 */

export type Rand = () => number;

export function prng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (r: Rand, n: number) => Math.floor(r() * n);
export const pick = <T>(r: Rand, items: readonly T[]): T => items[int(r, items.length)] as T;

/** The recorded auth message (type 2 after the document name), and the same for the review document. */
export function authFramesOf(seeds: Uint8Array[], docName: string): Uint8Array[] {
  const at = varString(docName).length;
  const frame = seeds.find((f) => f[at] === 2);
  if (!frame) throw new Error("no auth frame was recorded");
  const review = Uint8Array.from([...varString(`${docName}/review`), ...frame.subarray(at)]);
  return [frame, review];
}

/** A Hocuspocus sync-update message (type 0, step 2) carrying `update` for `docName`. */
export function syncUpdateFrame(docName: string, update: Uint8Array): Uint8Array {
  return Uint8Array.from([...varString(docName), 0, 2, ...varUint(update.length), ...update]);
}

export function mutate(r: Rand, seeds: Uint8Array[], docName: string): [string, Uint8Array] {
  const base = pick(r, seeds);
  switch (int(r, 9)) {
    case 0: {
      const out = Uint8Array.from(base);
      for (let k = 0; k <= int(r, 4); k++) out[int(r, out.length)] = int(r, 256);
      return ["flip", out];
    }
    case 1:
      return ["truncate", base.subarray(0, int(r, base.length))];
    case 2:
      return ["duplicate", Uint8Array.from([...base, ...base])];
    case 3: {
      const other = pick(r, seeds);
      return [
        "splice",
        Uint8Array.from([
          ...base.subarray(0, int(r, base.length)),
          ...other.subarray(int(r, other.length)),
        ]),
      ];
    }
    case 4: {
      const at = int(r, base.length);
      const junk = cryptoRandomBytes(1 + int(r, 16));
      return ["insert", Uint8Array.from([...base.subarray(0, at), ...junk, ...base.subarray(at)])];
    }
    case 5: {
      // The message type right after the document name, replaced.
      const nameLength = varString(docName).length;
      const out = Uint8Array.from(base);
      if (out.length > nameLength) out[nameLength] = int(r, 12);
      return ["type", out];
    }
    case 6: {
      const names = [
        "",
        "../../etc/passwd",
        "%2e%2e",
        "x".repeat(5000),
        `${docName}/other`,
        `${docName}\0x`,
        "🎉",
      ];
      const nameLength = varString(docName).length;
      return [
        "rename",
        Uint8Array.from([...varString(pick(r, names)), ...base.subarray(nameLength)]),
      ];
    }
    case 7: {
      const hostile = pick(r, HOSTILE_UPDATES);
      return [
        `yjs:${hostile.name}`,
        syncUpdateFrame(pick(r, [docName, `${docName}/review`]), hostile.bytes),
      ];
    }
    default:
      return ["random", cryptoRandomBytes(int(r, 300))];
  }
}

/** Invalid WebSocket frames, as raw bytes a conforming client never writes. */
export function invalidWsFrame(r: Rand): [string, Buffer] {
  const mask = [1, 2, 3, 4];
  switch (int(r, 9)) {
    case 0:
      return ["ws:unmasked", Buffer.from([0x82, 0x03, 1, 2, 3])];
    case 1:
      return ["ws:rsv-bits", Buffer.from([0xf2, 0x81, ...mask, 0])];
    case 2:
      return ["ws:reserved-opcode", Buffer.from([0x83, 0x80, ...mask])];
    case 3:
      return [
        "ws:long-control",
        Buffer.from([0x89, 0xfe, 0x00, 0x80, ...mask, ...new Array(128).fill(0)]),
      ];
    case 4:
      return ["ws:fragmented-ping", Buffer.from([0x09, 0x80, ...mask])];
    case 5:
      return ["ws:orphan-continuation", Buffer.from([0x80, 0x81, ...mask, 7])];
    case 6:
      return [
        "ws:huge-length",
        Buffer.from([0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, ...mask]),
      ];
    case 7:
      // A text frame of invalid UTF-8 (0xff, masked with 1,2,3,4).
      return ["ws:bad-utf8-text", Buffer.from([0x81, 0x82, ...mask, 0xff ^ 1, 0xfe ^ 2])];
    default:
      // A close frame with the forbidden code 999.
      return ["ws:bad-close-code", Buffer.from([0x88, 0x82, ...mask, 0x03 ^ 1, 0xe7 ^ 2])];
  }
}
