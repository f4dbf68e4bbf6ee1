import type { Extension } from "@hocuspocus/server";
import { threadsMap, votesMap } from "@logic-canvas/shared";
import type * as Y from "yjs";
import type { ConnectionRegistry } from "../access/connection-registry.ts";
import { contextOf } from "../access/context.ts";
import { parseDocName } from "../documents/doc-names.ts";
import { clientConnectionOf } from "../extensions/update-origins.ts";
import { errorText, type Logger } from "../runtime/logger.ts";
import { commentDrafts } from "./comments.ts";
import { OffTrackWatch, offTrackDrafts } from "./off-track.ts";
import type { NotificationService } from "./service.ts";

/** The graph document's part: goals a client's change turned off track ring their owners. */
function watchGoals(
  service: NotificationService,
  logger: Logger,
  documentName: string,
  modelId: string,
  document: Y.Doc,
): void {
  const watch = new OffTrackWatch(document);
  document.on("afterTransaction", (tr: Y.Transaction) => {
    if (tr.changed.size === 0) return;
    try {
      // Every transaction moves "before" on; only a client's own change rings anybody.
      const went = watch.after(tr);
      const writer = contextOf(clientConnectionOf(tr.origin))?.person;
      if (writer && went.length > 0)
        service.deliverQuietly(offTrackDrafts(modelId, went, writer, tr));
    } catch (error) {
      logger.error("notifications-read-failed", {
        document: documentName,
        error: errorText(error),
      });
    }
  });
}

/**
 * The inbox's ear on review documents (and, through `watchGoals`, on graph documents): each comment a client writes (accepted by the write gate,
 * so its author is the connection's own person) is read for mentions and answers, and the items
 * go to the service. Only a client's own transactions count: a change relayed from another
 * process is that process's to announce, and the server's own writes (a restore, an import)
 * ring nobody.
 */
export function inboxNotifications(
  service: NotificationService,
  registry: ConnectionRegistry,
  logger: Logger,
): Extension {
  return {
    extensionName: "inbox-notifications",
    priority: 140,
    async afterLoadDocument({ documentName, document }) {
      const parsed = parseDocName(documentName);
      if (parsed?.kind === "graph")
        return watchGoals(service, logger, documentName, parsed.modelId, document);
      if (parsed?.kind !== "review") return;
      const { modelId } = parsed;
      // Typed roots before the first transaction: Yjs keeps a root read before `getMap` as a
      // bare type, which the change walker could not tell apart from the outside.
      threadsMap(document);
      votesMap(document);
      document.on("afterTransaction", (tr: Y.Transaction) => {
        if (tr.changed.size === 0) return;
        const writer = contextOf(clientConnectionOf(tr.origin))?.person;
        if (!writer) return;
        try {
          const drafts = commentDrafts(document, tr, {
            modelId,
            writer,
            present: () => registry.peopleOn(modelId),
          });
          service.deliverQuietly(drafts);
        } catch (error) {
          logger.error("notifications-read-failed", {
            document: documentName,
            error: errorText(error),
          });
        }
      });
    },
  };
}
