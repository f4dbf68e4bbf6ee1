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

/** How `openProvider` opens its socket and which provider class it uses. */
export interface ProviderOptions {
  doc?: Y.Doc;
  /** The WebSocket class (e.g. one that delays frames); `ws` by default. */
  WebSocketPolyfill?: typeof WebSocket;
  /** The provider class; Hocuspocus's own by default. */
  Provider?: typeof HocuspocusProvider;
  /** Where close reasons go (a fresh list by default). */
  closes?: string[];
  /** Where authentication failures go (a fresh list by default; may be `closes`). */
  authFailures?: string[];
}

/** A provider on `url`'s `/collab` endpoint for document `name`, recording closes and refusals. */
export function openProvider(
  url: string,
  name: string,
  token: string,
  options: ProviderOptions = {},
) {
  const doc = options.doc ?? new Y.Doc();
  const closes = options.closes ?? [];
  const authFailures = options.authFailures ?? [];
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: `${url.replace("http", "ws")}/collab`,
    WebSocketPolyfill: (options.WebSocketPolyfill ??
      WebSocket) as unknown as typeof globalThis.WebSocket,
  });
  const Provider = options.Provider ?? HocuspocusProvider;
  const provider = new Provider({
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
  return { provider, websocketProvider, doc, closes, authFailures };
}

/** A WebSocket class that sends `cookie` with its upgrade, as a signed-in browser's page does. */
export function withCookie(cookie: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  } as unknown as typeof WebSocket;
}

/**
 * Opens document `name` on `server` with a link (or session) token, as the client app does;
 * with `cookie`, as a signed-in person's page does (the session cookie on the upgrade).
 */
export function connect(
  server: { url: string },
  name: string,
  token: string,
  doc = new Y.Doc(),
  cookie?: string,
): Client {
  const { provider, websocketProvider, closes, authFailures } = openProvider(
    server.url,
    name,
    token,
    { doc, ...(cookie ? { WebSocketPolyfill: withCookie(cookie) } : {}) },
  );
  const received: Uint8Array[] = [];
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
