import type { Extension } from "@hocuspocus/server";
import { CloseError } from "../close-reasons.ts";
import type { Limits } from "../config.ts";
import type { Logger } from "../logger.ts";

interface Bucket {
  tokens: number;
  at: number;
  documents: number;
}

/**
 * Limits that apply after authentication: a cap on connections per document (the next one is
 * refused with `too-many-connections`, the others carry on) and a token bucket per WebSocket.
 * Hocuspocus's throttle extension keys on the client address, which every client shares behind
 * one proxy or on one machine, so the bucket here is keyed on the socket.
 */
export function limitsExtension(limits: Limits, logger: Logger): Extension {
  const buckets = new Map<string, Bucket>();
  // Admitted but not yet connected (the document may still be loading), per document.
  const admitting = new Map<string, Set<string>>();

  const admitted = (documentName: string) => {
    let set = admitting.get(documentName);
    if (!set) {
      set = new Set();
      admitting.set(documentName, set);
    }
    return set;
  };
  const settle = (documentName: string, socketId: string) => {
    const set = admitting.get(documentName);
    set?.delete(socketId);
    if (set?.size === 0) admitting.delete(documentName);
  };

  return {
    extensionName: "limits",
    priority: 900,

    async onAuthenticate({ documentName, instance, socketId }) {
      const live = instance.documents.get(documentName)?.getConnectionsCount() ?? 0;
      const pending = admitting.get(documentName)?.size ?? 0;
      if (live + pending >= limits.maxConnectionsPerModel) {
        logger.warn("connection-cap", { document: documentName, connections: live + pending });
        throw new CloseError("too-many-connections");
      }
      admitted(documentName).add(socketId);
      // If loading fails there is no `connected`; do not hold the slot forever.
      setTimeout(() => settle(documentName, socketId), 30_000).unref();
    },

    async connected({ documentName, socketId }) {
      settle(documentName, socketId);
      const bucket = buckets.get(socketId);
      if (bucket) bucket.documents += 1;
      else buckets.set(socketId, { tokens: limits.messageBurst, at: Date.now(), documents: 1 });
    },

    async onDisconnect({ socketId }) {
      const bucket = buckets.get(socketId);
      if (!bucket) return;
      bucket.documents -= 1;
      if (bucket.documents <= 0) buckets.delete(socketId);
    },

    async beforeHandleMessage({ socketId, documentName }) {
      const bucket = buckets.get(socketId);
      if (!bucket) return;
      const now = Date.now();
      bucket.tokens = Math.min(
        limits.messageBurst,
        bucket.tokens + ((now - bucket.at) / 1000) * limits.messagesPerSecond,
      );
      bucket.at = now;
      if (bucket.tokens < 1) {
        logger.warn("rate-limited", { document: documentName, socket: socketId });
        throw new CloseError("rate-limited");
      }
      bucket.tokens -= 1;
    },
  };
}
