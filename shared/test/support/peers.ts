import * as Y from "yjs";
import type { Rng } from "./prng.ts";

/**
 * An in-process network of Y.Doc peers for convergence tests. Every local update is queued
 * for every other peer; queues are delivered in random order, and an offline peer neither
 * sends nor receives (its queues buffer) until it reconnects.
 */

const REMOTE = Symbol("remote");

export interface Peer {
  index: number;
  doc: Y.Doc;
  online: boolean;
}

export class PeerNetwork {
  readonly peers: Peer[];
  /** `from>to`: updates made at `from` not yet applied at `to`. */
  private readonly queues = new Map<string, Uint8Array[]>();

  constructor(
    count: number,
    readonly rng: Rng,
  ) {
    this.peers = Array.from({ length: count }, (_, index) => {
      const doc = new Y.Doc({ gc: true });
      // Fixed client ids make a seed replay the same merge decisions.
      doc.clientID = 1 + rng.int(2 ** 31);
      return { index, doc, online: true };
    });
    for (const peer of this.peers) {
      peer.doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin === REMOTE) return;
        for (const other of this.peers) {
          if (other !== peer) this.queue(peer.index, other.index).push(update);
        }
      });
    }
  }

  private queue(from: number, to: number): Uint8Array[] {
    const key = `${from}>${to}`;
    let queue = this.queues.get(key);
    if (!queue) {
      queue = [];
      this.queues.set(key, queue);
    }
    return queue;
  }

  /** Delivers up to `max` queued updates between online peers, picked at random. */
  deliverSome(max: number): void {
    for (let n = 0; n < max; n += 1) {
      const ready: [number, number][] = [];
      for (const from of this.peers) {
        for (const to of this.peers) {
          if (from.online && to.online && this.queue(from.index, to.index).length)
            ready.push([from.index, to.index]);
        }
      }
      const pair = this.rng.pick(ready);
      if (!pair) return;
      const queue = this.queue(pair[0], pair[1]);
      // Any queued update, not only the oldest: Yjs must cope with updates out of causal order.
      const [update] = queue.splice(this.rng.int(queue.length), 1);
      if (update) Y.applyUpdate(this.peers[pair[1]]?.doc as Y.Doc, update, REMOTE);
    }
  }

  setOnline(index: number, online: boolean): void {
    const peer = this.peers[index];
    if (!peer) return;
    peer.online = online;
    // Half the reconnects resync by state vectors, as a provider does, and drop their queues.
    if (online && this.rng.chance(0.5)) {
      for (const other of this.peers) {
        if (other === peer || !other.online) continue;
        syncPair(peer.doc, other.doc);
        this.queues.set(`${peer.index}>${other.index}`, []);
        this.queues.set(`${other.index}>${peer.index}`, []);
      }
    }
  }

  /** Everyone online, every queue delivered in random order, then a state-vector sync. */
  settle(): void {
    for (const peer of this.peers) peer.online = true;
    this.deliverSome(Number.POSITIVE_INFINITY);
    for (const a of this.peers) for (const b of this.peers) if (a !== b) syncPair(a.doc, b.doc);
  }
}

export function syncPair(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), REMOTE);
}

export function stateVectorOf(doc: Y.Doc): string {
  return [...Y.decodeStateVector(Y.encodeStateVector(doc))]
    .sort(([a], [b]) => a - b)
    .map(([client, clock]) => `${client}:${clock}`)
    .join(",");
}
