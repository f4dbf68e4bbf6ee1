import type { Extension } from "@hocuspocus/server";
import type { DocumentPersistence } from "../documents/persistence.ts";
import { handlingOf } from "./update-origins.ts";

/**
 * Loading from and storing to the durable log. Here the updates stored once applied are appended
 * (the server's own changes: API edits, restores); client updates were appended by the write gate
 * before Hocuspocus applied them and relayed ones by their process (update-origins.ts says which
 * is which). Hocuspocus's debounced whole-document store is not used at all.
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
      // Hocuspocus queues every update of a document for broadcast, the stored state applied by
      // the load included, and flushes the queue a tick later, by when the first connection has
      // joined: it would receive the whole model as an update and then again in its sync step 2
      // (twice the bytes and twice the decoding on the page that opens a model). Nobody is
      // connected yet, so flushing now sends it to no one.
      document.flush();
      document.on("update", (update: Uint8Array, origin: unknown) => {
        if (handlingOf(origin).stored !== "after-applied") return;
        persistence.appendInBackground(documentName, update);
      });
    },

    async afterUnloadDocument({ documentName }) {
      persistence.unloaded(documentName);
    },
  };
}
