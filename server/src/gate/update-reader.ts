import * as decoding from "lib0/decoding";

/** What one update may declare; the defaults and the check live in update-limits.ts. */
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

/** Thrown by every check of the walk; `checkUpdate` turns it into a refusal with its reason. */
export class Refusal extends Error {}

export function refuse(reason: string): never {
  throw new Refusal(reason);
}

/** The walk's cursor: every read checks the bytes left first. */
export class Reader {
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
}
