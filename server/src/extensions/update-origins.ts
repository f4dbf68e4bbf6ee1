import { type Connection, isTransactionOrigin } from "@hocuspocus/server";

/** Where a change to a live document came from, as far as the write path cares. */
export type UpdateSource = "client" | "server" | "peer" | "untagged";

/** Hocuspocus's transaction origin, read as one of our sources. */
export function sourceOf(origin: unknown): UpdateSource {
  if (!isTransactionOrigin(origin)) return "untagged";
  if (origin.source === "connection") return "client";
  if (origin.source === "redis") return "peer";
  return "server";
}

export interface OriginHandling {
  /**
   * Who appends it to the durable log: the write gate, which queues the append before Hocuspocus
   * applies it and holds the writer's acknowledgement until it has committed (durable-acks.ts),
   * the persistence extension once it is applied, or nobody here because the process that took
   * it stored it.
   */
  stored: "before-applied" | "after-applied" | "by-its-process";
  /** Whether the write gate validates it (the others are the server's own or already validated). */
  validated: boolean;
  /** Whether the revision log records it (a peer's change is its process's to record). */
  recorded: boolean;
  /**
   * Whether it is relayed to the other processes. Decided by Hocuspocus's Redis extension (it
   * publishes every change but a relayed one); stated here so the table tells the whole story.
   */
  relayedToPeers: boolean;
}

/**
 * The one table of what happens to each update by origin. Every update is broadcast to the
 * document's own connections by Hocuspocus whatever its origin.
 * - client: a connection's update (`/collab` or `/yjs/<id>`);
 * - server: a server-side change through a direct connection (API edits, restores, migration);
 * - peer: relayed from another process over Redis, or caught up from the store (scale/resync.ts);
 * - untagged: a transaction without Hocuspocus's origin (the server's own code, tests).
 */
export const UPDATE_ORIGINS: Readonly<Record<UpdateSource, OriginHandling>> = {
  client: { stored: "before-applied", validated: true, recorded: true, relayedToPeers: true },
  server: { stored: "after-applied", validated: false, recorded: true, relayedToPeers: true },
  peer: { stored: "by-its-process", validated: false, recorded: false, relayedToPeers: false },
  untagged: { stored: "after-applied", validated: false, recorded: false, relayedToPeers: true },
};

export function handlingOf(origin: unknown): OriginHandling {
  return UPDATE_ORIGINS[sourceOf(origin)];
}

/** The connection a client update came from; undefined for every other origin. */
export function clientConnectionOf(origin: unknown): Connection | undefined {
  return isTransactionOrigin(origin) && origin.source === "connection"
    ? origin.connection
    : undefined;
}
