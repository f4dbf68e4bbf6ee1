import { AUTH_MESSAGE, MESSAGE_TYPE } from "@logic-canvas/shared";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { skipDocumentName } from "../gate/sync-message.ts";
import { closeReason } from "../runtime/close-reasons.ts";

/** The address a Hocuspocus message starts with (`name` or `name\0session`), or null. */
export function addressOf(frame: Uint8Array): string | null {
  try {
    return decoding.readVarString(decoding.createDecoder(frame));
  } catch {
    return null;
  }
}

/**
 * Whether an outgoing frame is an auth or close message (the only ones the guard and the socket's
 * documents act on), read without decoding the document name; an unreadable frame is looked at.
 */
export function endsOrAuthenticates(frame: Uint8Array): boolean {
  // A broadcast hands the same frame to every socket of the document: read it once.
  if (frame === lastFrame.frame && frame.byteLength === lastFrame.length) return lastFrame.verdict;
  const verdict = readEndsOrAuthenticates(frame);
  lastFrame.frame = frame;
  lastFrame.length = frame.byteLength;
  lastFrame.verdict = verdict;
  return verdict;
}

const lastFrame: { frame: Uint8Array | null; length: number; verdict: boolean } = {
  frame: null,
  length: 0,
  verdict: true,
};

function readEndsOrAuthenticates(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame);
    skipDocumentName(decoder);
    const type = decoding.readVarUint(decoder);
    return type === MESSAGE_TYPE.auth || type === MESSAGE_TYPE.close;
  } catch {
    return true;
  }
}

/** A copy of the frame's leading address as encoded (its length, then its bytes). */
function addressBytes(frame: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(frame);
  try {
    skipDocumentName(decoder);
  } catch {
    return null;
  }
  return frame.slice(0, decoder.pos);
}

function startsWith(frame: Uint8Array, prefix: Uint8Array): boolean {
  if (frame.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (frame[i] !== prefix[i]) return false;
  return true;
}

/** Hocuspocus's "permission denied" for `address`, with our reason. */
function denial(address: string, reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, address);
  encoding.writeVarUint(encoder, MESSAGE_TYPE.auth);
  encoding.writeVarUint(encoder, AUTH_MESSAGE.permissionDenied);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/**
 * The documents one `/collab` socket holds or is opening, by the address Hocuspocus keys them
 * by, so a socket cannot open hundreds (each costs the server the whole document in memory, and
 * seconds of loading for a large one). An address counts from its first frame, as in Hocuspocus,
 * until the server refuses it or closes it; every address goes when the socket does.
 */
export class SocketDocuments {
  private readonly open = new Set<string>();
  /** Frames refused so far (for logging once per socket, not once per frame). */
  refused = 0;
  /** The encoded address (length and name) of the open document the last frame was for. */
  private lastOpen: Uint8Array | null = null;

  constructor(private readonly max: number) {}

  /**
   * Null to hand the frame on to Hocuspocus, or the refusal to send back instead: a frame for a
   * new document once the socket holds `max` of them is refused in band (the socket's other
   * documents carry on) and never reaches Hocuspocus.
   */
  admit(frame: Uint8Array): Uint8Array | null {
    // Nearly every frame is for the document the socket's last frame was for: compared as bytes,
    // with no UTF-8 decode and no string per message.
    if (this.lastOpen && startsWith(frame, this.lastOpen)) return null;
    const address = addressOf(frame);
    // Unreadable frames are Hocuspocus's to refuse.
    if (address === null) return null;
    // Hocuspocus also routes `name\0session` to an open `name`.
    const name = address.split("\0")[0] ?? address;
    if (this.open.has(address) || this.open.has(name)) {
      if (this.open.has(address)) this.lastOpen = addressBytes(frame);
      return null;
    }
    if (this.open.size >= this.max) {
      this.refused += 1;
      return denial(address, closeReason("too-many-documents"));
    }
    this.open.add(address);
    this.lastOpen = addressBytes(frame);
    return null;
  }

  /** Sees what the server sends this socket: a refusal or a close ends that document's hold. */
  outgoing(frame: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(frame);
      const address = decoding.readVarString(decoder);
      const type = decoding.readVarUint(decoder);
      const ends =
        type === MESSAGE_TYPE.close ||
        (type === MESSAGE_TYPE.auth &&
          decoding.readVarUint(decoder) === AUTH_MESSAGE.permissionDenied);
      if (ends) {
        this.open.delete(address);
        this.lastOpen = null;
      }
    } catch {
      // Not a message this needs.
    }
  }

  get size(): number {
    return this.open.size;
  }
}
