import {
  type Connection,
  type Document,
  type Extension,
  isTransactionOrigin,
} from "@hocuspocus/server";
import * as Y from "yjs";
import { CloseError } from "../close-reasons.ts";
import { contextOf } from "../context.ts";
import { parseDocName } from "../doc-names.ts";
import { graphValidator } from "../gate/graph-rules.ts";
import { reviewValidator } from "../gate/review-rules.ts";
import { type DocValidator, OUT_OF_SYNC, ShadowDoc } from "../gate/shadow.ts";
import { decodeMessage, isEmptyUpdate } from "../gate/sync-message.ts";
import { checkUpdate } from "../gate/update-limits.ts";
import { errorText, type Logger } from "../logger.ts";
import type { DocumentPersistence } from "../persistence.ts";

/** Per document kind. */
export const VALIDATORS: Partial<Record<"graph" | "review", DocValidator>> = {
  graph: graphValidator,
  review: reviewValidator,
};

/**
 * The write path of every client update: refuse writes from read-only connections, validate the
 * update against a shadow of the document, append it to the durable log, and only then let
 * Hocuspocus apply it and acknowledge it. Throwing here closes the writer's document connection
 * with the error's reason and leaves the document (and every other client) untouched.
 */
export function writeGate(persistence: DocumentPersistence, logger: Logger): Extension {
  const shadows = new WeakMap<Document, ShadowDoc>();
  // The shadow generation that last accepted each connection's update. A connection's messages are
  // handled one at a time, so when its update reaches the live document the shadow already holds
  // it unless the shadow was rebuilt in between; mirroring it again would only cost time.
  const validatedIn = new WeakMap<Connection, number>();

  return {
    extensionName: "write-gate",
    priority: 500,

    async afterLoadDocument({ document, documentName }) {
      const kind = parseDocName(documentName)?.kind;
      if (!kind || !VALIDATORS[kind]) return;
      const shadow = new ShadowDoc(document);
      shadows.set(document, shadow);
      document.on("update", (update: Uint8Array, origin: unknown) => {
        const connection =
          isTransactionOrigin(origin) && origin.source === "connection"
            ? origin.connection
            : undefined;
        if (connection && validatedIn.get(connection) === shadow.generation) return;
        shadow.mirror(update);
      });
      document.on("destroy", () => shadow.destroy());
    },

    async beforeHandleMessage({ update: message, connection, document, documentName }) {
      const decoded = decodeMessage(message);
      if (decoded.kind === "other") return;
      if (decoded.kind === "malformed")
        throw new CloseError(
          "bad-message",
          `The server could not read a message: ${decoded.reason}.`,
        );
      const { update } = decoded;
      if (isEmptyUpdate(update)) return;
      // Before Yjs reads a byte of it: some malformed updates make its decoder allocate
      // hundreds of megabytes or recurse until the stack overflows.
      const readable = checkUpdate(update);
      if (!readable.ok) {
        throw new CloseError(
          "bad-message",
          `The server could not read a change: ${readable.reason}.`,
        );
      }

      if (connection.readOnly) {
        let changes: boolean;
        try {
          changes = !Y.snapshotContainsUpdate(Y.snapshot(document), update);
        } catch {
          throw new CloseError("bad-message");
        }
        // A viewer's provider re-sends what the server already has when it connects: harmless.
        if (changes) {
          const context = contextOf(connection);
          const unnamed = context?.docKind === "review" && !context.person;
          throw new CloseError(
            "read-only",
            unnamed && context.role !== "viewer"
              ? "Comments and votes are written under your name: choose a display name first."
              : undefined,
          );
        }
        return;
      }

      const kind = parseDocName(documentName)?.kind;
      const validator = kind ? VALIDATORS[kind] : undefined;
      const shadow = shadows.get(document);
      const writer = contextOf(connection);
      if (validator && shadow) {
        // Every authenticated connection has a context; without one nothing is written.
        if (!writer) throw new CloseError("unauthorized");
        const refusal = shadow.tryUpdate(update, validator, writer);
        if (!refusal) validatedIn.set(connection, shadow.generation);
        if (refusal === OUT_OF_SYNC) throw new CloseError("out-of-sync");
        if (refusal) {
          logger.info("write-refused", {
            document: documentName,
            socket: connection.socketId,
            refusal,
          });
          throw new CloseError(
            "invalid-write",
            `The server refused a change: ${refusal.replace(/\.+$/, "")}.`,
          );
        }
      }
      try {
        await persistence.append(documentName, update);
      } catch (error) {
        shadow?.rebuild();
        if (error instanceof CloseError) throw error;
        logger.error("append-failed", { document: documentName, error: errorText(error) });
        throw new CloseError(
          "storage-error",
          "Your last change could not be saved, so it was not applied. Reload to continue.",
        );
      }
    },
  };
}
