import type { Connection, Document, Extension } from "@hocuspocus/server";
import { contextOf } from "../access/context.ts";
import type { AlignmentCheck } from "../cascade/alignment-gate.ts";
import { parseDocName } from "../documents/doc-names.ts";
import type { DocumentPersistence } from "../documents/persistence.ts";
import { graphValidator } from "../gate/graph-rules.ts";
import { reviewValidator } from "../gate/review-rules.ts";
import { type DocValidator, ShadowDoc } from "../gate/shadow.ts";
import type { Logger } from "../runtime/logger.ts";
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
 * the connection is permitted to write, the update is valid against a shadow of the document, it
 * is durable in the log, and only then does Hocuspocus apply and acknowledge it (the shadow
 * follows what is applied). Throwing here closes the writer's document connection with the
 * error's reason and leaves the document (and every other client) untouched.
 */
export function writeGate(
  persistence: DocumentPersistence,
  logger: Logger,
  checkAlignments?: AlignmentCheck,
): Extension {
  const gates = new WeakMap<Document, DocGate>();
  // The shadow generation that last accepted each connection's update (see `applied`).
  const acceptedIn = new WeakMap<Connection, number>();

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
      if (generation !== undefined) acceptedIn.set(connection, generation);
      const aligning =
        gate && checkAlignments
          ? aligned(gate, document, contextOf(connection), checkAlignments, (refusal) =>
              logger.info("write-refused", { document: documentName, refusal }),
            )
          : undefined;
      if (aligning) await aligning;
      await durable(persistence, documentName, update, gate?.shadow, logger);
    },
  };
}
