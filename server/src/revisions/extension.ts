import {
  type Connection,
  type Document,
  type Extension,
  isTransactionOrigin,
} from "@hocuspocus/server";
import {
  decodeClientMessage,
  encodeServerMessage,
  nodesMap,
  PENDING_REASONS_MAX,
  REVISION_REASON_REFUSED,
  REVISION_REASON_SAVED,
  type RevisionReasonReply,
} from "@logic-canvas/shared";
import * as Y from "yjs";
import { type ConnectionContext, contextOf } from "../access/context.ts";
import { parseDocName } from "../documents/doc-names.ts";
import { handlingOf } from "../extensions/update-origins.ts";
import type { ServerChangeContext } from "../models/models.ts";
import { errorText, type Logger } from "../runtime/logger.ts";
import { type ActivityRecorder, type ChangeAuthor, TooManyPendingReasons } from "./recorder.ts";
import { changesOf } from "./summary.ts";

function authorOf(context: ConnectionContext | ServerChangeContext, linkKey: string): ChangeAuthor {
  const person = context.person;
  return {
    key: person ? person.id : linkKey,
    by: { id: person?.id ?? null, name: person?.name ?? null, role: context.role },
  };
}

function reply(connection: Connection, message: RevisionReasonReply): void {
  connection.sendStateless(encodeServerMessage(message));
}

function refuse(connection: Connection, message: string, nodeId?: string): void {
  reply(connection, { type: REVISION_REASON_REFUSED, ...(nodeId ? { nodeId } : {}), message });
}

/** Whether the graph document holds a card with this id (a reason explains a card's revision). */
function hasCard(document: Document, nodeId: string): boolean {
  return nodesMap(document).get(nodeId) instanceof Y.Map;
}

/**
 * The revision log: every accepted change to a graph document, from a client or from the server
 * (restore, API replace), is summarised from its own transaction and handed to the recorder.
 * Changes relayed from another process are that process's to record. Also takes the "why
 * revised" stateless messages of editors.
 */
export function revisionLog(recorder: ActivityRecorder, logger: Logger): Extension {
  return {
    extensionName: "revision-log",
    priority: 200,

    async afterLoadDocument({ documentName, document }) {
      const parsed = parseDocName(documentName);
      if (parsed?.kind !== "graph") return;
      const { modelId } = parsed;
      document.on("afterTransaction", (tr: Y.Transaction) => {
        const origin = tr.origin;
        if (!isTransactionOrigin(origin) || !handlingOf(origin).recorded) return;
        if (tr.changed.size === 0) return;
        let author: ChangeAuthor;
        let context: ServerChangeContext | undefined;
        if (origin.source === "connection") {
          const ctx = contextOf(origin.connection);
          if (!ctx) return;
          author = authorOf(ctx, `link:${ctx.linkId}`);
        } else {
          // Narrows the type: the table lets only client and server (local) changes this far.
          if (origin.source !== "local") return;
          context = origin.context as ServerChangeContext | undefined;
          if (!context?.role) return;
          author = authorOf(context, `server:${context.source}`);
        }
        try {
          const changes = changesOf(tr, document);
          const rewrite = context
            ? context.source === "restore"
              ? { action: "restore" as const, version: context.version }
              : { action: "replace" as const }
            : undefined;
          recorder.record(modelId, author, changes, rewrite);
        } catch (error) {
          logger.error("revision-log-failed", { document: documentName, error: errorText(error) });
        }
      });
    },

    async onStateless({ connection, document, documentName, payload }) {
      // Not one of ours (ignored) or one that does not fit the protocol (refused, in words).
      const decoded = decodeClientMessage(payload);
      if (!decoded) return;
      if (!decoded.ok) {
        refuse(connection, decoded.refusal);
        return;
      }
      const context = contextOf(connection);
      const { nodeId, reason } = decoded.message;
      if (context?.docKind !== "graph" || connection.readOnly) {
        refuse(
          connection,
          "Only editors can explain a revision, on the model's graph document.",
          nodeId,
        );
        return;
      }
      if (!hasCard(document, nodeId)) {
        refuse(connection, "The reason was not saved: that card is not in this model.", nodeId);
        return;
      }
      try {
        const entryId = await recorder.attachReason(
          context.modelId,
          authorOf(context, `link:${context.linkId}`),
          nodeId,
          reason,
        );
        reply(connection, { type: REVISION_REASON_SAVED, nodeId, entryId });
      } catch (error) {
        if (error instanceof TooManyPendingReasons) {
          refuse(
            connection,
            `The reason was not saved: at most ${PENDING_REASONS_MAX} reasons can wait for their change; make the change first.`,
            nodeId,
          );
          return;
        }
        logger.error("revision-reason-failed", { document: documentName, error: errorText(error) });
        refuse(connection, "The reason could not be saved; try again.", nodeId);
      }
    },
  };
}
