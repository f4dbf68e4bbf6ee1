import { MessageType } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from "y-protocols/sync";

export type DecodedMessage =
  | { kind: "write"; update: Uint8Array }
  | { kind: "other" }
  | { kind: "malformed"; reason: string };

/**
 * Steps over the document name that starts every Hocuspocus message without decoding it (a UTF-8
 * decode and a string for every message otherwise); throws if the message ends inside it.
 */
export function skipDocumentName(decoder: decoding.Decoder): void {
  const length = decoding.readVarUint(decoder);
  if (decoder.pos + length > decoder.arr.length) throw new RangeError("truncated document name");
  decoder.pos += length;
}

/**
 * Reads a raw Hocuspocus message (document name, type, payload) far enough to find a Yjs update
 * in it: sync step 2 and update messages carry one. Everything else passes to Hocuspocus.
 */
export function decodeMessage(message: Uint8Array): DecodedMessage {
  try {
    const decoder = decoding.createDecoder(message);
    skipDocumentName(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== MessageType.Sync && type !== MessageType.SyncReply) return { kind: "other" };
    const step = decoding.readVarUint(decoder);
    if (step === messageYjsSyncStep1) {
      decoding.readVarUint8Array(decoder);
      return { kind: "other" };
    }
    if (step === messageYjsSyncStep2 || step === messageYjsUpdate) {
      return { kind: "write", update: decoding.readVarUint8Array(decoder) };
    }
    return { kind: "malformed", reason: `unknown sync message type ${step}` };
  } catch {
    return { kind: "malformed", reason: "the message is truncated or not a Yjs sync message" };
  }
}

/** The update a Yjs document sends when it has nothing new: no structs, no deletions. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
