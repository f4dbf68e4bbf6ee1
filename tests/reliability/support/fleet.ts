import { HocuspocusProvider, type HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { readModel } from "@logic-canvas/shared";
import WebSocket from "ws";
import * as Y from "yjs";
import { SyncFirstProvider } from "../../../client/src/collab/sync-first-provider.ts";
import { randomMutation } from "../../../shared/test/support/mutations.ts";
import { stateVectorOf } from "../../../shared/test/support/peers.ts";
import type { Rng } from "../../../shared/test/support/prng.ts";
import { openProvider } from "../../support/collab-client.ts";
import { waitFor } from "../../support/index.ts";

/**
 * Real HocuspocusProviders for convergence runs: each sends through a WebSocket that delays its
 * frames by a random few milliseconds (in order, as TCP would), so updates from different peers
 * reach the server interleaved at random; a peer can drop its socket and reconnect later, editing
 * offline meanwhile.
 */

export interface SocketPeer {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  online: boolean;
  closes: string[];
  url: string;
  drop(): void;
  reconnect(): void;
  destroy(): void;
}

function delayedSocket(rng: Rng | undefined, maxDelayMs: number): typeof WebSocket {
  return class DelayedWebSocket extends WebSocket {
    private chain: Promise<void> = Promise.resolve();
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      // Destroying a peer mid-handshake emits an error the provider already handles as a close.
      this.on("error", () => {});
    }
    override send(data: unknown, ...rest: unknown[]): void {
      const delay = rng ? rng.int(maxDelayMs + 1) : 0;
      const forward = () => {
        if (this.readyState !== WebSocket.OPEN) return;
        try {
          (WebSocket.prototype.send as (...a: unknown[]) => void).call(this, data, ...rest);
        } catch {
          // A socket closing under the delayed frame: the provider resyncs on reconnect.
        }
      };
      this.chain = this.chain.then(() =>
        delay ? new Promise<void>((r) => setTimeout(r, delay)).then(forward) : forward(),
      );
    }
  } as unknown as typeof WebSocket;
}

export function openPeer(
  url: string,
  name: string,
  token: string,
  /** `stock`: the provider as Hocuspocus ships it, rather than the app's `SyncFirstProvider`. */
  options: { rng?: Rng; maxDelayMs?: number; doc?: Y.Doc; stock?: boolean } = {},
): SocketPeer {
  const closes: string[] = [];
  const {
    doc,
    provider,
    websocketProvider: socket,
  } = openProvider(url, name, token, {
    ...(options.doc ? { doc: options.doc } : {}),
    WebSocketPolyfill: delayedSocket(options.rng, options.maxDelayMs ?? 3),
    Provider: options.stock ? HocuspocusProvider : SyncFirstProvider,
    // A refused authentication is one more way the peer was turned away.
    closes,
    authFailures: closes,
  });
  const peer: SocketPeer = {
    doc,
    provider,
    socket,
    online: true,
    closes,
    url,
    drop() {
      peer.online = false;
      socket.disconnect();
    },
    reconnect() {
      peer.online = true;
      void socket.connect().catch(() => {});
    },
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
  return peer;
}

/** `waitFor` with the fleet's patience, and `explain` saying where the peers were. */
export const until = (
  check: () => boolean,
  what: string,
  timeout = 20_000,
  explain: () => string = () => "",
): Promise<void> => waitFor(check, () => `${what} ${explain()}`, timeout, 5);

export const settled = (peer: SocketPeer) =>
  peer.provider.isSynced && peer.provider.unsyncedChanges === 0;

/** A close the peer cannot recover from by reconnecting: its own change was refused. */
export const refused = (peer: SocketPeer) =>
  peer.closes.some((r) => r.startsWith("invalid-write") || r.startsWith("read-only"));

/**
 * The server closed the document because an update arrived before the changes it depends on (an
 * edit sent right after reconnecting, ahead of the offline edits' sync reply). The provider does
 * not resync by itself after that in-band close, so the peer reconnects, as the reason says.
 */
export const outOfSync = (peer: SocketPeer) => peer.closes.some((r) => r.startsWith("out-of-sync"));

export const recoveries = { outOfSync: 0 };

const lastAttempt = new WeakMap<SocketPeer, number>();

export function recover(peer: SocketPeer): void {
  // A connect() racing the close of the previous socket can be lost; try again, as a client does.
  if (peer.online && peer.socket.status === "disconnected") {
    const last = lastAttempt.get(peer) ?? 0;
    if (Date.now() - last > 250) {
      lastAttempt.set(peer, Date.now());
      void peer.socket.connect().catch(() => {});
    }
  }
  if (!outOfSync(peer)) return;
  recoveries.outOfSync += 1;
  peer.closes.length = 0;
  peer.socket.disconnect();
  peer.reconnect();
}

export interface Snapshot {
  model: string;
  stateVector: string;
}

/**
 * JSON with object keys sorted and id-carrying arrays sorted by id: Y.Map iterates in the order a
 * peer integrated its keys, which differs between peers holding identical content.
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    const ids = items.every((v) => v && typeof v === "object" && "id" in (v as object));
    return ids
      ? items.sort((a, b) =>
          String((a as { id: unknown }).id).localeCompare(String((b as { id: unknown }).id)),
        )
      : items;
  }
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/**
 * Whether two documents hold the same Yjs state: the same insertions and the same deletions. The
 * state vector alone is not enough: a deletion-only update leaves it unchanged, and the server
 * broadcasts such an update after acknowledging it to its author, so a peer can hold the server's
 * state vector a moment before it holds the deletion.
 */
export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));
}

export function snapshotOf(doc: Y.Doc): Snapshot {
  return { model: JSON.stringify(canonical(readModel(doc))), stateVector: stateVectorOf(doc) };
}

/**
 * Random steps over the peers: mostly a typed mutation by an online or offline peer, sometimes a
 * dropped or restored connection, with short pauses so frames interleave. Returns the mutation
 * count.
 */
export async function churn(
  peers: SocketPeer[],
  rng: Rng,
  steps: number,
  options: { dropChance?: number; pauseEvery?: number } = {},
): Promise<number> {
  const dropChance = options.dropChance ?? 0.04;
  const pauseEvery = options.pauseEvery ?? 4;
  let mutations = 0;
  for (let step = 0; step < steps; step += 1) {
    const peer = rng.pick(peers) as SocketPeer;
    recover(peer);
    if (rng.chance(dropChance)) {
      if (peer.online) peer.drop();
      else peer.reconnect();
    } else if (!refused(peer)) {
      randomMutation(peer.doc, rng, "local");
      mutations += 1;
    }
    if (step % pauseEvery === 0) await new Promise((r) => setTimeout(r, rng.int(3)));
  }
  return mutations;
}

/**
 * Everyone back online and quiet. A peer whose change the server refused (a deliberately
 * unchecked invalid link, ~1 in 60 mutations) reloads with a fresh document, as the client does.
 */
export async function quiet(
  peers: SocketPeer[],
  reopen: (peer: SocketPeer) => SocketPeer,
): Promise<{ peers: SocketPeer[]; reloaded: number }> {
  let reloaded = 0;
  const result = [...peers];
  for (const peer of result) if (!peer.online) peer.reconnect();
  await until(
    () => {
      result.forEach((peer, i) => {
        if (refused(peer)) {
          peer.destroy();
          reloaded += 1;
          result[i] = reopen(peer);
        } else recover(peer);
      });
      return result.every(settled);
    },
    "every peer synced and acknowledged",
    20_000,
    () =>
      result
        .map(
          (p, i) =>
            `${i}: synced=${p.provider.isSynced} unsynced=${p.provider.unsyncedChanges} status=${p.socket.status} online=${p.online} closes=${p.closes.join("|")}`,
        )
        .join("; "),
  );
  return { peers: result, reloaded };
}
