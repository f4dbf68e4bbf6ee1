import type { Extension } from "@hocuspocus/server";
import { CloseError } from "../close-reasons.ts";
import type { Limits } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { SocketGuard } from "../ws/socket-guard.ts";

/**
 * Only a backstop: a slot is released as soon as its socket closes or its document is refused
 * (the socket guard reports both), when it connects, or when it disconnects. This covers a
 * connection that came in some other way than through our endpoints.
 */
const ADMITTED_BACKSTOP_MS = 30_000;

/**
 * The cap on connections per document: the next one is refused with `too-many-connections`, the
 * others carry on. A connection counts from the moment it is admitted (its document may still be
 * loading) until it is connected, so that many clients authenticating at once cannot overshoot
 * the cap. The per-socket message budget is enforced where frames arrive (ws/socket-guard.ts),
 * not here: Hocuspocus runs this pipeline when a message leaves its queue, which under load is
 * long after it arrived.
 */
export function limitsExtension(limits: Limits, logger: Logger, guard?: SocketGuard): Extension {
  // Admitted but not yet connected, per document: socket ids.
  const admitting = new Map<string, Set<string>>();

  const settle = (documentName: string, socketId: string) => {
    const set = admitting.get(documentName);
    set?.delete(socketId);
    if (set?.size === 0) admitting.delete(documentName);
  };

  return {
    extensionName: "limits",
    priority: 900,

    async onAuthenticate({ documentName, instance, socketId, request }) {
      const live = instance.documents.get(documentName)?.getConnectionsCount() ?? 0;
      const pending = admitting.get(documentName)?.size ?? 0;
      if (live + pending >= limits.maxConnectionsPerModel) {
        logger.warn("connection-cap", { document: documentName, connections: live + pending });
        const refusal = new CloseError("too-many-connections");
        // Logged just above. Hocuspocus prints every hook error that has a message to stderr
        // (once per later extension); the client reads `reason`, not `message`.
        refusal.message = "";
        throw refusal;
      }
      let set = admitting.get(documentName);
      if (!set) {
        set = new Set();
        admitting.set(documentName, set);
      }
      set.add(socketId);
      guard?.socketOf(request)?.watch(documentName, () => settle(documentName, socketId));
      setTimeout(() => settle(documentName, socketId), ADMITTED_BACKSTOP_MS).unref();
    },

    async connected({ documentName, socketId }) {
      settle(documentName, socketId);
    },

    async onDisconnect({ documentName, socketId }) {
      settle(documentName, socketId);
    },
  };
}
