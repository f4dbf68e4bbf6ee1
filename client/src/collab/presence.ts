import { CONNECTION_LIMITS } from "@logic-canvas/shared";
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

// White names and initials are written on these: each is dark enough for 4.5:1 (WCAG AA).
const COLORS = [
  "#c2410c",
  "#237a36",
  "#1971c2",
  "#9c36b5",
  "#c2255c",
  "#0b7285",
  "#a64b00",
  "#5f3dc4",
];

export function colorFor(clientId: number): string {
  return COLORS[clientId % COLORS.length] as string;
}

/** Shown for a peer the server vouches for but who named nobody (a bare link token). */
export const UNNAMED_PEER = "Guest";

function point(value: unknown): { x: number; y: number } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { x, y } = value as Record<string, unknown>;
  return typeof x === "number" && typeof y === "number" && Number.isFinite(x) && Number.isFinite(y)
    ? { x, y }
    : undefined;
}

function viewportOf(value: unknown): Peer["viewport"] {
  const at = point(value);
  const zoom = (value as { zoom?: unknown } | undefined)?.zoom;
  return at && typeof zoom === "number" && Number.isFinite(zoom) && zoom > 0
    ? { ...at, zoom }
    : undefined;
}

/**
 * One presence state as this page shows it. Who someone is and their role come only from what
 * the server stamped on the state (`person`, `role`: it stamps every state it relays with the
 * connection's own), never from the `user` a client wrote about itself, so nobody can appear
 * under another person's name or a role they do not have. Colours are derived from the client id
 * (a colour from the wire would be CSS in a style attribute). My own state never passes through
 * the server, so it shows what I set. Null for a state that shows nobody.
 */
export function readPeer(clientId: number, state: unknown, selfId: number): Peer | null {
  if (typeof state !== "object" || state === null) return null;
  const fields = state as Record<string, unknown>;
  const self = clientId === selfId;
  let name: string;
  let role: string;
  if (self) {
    const user = fields.user as Partial<PresenceUser> | undefined;
    if (typeof user?.name !== "string" || !user.name) return null;
    name = user.name;
    role = typeof user.role === "string" ? user.role : "";
  } else {
    // Not stamped: it did not come through the server as a person's presence.
    if (!("person" in fields) || typeof fields.role !== "string") return null;
    const person = fields.person as { name?: unknown } | null;
    if (person === null) name = UNNAMED_PEER;
    else if (typeof person === "object" && typeof person.name === "string")
      name = person.name || UNNAMED_PEER;
    else return null;
    role = fields.role;
  }
  return {
    clientId,
    user: { name, role, color: colorFor(clientId) },
    cursor: point(fields.cursor),
    selection: Array.isArray(fields.selection)
      ? fields.selection
          .filter((id): id is string => typeof id === "string")
          .slice(0, CONNECTION_LIMITS.presenceSelectionIds)
      : [],
    viewport: viewportOf(fields.viewport),
    self,
  };
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
    // Within the server's cap on one presence state, however many cards are selected.
    this.awareness?.setLocalStateField(
      "selection",
      ids.slice(0, CONNECTION_LIMITS.presenceSelectionIds),
    );
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
      const peer = readPeer(clientId, state, self);
      if (peer) peers.push(peer);
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
