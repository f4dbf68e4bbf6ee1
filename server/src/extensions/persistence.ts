import type { Extension } from "@hocuspocus/server";
import { isTransactionOrigin } from "@hocuspocus/server";
import type { DocumentPersistence } from "../persistence.ts";

/**
 * Loading from and storing to the durable log. Client updates were already appended by the write
 * gate before Hocuspocus applied them; here the server's own changes (API edits, restores) are
 * appended, updates relayed from other processes are skipped (their process stored them), and
 * Hocuspocus's debounced whole-document store is not used at all.
 */
export function persistenceExtension(persistence: DocumentPersistence): Extension {
  return {
    extensionName: "persistence",
    priority: 300,

    async onLoadDocument({ documentName, document }) {
      await persistence.load(documentName, document);
    },

    // A document listener rather than `onChange`: it runs inside the transaction's end, so an
    // append is registered before the caller of a server-side edit can `flush()`.
    async afterLoadDocument({ documentName, document }) {
      document.on("update", (update: Uint8Array, origin: unknown) => {
        if (isTransactionOrigin(origin)) {
          if (origin.source === "connection" || origin.source === "redis") return;
        }
        persistence.appendInBackground(documentName, update);
      });
    },

    async afterUnloadDocument({ documentName }) {
      persistence.unloaded(documentName);
    },
  };
}
