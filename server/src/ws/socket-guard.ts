import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { AUTH_MESSAGE, MESSAGE_TYPE } from "@logic-canvas/shared";
import * as decoding from "lib0/decoding";
import type { WebSocket } from "ws";
import {
  CLOSE_REASONS,
  type CloseCode,
  closeReason,
  fitCloseReason,
} from "../runtime/close-reasons.ts";
import type { Limits } from "../runtime/config.ts";
import type { Logger } from "../runtime/logger.ts";
import type { SlotCounter } from "./shared-slots.ts";
import { endsOrAuthenticates, SocketDocuments } from "./socket-documents.ts";
import { refuseUpgrade } from "./upgrade-router.ts";

/** How long a socket we refused may take to finish the closing handshake before it is cut. */
const CLOSE_GRACE_MS = 1_000;

type GuardLimits = Pick<
  Limits,
  | "messagesPerSecond"
  | "messageBurst"
  | "bytesPerSecond"
  | "byteBurst"
  | "maxUnauthenticatedPerAddress"
  | "maxUnauthenticated"
  | "authTimeoutMs"
  | "maxDocumentsPerSocket"
>;

/** One WebSocket as the guard sees it, from upgrade to close. */
export class GuardedSocket {
  private messageTokens: number;
  private byteTokens: number;
  private at = Date.now();
  private authenticated = false;
  private gone = false;
  private readonly deadline: NodeJS.Timeout;
  // Per document name, oldest first: what to release if the server refuses a document it had
  // admitted (its load failed). Refusals of documents that held nothing are counted apart, so
  // that they do not release someone else's slot.
  private readonly watchers = new Map<string, (() => void)[]>();
  private readonly refusalsWithoutSlot = new Map<string, number>();
  /** The documents this socket holds or is opening (the per-socket cap). */
  readonly documents: SocketDocuments;

  constructor(
    private readonly guard: SocketGuard,
    readonly ws: WebSocket,
    readonly address: string,
  ) {
    this.messageTokens = guard.limits.messageBurst;
    this.byteTokens = guard.limits.byteBurst;
    this.documents = new SocketDocuments(guard.limits.maxDocumentsPerSocket);
    this.deadline = setTimeout(() => {
      guard.logger.warn("auth-timeout", { address });
      this.refuse("unauthorized", "No valid link was presented in time.");
    }, guard.limits.authTimeoutMs);
    this.deadline.unref();
  }

  get isGone(): boolean {
    return this.gone;
  }

  /**
   * Counts a frame as it arrives, before Hocuspocus queues it: false (and the socket closed with
   * `rate-limited`) once the socket exceeds its message or byte budget. Counting at arrival, not
   * when Hocuspocus dequeues, is what bounds its per-connection queue while the CPU is busy.
   */
  arrived(bytes: number): boolean {
    if (this.gone) return false;
    const { limits } = this.guard;
    const now = Date.now();
    const elapsed = (now - this.at) / 1000;
    this.at = now;
    this.messageTokens = Math.min(
      limits.messageBurst,
      this.messageTokens + elapsed * limits.messagesPerSecond,
    );
    this.byteTokens = Math.min(limits.byteBurst, this.byteTokens + elapsed * limits.bytesPerSecond);
    if (this.messageTokens < 1 || this.byteTokens < bytes) {
      this.guard.logger.warn("rate-limited", { address: this.address });
      this.refuse("rate-limited");
      return false;
    }
    this.messageTokens -= 1;
    this.byteTokens -= bytes;
    return true;
  }

  /** Reads what Hocuspocus sends this socket for the auth outcomes the guard acts on. */
  outgoing(data: Uint8Array): void {
    // Every delivery passes here (50 per edit at 50 clients), nearly all sync and awareness
    // broadcasts: their type is read without decoding the document name, and only auth and
    // close frames are read further.
    if (!endsOrAuthenticates(data)) return;
    this.documents.outgoing(data);
    const outcome = authOutcome(data);
    if (!outcome) return;
    if (outcome.type === AUTH_MESSAGE.authenticated) {
      if (!this.authenticated) {
        this.authenticated = true;
        clearTimeout(this.deadline);
        this.guard.authenticated(this);
      }
      return;
    }
    if (outcome.type === AUTH_MESSAGE.permissionDenied) {
      const name = outcome.documentName;
      const unslotted = this.refusalsWithoutSlot.get(name) ?? 0;
      if (unslotted > 0) {
        if (unslotted === 1) this.refusalsWithoutSlot.delete(name);
        else this.refusalsWithoutSlot.set(name, unslotted - 1);
        return;
      }
      const release = this.watchers.get(name)?.shift();
      if (this.watchers.get(name)?.length === 0) this.watchers.delete(name);
      release?.();
    }
  }

  /**
   * Calls `release` when this socket closes or the server refuses an admitted `documentName`;
   * the returned function stops watching (once the document is connected or released).
   */
  watch(documentName: string, release: () => void): () => void {
    if (this.gone) {
      release();
      return () => {};
    }
    const list = this.watchers.get(documentName) ?? [];
    list.push(release);
    this.watchers.set(documentName, list);
    return () => {
      const at = list.indexOf(release);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0 && this.watchers.get(documentName) === list)
        this.watchers.delete(documentName);
    };
  }

  /** Authentication of `documentName` is being refused before it held any slot. */
  refusingUnslotted(documentName: string): void {
    if (this.gone) return;
    this.refusalsWithoutSlot.set(
      documentName,
      (this.refusalsWithoutSlot.get(documentName) ?? 0) + 1,
    );
  }

  /**
   * Closes with one of our reasons; what still arrives is dropped (`arrived` is false once gone),
   * and the socket is cut if the peer does not finish the closing handshake in time.
   */
  refuse(code: CloseCode, detail?: string): void {
    if (this.ws.readyState >= this.ws.CLOSING) return;
    const reason = fitCloseReason(closeReason(code, detail));
    this.ws.close(CLOSE_REASONS[code].wsCode, reason);
    setTimeout(() => this.ws.terminate(), CLOSE_GRACE_MS).unref();
    this.closed();
  }

  /** The socket is gone (or we gave up on it): release everything it held. Idempotent. */
  closed(): void {
    if (this.gone) return;
    this.gone = true;
    clearTimeout(this.deadline);
    this.guard.forget(this, this.authenticated);
    const releases = [...this.watchers.values()].flat();
    this.watchers.clear();
    for (const release of releases) release();
  }
}

function sharedKey(address: string): string {
  return `unauthenticated:${address}`;
}

/** The auth sub-type and document of a Hocuspocus server message, or null for any other message. */
function authOutcome(data: Uint8Array): { type: number; documentName: string } | null {
  try {
    const decoder = decoding.createDecoder(data);
    // The address may be `documentName\0sessionId` for session-aware providers.
    const documentName = decoding.readVarString(decoder).split("\0")[0] ?? "";
    if (decoding.readVarUint(decoder) !== MESSAGE_TYPE.auth) return null;
    return { type: decoding.readVarUint(decoder), documentName };
  } catch {
    return null;
  }
}

/**
 * Socket-level limits shared by every WebSocket endpoint: how many sockets may be open without
 * having authenticated (per remote address and in total), how long a socket may take to
 * authenticate, and the per-socket message and byte budget. It also tells the limits extension
 * when a socket that held a connection slot is gone, whatever the path.
 */
export class SocketGuard {
  private readonly unauthenticatedByAddress = new Map<string, number>();
  private unauthenticated = 0;
  private readonly byRequest = new WeakMap<Request, GuardedSocket>();

  constructor(
    readonly limits: GuardLimits,
    readonly logger: Logger,
    /** With several processes: the per-address count of unauthenticated sockets, shared. */
    private readonly shared?: SlotCounter,
  ) {}

  /**
   * Runs `upgrade` if the pre-authentication caps have room for this request, else answers 429.
   * The caps of this process are checked at once; with several processes the per-address one
   * is also checked across them (a moment later: it is a Redis round trip).
   */
  admitUpgrade(request: IncomingMessage, socket: Duplex, upgrade: () => void): void {
    if (!this.hasRoom(request)) {
      refuseUpgrade(socket, 429, "Too Many Requests");
      return;
    }
    const shared = this.shared;
    if (!shared) {
      upgrade();
      return;
    }
    const address = request.socket.remoteAddress ?? "unknown";
    const key = sharedKey(address);
    shared.take(key, this.limits.maxUnauthenticatedPerAddress).then(
      (room) => {
        if (!room) {
          this.logger.warn("unauthenticated-cap", { address, shared: true });
          refuseUpgrade(socket, 429, "Too Many Requests");
        } else if (socket.destroyed) shared.give(key);
        else upgrade();
      },
      () => upgrade(),
    );
  }

  /** Before the upgrade: false when the pre-authentication caps are full. */
  hasRoom(request: IncomingMessage): boolean {
    const address = request.socket.remoteAddress ?? "unknown";
    const fromAddress = this.unauthenticatedByAddress.get(address) ?? 0;
    if (
      fromAddress >= this.limits.maxUnauthenticatedPerAddress ||
      this.unauthenticated >= this.limits.maxUnauthenticated
    ) {
      this.logger.warn("unauthenticated-cap", {
        address,
        fromAddress,
        total: this.unauthenticated,
      });
      return false;
    }
    return true;
  }

  /** After the upgrade; `hookRequest` is the Request handed to Hocuspocus for this socket. */
  track(ws: WebSocket, request: IncomingMessage, hookRequest: Request): GuardedSocket {
    const address = request.socket.remoteAddress ?? "unknown";
    this.unauthenticatedByAddress.set(
      address,
      (this.unauthenticatedByAddress.get(address) ?? 0) + 1,
    );
    this.unauthenticated += 1;
    const socket = new GuardedSocket(this, ws, address);
    this.byRequest.set(hookRequest, socket);
    return socket;
  }

  /** The socket behind a Hocuspocus hook's `request`, if it came through an endpoint. */
  socketOf(request: Request): GuardedSocket | undefined {
    return this.byRequest.get(request);
  }

  authenticated(socket: GuardedSocket): void {
    this.release(socket.address);
  }

  forget(socket: GuardedSocket, wasAuthenticated: boolean): void {
    if (!wasAuthenticated) this.release(socket.address);
  }

  private release(address: string): void {
    this.shared?.give(sharedKey(address));
    this.unauthenticated = Math.max(0, this.unauthenticated - 1);
    const left = (this.unauthenticatedByAddress.get(address) ?? 1) - 1;
    if (left > 0) this.unauthenticatedByAddress.set(address, left);
    else this.unauthenticatedByAddress.delete(address);
  }

  /** Open sockets not yet authenticated (for health and tests). */
  get unauthenticatedCount(): number {
    return this.unauthenticated;
  }
}
