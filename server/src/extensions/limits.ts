import type { Extension } from "@hocuspocus/server";
import { type CloseCode, CloseError } from "../runtime/close-reasons.ts";
import type { Limits } from "../runtime/config.ts";
import type { Logger } from "../runtime/logger.ts";
import type { SlotCounter } from "../ws/shared-slots.ts";
import type { SocketGuard } from "../ws/socket-guard.ts";

/**
 * Only a backstop: an admitted slot is settled when its document connects, when its socket
 * closes or its document is refused (the socket guard reports both), or when it disconnects.
 * This covers a connection that came in some other way than through our endpoints.
 */
const ADMITTED_BACKSTOP_MS = 30_000;

/** Where a connection's slot travels in its Hocuspocus context (a symbol: never serialised). */
const SLOT = Symbol("connection-slot");

/** One admitted document connection's share of the caps; `release` is idempotent. */
export interface Slot {
  /** The document is connected: from now on its disconnect releases the slot. */
  connected(): void;
  release(): void;
}

export interface AdmissionRequest {
  documentName: string;
  linkId: string;
  request: Request;
}

/**
 * The caps on connections to one document: `maxConnectionsPerModel` in all, and
 * `maxConnectionsPerLink` through any one share link, so that one link (a viewer link handed to
 * a crowd, or a script holding it) cannot lock out the owner, the editors and other links. Both
 * are counted across processes (see ws/shared-slots.ts). A connection counts from the moment it
 * is admitted (its document may still be loading) until it goes, so many clients authenticating
 * at once cannot overshoot. The per-socket caps (documents, messages, bytes) are enforced where
 * frames arrive (ws/socket-guard.ts), not here.
 */
export class ConnectionAdmission {
  constructor(
    private readonly limits: Limits,
    private readonly slots: SlotCounter,
    private readonly logger: Logger,
    private readonly guard?: SocketGuard,
  ) {}

  /** A slot for this connection, or a CloseError saying which cap is full. */
  async admit({ documentName, linkId, request }: AdmissionRequest): Promise<Slot> {
    const perDocument = `doc:${documentName}`;
    const perLink = `link:${documentName}:${linkId}`;
    if (!(await this.slots.take(perDocument, this.limits.maxConnectionsPerModel))) {
      throw this.refusal("too-many-connections", documentName);
    }
    if (!(await this.slots.take(perLink, this.limits.maxConnectionsPerLink))) {
      this.slots.give(perDocument);
      throw this.refusal("too-many-on-link", documentName);
    }
    let released = false;
    let unwatch: () => void = () => {};
    const backstop = setTimeout(() => slot.release(), ADMITTED_BACKSTOP_MS);
    backstop.unref();
    const slot: Slot = {
      connected: () => {
        clearTimeout(backstop);
        unwatch();
      },
      release: () => {
        if (released) return;
        released = true;
        clearTimeout(backstop);
        unwatch();
        this.slots.give(perLink);
        this.slots.give(perDocument);
      },
    };
    unwatch = this.guard?.socketOf(request)?.watch(documentName, slot.release) ?? unwatch;
    return slot;
  }

  /** A refusal of `documentName` that held no slot (so it must not release another's). */
  refusedUnslotted(documentName: string, request: Request): void {
    this.guard?.socketOf(request)?.refusingUnslotted(documentName);
  }

  private refusal(code: CloseCode, documentName: string): CloseError {
    this.logger.warn("connection-cap", { document: documentName, cap: code });
    const refusal = new CloseError(code);
    // Logged just above. Hocuspocus prints every hook error that has a message to stderr
    // (once per later extension); the client reads `reason`, not `message`.
    refusal.message = "";
    return refusal;
  }

  /** Context additions that carry `slot` with the connection. */
  static carry(slot: Slot): Record<symbol, Slot> {
    return { [SLOT]: slot };
  }
}

function slotOf(context: unknown): Slot | undefined {
  return (context as Record<symbol, Slot> | undefined)?.[SLOT];
}

/** Settles each connection's slot: kept while connected, released when it disconnects. */
export function limitsExtension(): Extension {
  return {
    extensionName: "limits",
    priority: 900,

    async connected({ context }) {
      slotOf(context)?.connected();
    },

    async onDisconnect({ context }) {
      slotOf(context)?.release();
    },
  };
}
