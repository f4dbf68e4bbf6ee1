import type { Awareness } from "y-protocols/awareness";

export interface PresenceUser {
  name: string;
  color: string;
  role: string;
}

export interface Peer {
  clientId: number;
  user: PresenceUser;
  cursor?: { x: number; y: number };
  selection: string[];
  viewport?: { x: number; y: number; zoom: number };
  self: boolean;
}

const COLORS = [
  "#d9480f",
  "#2b8a3e",
  "#1971c2",
  "#9c36b5",
  "#c2255c",
  "#0c8599",
  "#e67700",
  "#5f3dc4",
];

export function colorFor(clientId: number): string {
  return COLORS[clientId % COLORS.length] as string;
}

/** Cursor and viewport updates are sent at most this often. */
const PRESENCE_INTERVAL_MS = 50;

/**
 * Presence over Yjs awareness: who is here with which role, their cursor (flow coordinates),
 * their selection and viewport. Nothing here enters the document.
 */
export class Presence {
  private peers: Peer[] = [];
  private key = "";
  private listeners = new Set<() => void>();
  private pending: Record<string, unknown> = {};
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly awareness: Awareness | null) {
    awareness?.on("change", this.onChange);
  }

  destroy(): void {
    this.awareness?.off("change", this.onChange);
    clearTimeout(this.timer);
  }

  setUser(user: Omit<PresenceUser, "color">): void {
    if (!this.awareness) return;
    this.awareness.setLocalStateField("user", {
      ...user,
      color: colorFor(this.awareness.clientID),
    });
  }

  setSelection(ids: string[]): void {
    this.awareness?.setLocalStateField("selection", ids);
  }

  setCursor(cursor: { x: number; y: number } | null): void {
    this.throttled("cursor", cursor);
  }

  setViewport(viewport: { x: number; y: number; zoom: number }): void {
    this.throttled("viewport", viewport);
  }

  private throttled(key: string, value: unknown): void {
    this.pending[key] = value;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const state = this.awareness?.getLocalState();
      if (this.awareness && state) this.awareness.setLocalState({ ...state, ...this.pending });
      this.pending = {};
    }, PRESENCE_INTERVAL_MS);
  }

  private onChange = (): void => {
    if (!this.awareness) return;
    const self = this.awareness.clientID;
    const peers: Peer[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      const user = state.user as PresenceUser | undefined;
      if (!user?.name) continue;
      peers.push({
        clientId,
        user: {
          ...user,
          color: user.color ?? colorFor(clientId),
          role: String(state.role ?? user.role ?? ""),
        },
        cursor: (state.cursor as Peer["cursor"]) ?? undefined,
        selection: Array.isArray(state.selection) ? (state.selection as string[]) : [],
        viewport: (state.viewport as Peer["viewport"]) ?? undefined,
        self: clientId === self,
      });
    }
    peers.sort((a, b) => (a.self ? -1 : b.self ? 1 : a.clientId - b.clientId));
    // My own cursor and viewport move with every mouse event; nobody here needs to re-render
    // for them, so they do not count as a change.
    const key = JSON.stringify(peers.map((p) => (p.self ? { ...p, cursor: 0, viewport: 0 } : p)));
    if (key === this.key) return;
    this.key = key;
    this.peers = peers;
    for (const l of this.listeners) l();
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getPeers = (): Peer[] => this.peers;
}
