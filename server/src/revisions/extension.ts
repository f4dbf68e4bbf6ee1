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
import { type ConnectionContext, contextOf, grantKey } from "../access/context.ts";
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
 * Who made a change in a recorded transaction, and (for a server-side change) its context; null
 * for a change nobody can be named for, which the log leaves out.
 */
function changeOriginOf(
  tr: Y.Transaction,
): { author: ChangeAuthor; context?: ServerChangeContext } | null {
  const origin = tr.origin;
  if (!isTransactionOrigin(origin) || !handlingOf(origin).recorded) return null;
  if (origin.source === "connection") {
    const ctx = contextOf(origin.connection);
    return ctx ? { author: authorOf(ctx, grantKey(ctx)) } : null;
  }
  // Narrows the type: the table lets only client and server (local) changes this far.
  if (origin.source !== "local") return null;
  const context = origin.context as ServerChangeContext | undefined;
  if (!context?.role) return null;
  return { author: authorOf(context, `server:${context.source}`), context };
}

/** A server-side rewrite (restore of a version, API replace) is logged as that, not as edits. */
function rewriteOf(context: ServerChangeContext | undefined) {
  if (!context || context.source === "cafe") return undefined;
  return context.source === "restore"
    ? { action: "restore" as const, version: context.version }
    : { action: "replace" as const };
}

/** Summarises each accepted transaction of a graph document and hands it to the recorder. */
function recordTransactions(
  recorder: ActivityRecorder,
  logger: Logger,
  modelId: string,
  documentName: string,
  document: Document,
): void {
  document.on("afterTransaction", (tr: Y.Transaction) => {
    if (tr.changed.size === 0) return;
    const origin = changeOriginOf(tr);
    if (!origin) return;
    try {
      recorder.record(
        modelId,
        origin.author,
        changesOf(tr, document),
        rewriteOf(origin.context),
        origin.context?.reason,
      );
    } catch (error) {
      // A failed summary must not fail the edit itself: the change is already applied and stored.
      logger.error("revision-log-failed", { document: documentName, error: errorText(error) });
    }
  });
}

/** Attaches an editor's "why revised" to the card's pending change and answers in words. */
async function takeReason(
  recorder: ActivityRecorder,
  logger: Logger,
  connection: Connection,
  document: Document,
  documentName: string,
  payload: string,
): Promise<void> {
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
      authorOf(context, grantKey(context)),
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
      recordTransactions(recorder, logger, parsed.modelId, documentName, document);
    },

    async onStateless({ connection, document, documentName, payload }) {
      await takeReason(recorder, logger, connection, document, documentName, payload);
    },
  };
}
