import type { WebSocketLike } from "@hocuspocus/server";
import { AUTH_MESSAGE, MESSAGE_TYPE } from "@logic-canvas/shared";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { WebSocket } from "ws";
import {
  CLOSE_REASONS,
  fitCloseReason,
  isCloseCode,
  parseCloseReason,
} from "../runtime/close-reasons.ts";

/**
 * The y-websocket protocol is Hocuspocus's without the document name in front of each message
 * and without Hocuspocus's extra message types. So a y-websocket client can be served as an
 * ordinary Hocuspocus connection by translating frames at the socket: every rule the `/collab`
 * endpoint applies (authentication, roles, write validation and the durable append before a
 * write is applied, rate and connection limits, awareness stamping, closing on revoke) applies
 * here unchanged, because it is the same code on the same live document.
 */

/** The message types a y-websocket client may send. */
const CLIENT_TYPES = new Set<number>([
  MESSAGE_TYPE.sync,
  MESSAGE_TYPE.awareness,
  MESSAGE_TYPE.queryAwareness,
]);

const VALID_CLOSE_CODES = new Set([1000, 1001, 1003, 1007, 1008, 1009, 1011, 1012, 1013]);

/** The WebSocket close code for one of our `"<code>: <message>"` reasons. */
export function closeCodeFor(reason: string, fallback: number): number {
  const { code } = parseCloseReason(reason);
  return isCloseCode(code) ? CLOSE_REASONS[code].wsCode : fallback;
}

function safeCloseCode(code: number | undefined): number {
  if (code === undefined) return 1000;
  return VALID_CLOSE_CODES.has(code) || (code >= 3000 && code <= 4999) ? code : 1011;
}

export class YjsBridge implements WebSocketLike {
  private readonly address: Uint8Array;

  constructor(
    private readonly socket: WebSocket,
    documentName: string,
    /** Sees each Hocuspocus message before translation (the socket guard reads auth outcomes). */
    private readonly observe: (data: Uint8Array) => void = () => {},
  ) {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, documentName);
    this.address = encoding.toUint8Array(encoder);
  }

  get readyState(): number {
    return this.socket.readyState;
  }

  /** The Hocuspocus authentication message carrying the token from the URL. */
  authMessage(token: string): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeUint8Array(encoder, this.address);
    encoding.writeVarUint(encoder, MESSAGE_TYPE.auth);
    encoding.writeVarUint(encoder, AUTH_MESSAGE.token);
    encoding.writeVarString(encoder, token);
    return encoding.toUint8Array(encoder);
  }

  /** A y-websocket frame as Hocuspocus reads it, or null when it is no y-websocket message. */
  incoming(frame: Uint8Array): Uint8Array | null {
    // Every client message type is a single-byte varuint.
    const type = frame[0];
    if (type === undefined || !CLIENT_TYPES.has(type)) return null;
    const message = new Uint8Array(this.address.length + frame.length);
    message.set(this.address, 0);
    message.set(frame, this.address.length);
    return message;
  }

  /** What Hocuspocus sends this connection, translated; refusals become a close with a reason. */
  send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    if (!(data instanceof Uint8Array)) return;
    this.observe(data);
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const start = decoder.pos;
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_TYPE.sync:
      case MESSAGE_TYPE.awareness:
      case MESSAGE_TYPE.queryAwareness:
        this.socket.send(data.subarray(start));
        return;
      case MESSAGE_TYPE.syncReply: {
        const frame = data.slice(start);
        frame[0] = MESSAGE_TYPE.sync;
        this.socket.send(frame);
        return;
      }
      case MESSAGE_TYPE.auth: {
        if (decoding.readVarUint(decoder) !== AUTH_MESSAGE.permissionDenied) return;
        const reason = decoding.readVarString(decoder);
        this.close(closeCodeFor(reason, CLOSE_REASONS.unauthorized.wsCode), reason);
        return;
      }
      case MESSAGE_TYPE.close: {
        const reason = decoding.readVarString(decoder);
        this.close(closeCodeFor(reason, 1000), reason);
        return;
      }
      default:
      // Stateless messages, sync status and other Hocuspocus-only types mean nothing here.
    }
  }

  close(code?: number, reason?: string): void {
    if (this.socket.readyState >= this.socket.CLOSING) return;
    this.socket.close(safeCloseCode(code), fitCloseReason(reason ?? ""));
  }
}
