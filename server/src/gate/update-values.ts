import { type Reader, refuse } from "./update-reader.ts";

/**
 * The two kinds of free-form value an update carries, JSON text and lib0 `any`, read with bounded
 * nesting: Yjs accepts them deep, but every later encode of the document recurses into them.
 */

const utf8 = new TextDecoder();

/** Embedded JSON: bounded nesting (JSON.stringify recurses when the document is encoded). */
export function readJson(r: Reader, what: string, allowUndefined: boolean): void {
  r.bytes(what);
  const start = r.runStart;
  const end = r.decoder.pos;
  const arr = r.decoder.arr;
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
      if (depth > r.limits.maxDepth)
        refuse(`${what} nests deeper than ${r.limits.maxDepth} levels`);
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
export function readAny(r: Reader): void {
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
    if (isObject[top]) r.bytes("an object key");
    const tag = r.byte("a value");
    switch (tag) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        break;
      case 125:
        r.varInt();
        break;
      case 124:
        r.skip(4, "a float");
        break;
      case 123:
      case 122:
        r.skip(8, "a number");
        break;
      case 119:
        r.bytes("a string");
        break;
      case 116:
        r.bytes("a byte array");
        break;
      case 118:
      case 117: {
        if (pending.length > r.limits.maxDepth)
          refuse(`a value nests deeper than ${r.limits.maxDepth} levels`);
        const object = tag === 118;
        // An object entry takes at least a key length and a tag, an array entry a tag.
        pending.push(
          r.count(
            object ? "an object's size" : "an array's length",
            object ? 2 : 1,
            r.limits.maxStructs,
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
