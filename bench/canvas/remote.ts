import { laneX, moveNode, NODE_KINDS, nodesMap } from "@logic-canvas/shared";
import { connectClient, type Target, waitFor, withTimeout } from "../lib/clients.ts";

const REMOTE_ORIGIN = "bench-remote";

/**
 * Another person dragging one card, from Node through the real server with an editor link's
 * token (the same provider the edit-latency benchmark uses): `rate` position writes per second,
 * the card circling around the centre of the benchmark page's view (`centreY`, in flow
 * coordinates), so its moves land where the page is looking while it pans.
 */
export async function startRemoteDrag(
  target: Target,
  cardId: string,
  centreY: () => number,
  rate = 12,
) {
  const client = connectClient(target);
  if (process.env.BENCH_VERBOSE) console.log("remote: connecting");
  await withTimeout(client.synced, 60_000, "remote client sync");
  if (process.env.BENCH_VERBOSE) console.log("remote: synced");
  if (!nodesMap(client.doc).has(cardId)) throw new Error(`remote client: no card ${cardId}`);
  const x = laneX(NODE_KINDS[2] as (typeof NODE_KINDS)[number]);
  let sent = 0;
  const timer = setInterval(() => {
    const phase = (sent / rate) * Math.PI;
    const position = {
      x: Math.round(x + 30 * Math.cos(phase)),
      y: Math.round(centreY() + 80 * Math.sin(phase)),
    };
    moveNode(client.doc, cardId, position, REMOTE_ORIGIN);
    sent++;
  }, 1000 / rate);
  return {
    /** Stops dragging; resolves once the server acknowledged every move, with their count. */
    async stop(): Promise<{ updates: number; errors: string[] }> {
      clearInterval(timer);
      await waitFor(() => client.unsynced() === 0, 30_000, "remote moves acknowledged");
      const errors = [...client.errors];
      client.destroy();
      return { updates: sent, errors };
    },
  };
}
