import type { Connection, Document, Extension } from "@hocuspocus/server";
import { contextOf } from "../access/context.ts";
import type { AlignmentCheck } from "../cascade/alignment-gate.ts";
import { parseDocName } from "../documents/doc-names.ts";
import type { DocumentPersistence } from "../documents/persistence.ts";
import { graphValidator } from "../gate/graph-rules.ts";
import { reviewValidator } from "../gate/review-rules.ts";
import { type DocValidator, ShadowDoc } from "../gate/shadow.ts";
import type { Logger } from "../runtime/logger.ts";
import { DurableAcks } from "./durable-acks.ts";
import { clientConnectionOf } from "./update-origins.ts";
import { aligned } from "./write-alignments.ts";
import { applied, type DocGate, durable, permitted, readable, valid } from "./write-steps.ts";

/** Per document kind. */
export const VALIDATORS: Partial<Record<"graph" | "review", DocValidator>> = {
  graph: graphValidator,
  review: reviewValidator,
};

/**
 * The write path of every client update, as the steps of write-steps.ts: the update is readable,
 * the connection is permitted to write, the update is valid against a shadow of the document, its
 * append to the durable log is queued, and Hocuspocus applies and broadcasts it in the same turn;
 * the writer's acknowledgement leaves once the append has committed (durable-acks.ts states the
 * contract). The shadow follows what is applied. Throwing here closes the writer's document
 * connection with the error's reason and leaves the document (and every other client) untouched.
 */
export function writeGate(
  persistence: DocumentPersistence,
  logger: Logger,
  checkAlignments?: AlignmentCheck,
): Extension {
  const gates = new WeakMap<Document, DocGate>();
  // The shadow generation that last accepted each connection's update (see `applied`).
  const acceptedIn = new WeakMap<Connection, number>();
  const acks = new DurableAcks();

  return {
    extensionName: "write-gate",
    priority: 500,

    async afterLoadDocument({ document, documentName }) {
      const kind = parseDocName(documentName)?.kind;
      const validator = kind ? VALIDATORS[kind] : undefined;
      if (!validator) return;
      const shadow = new ShadowDoc(document);
      gates.set(document, { shadow, validator });
      document.on("update", (update: Uint8Array, origin: unknown) => {
        const connection = clientConnectionOf(origin);
        applied(shadow, update, connection && acceptedIn.get(connection));
      });
      document.on("destroy", () => shadow.destroy());
    },

    async beforeHandleMessage({ update: message, connection, document, documentName }) {
      // A connection whose append failed was closed; what it still had queued is refused too.
      const failed = acks.refusalOf(connection);
      if (failed) throw failed;
      const update = readable(message);
      if (!update || !permitted(update, connection, document)) return;
      const gate = gates.get(document);
      const generation = valid(update, gate, contextOf(connection), (refusal) =>
        logger.info("write-refused", {
          document: documentName,
          socket: connection.socketId,
          refusal,
        }),
      );
      // An update the shadow did not see is mirrored into it once applied (see `applied`).
      if (generation !== undefined) acceptedIn.set(connection, generation);
      else acceptedIn.delete(connection);
      const aligning =
        gate && checkAlignments
          ? aligned(gate, document, contextOf(connection), checkAlignments, (refusal) =>
              logger.info("write-refused", { document: documentName, refusal }),
            )
          : undefined;
      if (aligning) await aligning;
      acks.wait(connection, durable(persistence, documentName, update, logger), (refusal) => {
        connection.close(refusal);
        // The live document and its peers already hold the update: it is appended once more so
        // the log catches up with them (a peer that holds it would resend it on its next sync).
        if (refusal.closeCode === "storage-error")
          persistence.appendInBackground(documentName, update);
      });
    },
  };
}
