import type { Connection, Document, Extension } from "@hocuspocus/server";
import { CONNECTION_LIMITS, MESSAGE_TYPE } from "@logic-canvas/shared";
import * as decoding from "lib0/decoding";
import { contextOf } from "../access/context.ts";
import { skipDocumentName } from "../gate/sync-message.ts";
import { CloseError } from "../runtime/close-reasons.ts";
import type { Logger } from "../runtime/logger.ts";

/**
 * Presence is what others see of a person, so the server vouches for part of it: each state is
 * stamped with its connection's role (`state.role`) and person (`state.person`: `{ id, name }`, or
 * null for a bare link token), and clients show only those. A connection speaks for exactly one
 * Yjs client id, the first it announces that is free: not one another live connection announced,
 * nor one a different person announced before (a provider keeps its client id across reconnects,
 * so taking over a departed person's id would hide them when they come back). States for any
 * other id are dropped, so one frame cannot fill everyone's presence with thousands of entries.
 * A state larger than the shared cap closes the connection with `presence-too-large`.
 */
interface Owner {
  connection: Connection;
  /** The person's id, or null for a bare link token. */
  person: string | null;
}

/**
 * The largest state (JSON bytes) in a raw awareness message, read before Hocuspocus parses any of
 * it; -1 for any other message, or one this cannot read (Hocuspocus refuses those).
 */
export function largestPresenceState(message: Uint8Array): number {
  try {
    const decoder = decoding.createDecoder(message);
    skipDocumentName(decoder);
    if (decoding.readVarUint(decoder) !== MESSAGE_TYPE.awareness) return -1;
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const entries = decoding.readVarUint(update);
    let largest = 0;
    for (let i = 0; i < entries; i++) {
      decoding.readVarUint(update);
      decoding.readVarUint(update);
      const length = decoding.readVarUint(update);
      update.pos += length;
      if (update.pos > update.arr.length) return -1;
      largest = Math.max(largest, length);
    }
    return largest;
  } catch {
    return -1;
  }
}

export function awarenessStamp(logger?: Logger): Extension {
  const owners = new WeakMap<Document, Map<number, Owner>>();
  // The one client id each connection speaks for.
  const owned = new WeakMap<Connection, number>();

  return {
    extensionName: "awareness-stamp",
    priority: 400,

    async beforeHandleMessage({ update: message, documentName }) {
      if (largestPresenceState(message) > CONNECTION_LIMITS.presenceStateBytes) {
        logger?.warn("presence-too-large", { document: documentName });
        throw new CloseError("presence-too-large");
      }
    },

    async beforeHandleAwareness({ states, connection, document }) {
      if (!connection) return;
      const context = contextOf(connection);
      let byClient = owners.get(document);
      if (!byClient) {
        byClient = new Map();
        owners.set(document, byClient);
      }
      const person = context?.person?.id ?? null;
      let dropped = 0;
      for (const [clientId, state] of [...states]) {
        const mine = owned.get(connection);
        if (mine !== clientId) {
          // Only a state that says something claims an id: Hocuspocus's scratch awareness adds
          // its own empty one to every message, and a removal (null) must not claim either.
          const claims =
            typeof state === "object" && state !== null && Object.keys(state).length > 0;
          const owner = byClient.get(clientId);
          const taken =
            owner !== undefined &&
            owner.connection !== connection &&
            (document.hasConnection(owner.connection) ||
              (owner.person !== null && owner.person !== person));
          if (mine !== undefined || !claims || taken) {
            states.delete(clientId);
            dropped += 1;
            continue;
          }
          owned.set(connection, clientId);
          byClient.set(clientId, { connection, person });
        }
        if (state && typeof state === "object") {
          state.role = context?.role ?? "viewer";
          // The person a state speaks for is the connection's, whatever the client claims.
          state.person = context?.person
            ? { id: context.person.id, name: context.person.name }
            : null;
        }
      }
      if (dropped > 1) logger?.warn("presence-dropped", { document: document.name, dropped });
    },
  };
}
