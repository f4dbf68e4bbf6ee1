import { addNode, coachingTemplate, readModel, updateNode } from "@logic-canvas/shared";
import { expect, it } from "vitest";
import type { Rng } from "../../shared/test/support/prng.ts";
import {
  openPeer,
  outOfSync,
  type SocketPeer,
  sameState,
  settled,
  until,
} from "../reliability/support/fleet.ts";
import { useTestServer } from "../support/index.ts";

/**
 * A change sent just before the connection drops can be lost with it; the sync on reconnect
 * carries it again. A change made in the moment after reconnecting, before that sync, depends on
 * it, and the server refuses a change whose dependencies it has not seen (`out-of-sync`) rather
 * than hold it. The app's provider holds such a change until the sync is done, so it is never
 * refused.
 */

/** Every frame the peer sends waits this long, so a frame sent just before a drop is lost. */
const slowFrames = { int: () => 20 } as unknown as Rng;

const server = useTestServer();

async function loseAChangeThenEditItWhileReconnecting(stock: boolean): Promise<SocketPeer> {
  const created = await server.models.create(coachingTemplate());
  const peer = openPeer(server.url, created.id, created.tokens.editor, {
    stock,
    rng: slowFrames,
    maxDelayMs: 20,
  });
  await until(() => settled(peer), "first sync");
  addNode(peer.doc, { kind: "activity", title: "Planned", id: "new-card" }, "local");
  peer.drop();
  await until(() => peer.socket.status === "disconnected", "offline");
  // The server has confirmed the link, but its sync step 1 (answered with the lost card) is still
  // on its way: with the stock provider this edit of the card goes out first.
  peer.provider.on("authenticated", () =>
    updateNode(peer.doc, "new-card", { title: "Renamed while reconnecting" }, "local"),
  );
  peer.reconnect();
  await until(() => settled(peer) || outOfSync(peer), "reconnected");
  return peer;
}

it("a change made while reconnecting reaches the server with the lost change it builds on", async () => {
  const peer = await loseAChangeThenEditItWhileReconnecting(false);
  try {
    expect(peer.closes).toEqual([]);
    const name = peer.provider.configuration.name;
    await until(() => {
      const live = server.hocuspocus.documents.get(name);
      return live !== undefined && sameState(peer.doc, live);
    }, "server has the peer's state");
    const live = server.hocuspocus.documents.get(name);
    const card = live && readModel(live).nodes.find((n) => n.id === "new-card");
    expect(card?.title).toBe("Renamed while reconnecting");
  } finally {
    peer.destroy();
  }
});

it("the stock provider sends that change ahead of the sync, and the server refuses it", async () => {
  // Why the app does not use the stock provider: if this starts passing, Hocuspocus orders
  // reconnect traffic itself and `SyncFirstProvider` can go.
  const peer = await loseAChangeThenEditItWhileReconnecting(true);
  try {
    expect(outOfSync(peer)).toBe(true);
  } finally {
    peer.destroy();
  }
});
