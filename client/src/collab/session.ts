import {
  type HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
} from "@hocuspocus/provider";
import { type CloseExplanation, explainClose } from "@logic-canvas/shared";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";

import { Presence } from "./presence.ts";
import { SyncFirstProvider } from "./sync-first-provider.ts";

export type ConnectionPhase = "connecting" | "saving" | "saved" | "offline" | "closed";

export interface ConnectionState {
  phase: ConnectionPhase;
  unsynced: number;
  /** The last reason the server gave for closing or refusing, in words. */
  problem?: CloseExplanation;
  /** True once the local copy (IndexedDB) or the server has delivered the model. */
  loaded: boolean;
  /** True once the server's copy has arrived (the first sync completed). */
  synced: boolean;
}

/**
 * One open model: its graph document, kept on this device by y-indexeddb and synced with the
 * server by Hocuspocus. Components see only `ConnectionState` and the binding, never Yjs.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: HocuspocusProvider;
  /**
   * The socket, made here and connected once: a provider given only a `url` starts two
   * connection attempts at construction, and the second replaces the first socket after it has
   * already received the whole document (a second full sync, ~1.5 s later).
   */
  readonly socket: HocuspocusProviderWebsocket;
  readonly local: IndexeddbPersistence;
  readonly presence: Presence;
  private state: ConnectionState = {
    phase: "connecting",
    unsynced: 0,
    loaded: false,
    synced: false,
  };
  private listeners = new Set<() => void>();
  private stopped = false;

  constructor(
    readonly modelId: string,
    private token: string,
    url = collabUrl(),
  ) {
    this.local = new IndexeddbPersistence(`logic-canvas:${modelId}`, this.doc);
    this.local.whenSynced.then(() => this.update({ loaded: true }));
    this.socket = new HocuspocusProviderWebsocket({ url, autoConnect: false });
    this.provider = new SyncFirstProvider({
      websocketProvider: this.socket,
      name: modelId,
      document: this.doc,
      // Read at each authentication, so that a name given later is sent on the next connection.
      token: () => this.token,
      onStatus: () => this.recompute(),
      onSynced: () => {
        // Read by bench/canvas-load.ts to split load time into sync and render.
        performance.mark("logic-canvas:synced");
        this.update({ loaded: true, synced: true });
      },
      onUnsyncedChanges: () => this.recompute(),
      onAuthenticationFailed: ({ reason }) => this.closedBecause(reason),
      onClose: ({ event }) => {
        if (event?.reason) this.closedBecause(event.reason);
        else this.recompute();
      },
    });
    this.presence = new Presence(this.provider.awareness);
    this.provider.attach();
    void this.socket.connect();
    window.addEventListener("offline", this.goOffline);
    window.addEventListener("online", this.goOnline);
  }

  /**
   * Someone named themselves after opening (a viewer's first comment): the server stamps presence
   * from the token, so the connection is made again with the new one. The document and its
   * unsent changes stay as they are.
   */
  setToken(token: string): void {
    if (token === this.token) return;
    this.token = token;
    // Not connected: the next authentication reads the new token anyway.
    if (this.stopped || this.socket.status !== WebSocketStatus.Connected) return;
    // connect() does nothing while the socket still counts as connected, so it waits for the close.
    const reconnect = () => {
      this.socket.off("disconnect", reconnect);
      if (!this.stopped) void this.socket.connect();
    };
    this.socket.on("disconnect", reconnect);
    this.socket.disconnect();
  }

  destroy(): void {
    window.removeEventListener("offline", this.goOffline);
    window.removeEventListener("online", this.goOnline);
    this.presence.destroy();
    this.provider.destroy();
    this.socket.destroy();
    void this.local.destroy();
    this.doc.destroy();
  }

  // The browser knows it lost the network before a socket times out: stop trying until it is back.
  private goOffline = (): void => {
    this.socket.disconnect();
    this.recompute();
  };
  private goOnline = (): void => {
    if (!this.stopped) void this.socket.connect();
  };

  private closedBecause(reason: string): void {
    const problem = explainClose(reason);
    if (problem && !problem.retry) {
      this.stopped = true;
      this.socket.disconnect();
      // The refused change is in the local copy too; dropping that copy lets a reload start
      // from the server's state instead of sending the same refused change again.
      if (problem.code === "read-only" || problem.code === "invalid-write")
        void this.local.clearData();
    } else if (problem?.code === "out-of-sync" && !this.stopped) {
      // The server closed this document, not the socket: reconnecting runs the sync handshake
      // again, which carries the changes the server was missing.
      this.socket.disconnect();
      void this.socket.connect();
    }
    this.update({ problem });
  }

  private recompute(): void {
    const p = this.provider;
    const connected = this.socket.status === WebSocketStatus.Connected;
    let phase: ConnectionPhase;
    if (this.stopped) phase = "closed";
    else if (!connected || !navigator.onLine) phase = this.state.loaded ? "offline" : "connecting";
    else if (!p.isSynced || p.unsyncedChanges > 0) phase = "saving";
    else phase = "saved";
    const problem = phase === "saved" && this.state.problem?.retry ? undefined : this.state.problem;
    this.set({ ...this.state, phase, unsynced: p.unsyncedChanges, problem });
  }

  private update(patch: Partial<ConnectionState>): void {
    this.state = { ...this.state, ...patch };
    this.recompute();
  }

  private set(next: ConnectionState): void {
    const s = this.state;
    if (
      s.phase === next.phase &&
      s.unsynced === next.unsynced &&
      s.problem === next.problem &&
      s.loaded === next.loaded &&
      s.synced === next.synced
    )
      return;
    this.state = next;
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getState = (): ConnectionState => this.state;
}

export function collabUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.host}/collab`;
}

/**
 * Drops this device's copies of a model that no longer exists (its owner deleted it): the graph
 * and review documents kept by y-indexeddb, so nothing of it stays in the browser.
 */
export function forgetLocalCopies(modelId: string): void {
  for (const name of [`logic-canvas:${modelId}`, `logic-canvas:${modelId}:review`]) {
    indexedDB.deleteDatabase(name);
  }
}
