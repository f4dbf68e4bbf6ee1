import { CLOSE_REASONS, shortReason } from "../runtime/close-reasons.ts";
import type { Logger } from "../runtime/logger.ts";
import type { LiveDocuments } from "./documents.ts";
import type { SocketEndpoints } from "./endpoints.ts";
import type { HttpLayer } from "./http.ts";
import type { Storage } from "./storage.ts";

/**
 * The graceful stop, once however often it is called: stop taking requests, close every
 * connection with `server-shutdown`, give documents up to 5 s to unload, wait for what is being
 * stored, then close sockets, Redis and the store in the reverse order of their opening.
 */
export function shutdown(
  { store, cluster, registry, accounts }: Storage,
  { hocuspocus, persistence, versions, activity, slots, cascade, inbox }: LiveDocuments,
  { collab, yjs }: SocketEndpoints,
  http: HttpLayer,
  logger: Logger,
): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= (async () => {
      http.server.close();
      cascade.hub.close();
      inbox.hub.close();
      http.digests.close();
      http.dailySweep.close();
      cascade.goals.close();
      registry.closeAll("server-shutdown");
      for (const ws of collab.sockets.clients) {
        ws.close(CLOSE_REASONS["server-shutdown"].wsCode, shortReason("server-shutdown"));
      }
      const deadline = Date.now() + 5_000;
      while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await persistence.close();
      // After the last compactions, which keep the digests of models that were open.
      await cascade.goals.saveKept();
      await versions.close();
      await activity.close();
      for (const ws of collab.sockets.clients) ws.terminate();
      collab.sockets.close();
      for (const ws of yjs.sockets.clients) ws.terminate();
      yjs.sockets.close();
      await cluster?.close();
      await slots.close();
      http.server.closeAllConnections();
      http.redis?.disconnect();
      await http.summaryWorker.close();
      await accounts.close();
      await store.close();
      logger.info("stopped", {});
    })();
    return closing;
  };
}
