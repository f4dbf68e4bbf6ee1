import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { waitFor } from "./wait.ts";

/** A Hocuspocus provider on `/collab`, with what the server told it. */
export interface Client {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  closes: string[];
  authFailures: string[];
  /** Every update the client received from the server. */
  received: Uint8Array[];
  destroy(): void;
}

/** Opens document `name` on `server` with a link (or session) token, as the client app does. */
export function connect(
  server: { url: string },
  name: string,
  token: string,
  doc = new Y.Doc(),
): Client {
  const closes: string[] = [];
  const authFailures: string[] = [];
  const received: Uint8Array[] = [];
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: `${server.url.replace("http", "ws")}/collab`,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name,
    token,
    document: doc,
    onClose: ({ event }) => {
      if (event.reason) closes.push(event.reason);
    },
    onAuthenticationFailed: ({ reason }) => {
      authFailures.push(reason);
    },
  });
  provider.attach();
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin === provider) received.push(update);
  });
  return {
    provider,
    doc,
    closes,
    authFailures,
    received,
    destroy: () => {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

function describeClient(client: Client): string {
  return `(closes: ${client.closes.join(" | ") || "none"}; auth failures: ${client.authFailures.join(" | ") || "none"}; unsynced ${client.provider.unsyncedChanges})`;
}

export async function synced(client: Client): Promise<void> {
  await waitFor(
    () => client.provider.isSynced && client.provider.unsyncedChanges === 0,
    `sync ${describeClient(client)}`,
  );
}

/** Resolves once every local change was acknowledged by the server. */
export async function acknowledged(client: Client): Promise<void> {
  await waitFor(
    () => client.provider.unsyncedChanges === 0,
    `acknowledgement ${describeClient(client)}`,
  );
}
