import type { Connection, Document, Extension } from "@hocuspocus/server";
import { contextOf } from "../context.ts";

/**
 * Presence is what others see of a person, so the server vouches for part of it: each state is
 * stamped with its connection's role (`state.role`) and person (`state.person`: `{ id, name }`, or
 * null for a bare link token), and a connection cannot speak for a Yjs client id that another live
 * connection already announced, nor for one a different person announced before (such states are
 * dropped): a provider keeps its client id across reconnects, so taking over a departed person's
 * id would hide them when they come back.
 */
interface Owner {
  connection: Connection;
  /** The person's id, or null for a bare link token. */
  person: string | null;
}

export function awarenessStamp(): Extension {
  const owners = new WeakMap<Document, Map<number, Owner>>();

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
      const person = context?.person?.id ?? null;
      for (const [clientId, state] of [...states]) {
        const owner = byClient.get(clientId);
        const taken =
          owner !== undefined &&
          owner.connection !== connection &&
          (document.hasConnection(owner.connection) ||
            (owner.person !== null && owner.person !== person));
        if (taken) {
          states.delete(clientId);
          continue;
        }
        byClient.set(clientId, { connection, person });
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
