import * as decoding from "lib0/decoding";

/** Hocuspocus message types (the provider's wire protocol), as far as the gate cares. */
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export type DecodedMessage =
  | { kind: "write"; update: Uint8Array }
  | { kind: "other" }
  | { kind: "malformed"; reason: string };

/**
 * Reads a raw Hocuspocus message (document name, type, payload) far enough to find a Yjs update
 * in it: sync step 2 and update messages carry one. Everything else passes to Hocuspocus.
 */
export function decodeMessage(message: Uint8Array): DecodedMessage {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return { kind: "other" };
    const step = decoding.readVarUint(decoder);
    if (step === SYNC_STEP_1) {
      decoding.readVarUint8Array(decoder);
      return { kind: "other" };
    }
    if (step === SYNC_STEP_2 || step === SYNC_UPDATE) {
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
