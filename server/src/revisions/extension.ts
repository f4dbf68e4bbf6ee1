import { type Connection, type Extension, isTransactionOrigin } from "@hocuspocus/server";
import { idSchema } from "@logic-canvas/shared";
import type * as Y from "yjs";
import { z } from "zod";
import { type ConnectionContext, contextOf } from "../context.ts";
import { parseDocName } from "../doc-names.ts";
import { errorText, type Logger } from "../logger.ts";
import type { ServerChangeContext } from "../models.ts";
import type { ActivityRecorder, ChangeAuthor } from "./recorder.ts";
import { changesOf } from "./summary.ts";

export const REASON_MAX = 1_000;

/** `{ type: "revision-reason", nodeId, reason }`: why an editor revised a card. */
export const revisionReasonSchema = z.strictObject({
  type: z.literal("revision-reason"),
  nodeId: idSchema,
  reason: z.string().trim().min(1).max(REASON_MAX),
});

function authorOf(context: ConnectionContext | ServerChangeContext, linkKey: string): ChangeAuthor {
  const person = context.person;
  return {
    key: person ? person.id : linkKey,
    by: { id: person?.id ?? null, name: person?.name ?? null, role: context.role },
  };
}

function reply(connection: Connection, message: Record<string, unknown>): void {
  connection.sendStateless(JSON.stringify(message));
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
        if (!isTransactionOrigin(origin) || origin.source === "redis") return;
        if (tr.changed.size === 0) return;
        let author: ChangeAuthor;
        let context: ServerChangeContext | undefined;
        if (origin.source === "connection") {
          const ctx = contextOf(origin.connection);
          if (!ctx) return;
          author = authorOf(ctx, `link:${ctx.linkId}`);
        } else {
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

    async onStateless({ connection, documentName, payload }) {
      if (payload.length > 4 * REASON_MAX + 200 || !payload.includes('"revision-reason"')) return;
      let data: unknown;
      try {
        data = JSON.parse(payload);
      } catch {
        return;
      }
      if ((data as { type?: unknown })?.type !== "revision-reason") return;
      const context = contextOf(connection);
      const parsed = revisionReasonSchema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        reply(connection, {
          type: "revision-reason-refused",
          message: `The reason was not saved: ${issue?.path.join(".") || "message"} ${issue?.message ?? "is invalid"}.`,
        });
        return;
      }
      if (context?.docKind !== "graph" || connection.readOnly) {
        reply(connection, {
          type: "revision-reason-refused",
          nodeId: parsed.data.nodeId,
          message: "Only editors can explain a revision, on the model's graph document.",
        });
        return;
      }
      const { nodeId, reason } = parsed.data;
      try {
        const entryId = await recorder.attachReason(
          context.modelId,
          authorOf(context, `link:${context.linkId}`),
          nodeId,
          reason,
        );
        reply(connection, { type: "revision-reason-saved", nodeId, entryId });
      } catch (error) {
        logger.error("revision-reason-failed", { document: documentName, error: errorText(error) });
        reply(connection, {
          type: "revision-reason-refused",
          nodeId,
          message: "The reason could not be saved; try again.",
        });
      }
    },
  };
}
