import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/** Which server a client talks to; each needs its own provider and address form. */
export type Target =
  | { kind: "relay"; port: number; docName: string }
  | { kind: "hocuspocus"; port: number; docName: string }
  | { kind: "ours"; port: number; docName: string; token: string };

export interface BenchClient {
  doc: Y.Doc;
  synced: Promise<void>;
  /** Edits sent but not yet acknowledged by the server (Hocuspocus providers only). */
  unsynced(): number;
  /** Calls back whenever the count of unacknowledged edits changes (Hocuspocus providers only). */
  onUnsynced(listener: (count: number) => void): void;
  /** Reasons the server gave for closing or refusing this client. */
  errors: string[];
  destroy(): void;
}

/** Bytes a client's socket has received and sent, counted at the WebSocket message level. */
export interface ByteCounter {
  received: number;
  sent: number;
}

function countingWebSocket(counter: ByteCounter): typeof WebSocket {
  class CountingWebSocket extends WebSocket {
    constructor(address: string | URL | null, protocols?: string | string[]) {
      super(address as string | URL, protocols);
      this.on("message", (data: Buffer | ArrayBuffer | Buffer[]) => {
        counter.received += Array.isArray(data)
          ? data.reduce((n, b) => n + b.byteLength, 0)
          : data.byteLength;
      });
    }

    override send(data: Parameters<WebSocket["send"]>[0], ...rest: unknown[]): void {
      if (typeof data === "string") counter.sent += Buffer.byteLength(data);
      else if (data && typeof (data as ArrayBufferLike).byteLength === "number")
        counter.sent += (data as ArrayBufferLike).byteLength;
      // biome-ignore lint/suspicious/noExplicitAny: ws overloads send; forward whatever came.
      (super.send as (...a: any[]) => void)(data, ...rest);
    }
  }
  // Providers only ever call `new WebSocketPolyfill(url)`; the wider ws overloads are not needed.
  return CountingWebSocket as unknown as typeof WebSocket;
}

export function connectClient(
  target: Target,
  counter?: ByteCounter,
  options: { presence?: boolean } = {},
): BenchClient {
  const socketClass = counter ? countingWebSocket(counter) : WebSocket;
  return target.kind === "relay"
    ? relayClient(target, socketClass)
    : hocuspocusClient(target, socketClass, options.presence ?? false);
}

function relayClient(
  target: Extract<Target, { kind: "relay" }>,
  socketClass: typeof WebSocket,
): BenchClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${target.port}`, target.docName, doc, {
    WebSocketPolyfill: socketClass as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const errors: string[] = [];
  provider.on("connection-error", () => errors.push("connection error"));
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once("sync", () => resolve());
  });
  return {
    doc,
    synced,
    unsynced: () => 0,
    onUnsynced: () => {},
    errors,
    destroy: () => provider.destroy(),
  };
}

function hocuspocusClient(
  target: Exclude<Target, { kind: "relay" }>,
  socketClass: typeof WebSocket,
  presence: boolean,
): BenchClient {
  const doc = new Y.Doc();
  const path = target.kind === "ours" ? "/collab" : "";
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${target.port}${path}`,
    WebSocketPolyfill: socketClass,
    // A benchmark that silently reconnects would hide the errors it is meant to count.
    maxAttempts: 1,
  });
  const errors: string[] = [];
  let resolveSynced: () => void = () => {};
  let rejectSynced: (error: Error) => void = () => {};
  const synced = new Promise<void>((resolve, reject) => {
    resolveSynced = resolve;
    rejectSynced = reject;
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: target.docName,
    document: doc,
    token: target.kind === "ours" ? target.token : null,
    onSynced: ({ state }) => {
      if (state) resolveSynced();
    },
    onAuthenticationFailed: ({ reason }) => {
      errors.push(`authentication failed: ${reason}`);
      rejectSynced(new Error(reason));
    },
    onClose: ({ event }) => {
      if (event.code !== 1000) errors.push(`closed ${event.code} ${event.reason}`);
      // Closed before it synced: say why now rather than after the setup timeout (it never
      // reconnects, see maxAttempts). A no-op once synced.
      rejectSynced(new Error(`closed before sync: ${event.code} ${event.reason}`));
    },
  });
  provider.attach();
  // The app's presence field (client/src/collab/presence.ts), without a cursor or selection.
  if (presence) provider.setAwarenessField("user", { name: "Bench", color: "#888888" });
  synced.catch(() => {});
  return {
    doc,
    synced,
    unsynced: () => provider.unsyncedChanges,
    onUnsynced: (listener) =>
      provider.on("unsyncedChanges", ({ number }: { number: number }) => listener(number)),
    errors,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Connects clients a few at a time so the handshakes do not all land in one tick. */
export async function connectMany(
  count: number,
  target: (index: number) => Target,
  batch = 25,
): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  for (let start = 0; start < count; start += batch) {
    const group: BenchClient[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++)
      group.push(connectClient(target(i)));
    await Promise.all(group.map((c) => withTimeout(c.synced, 30_000, "initial sync")));
    clients.push(...group);
  }
  return clients;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Resolves when `check` holds, polling; rejects after `ms`. */
export async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`${what} not reached within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
