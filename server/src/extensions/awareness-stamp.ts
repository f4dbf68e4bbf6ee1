import type { Connection, Document, Extension } from "@hocuspocus/server";
import { contextOf } from "../context.ts";

/**
 * Presence is what others see of a person, so the server vouches for part of it: each state is
 * stamped with its connection's role (`state.role`) and person (`state.person`: `{ id, name }`, or
 * null for a bare link token), and a connection cannot speak for a Yjs client id that another live
 * connection already announced (such states are dropped).
 */
export function awarenessStamp(): Extension {
  const owners = new WeakMap<Document, Map<number, Connection>>();

  return {
    extensionName: "awareness-stamp",
    priority: 400,

    async beforeHandleAwareness({ states, connection, document }) {
      if (!connection) return;
      const context = contextOf(connection);
      let byClient = owners.get(document);
      if (!byClient) {
        byClient = new Map();
        owners.set(document, byClient);
      }
      for (const [clientId, state] of [...states]) {
        const owner = byClient.get(clientId);
        if (owner && owner !== connection && document.hasConnection(owner)) {
          states.delete(clientId);
          continue;
        }
        byClient.set(clientId, connection);
        if (state && typeof state === "object") {
          state.role = context?.role ?? "viewer";
          // The person a state speaks for is the connection's, whatever the client claims.
          state.person = context?.person
            ? { id: context.person.id, name: context.person.name }
            : null;
        }
      }
    },
  };
}
