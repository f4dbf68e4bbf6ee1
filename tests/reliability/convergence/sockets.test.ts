import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { randomMutation } from "../../../shared/test/support/mutations.ts";
import { Rng } from "../../../shared/test/support/prng.ts";
import { type Cluster, cluster } from "../../scale/cluster.ts";
import { freePort, type ServerProcess, startServerProcess } from "../../support/server-process.ts";
import {
  openPeer,
  outOfSync,
  quiet,
  recover,
  refused,
  type SocketPeer,
  sameState,
  snapshotOf,
  until,
} from "../support/fleet.ts";

/**
 * 20 HocuspocusProviders × 500 random typed operations against real server processes, with
 * connections dropped and restored at random; after quiet every provider, a fresh client and the
 * stored document (read by a restarted server) are identical. Once on one process, once split over
 * two processes sharing Redis. SOCKET_PROVIDERS and SOCKET_OPS change the sizes; SOCKET_SEED the run.
 */
const PROVIDERS = Number(process.env.SOCKET_PROVIDERS ?? 20);
const OPS = Number(process.env.SOCKET_OPS ?? 500);
const SEED = Number(process.env.SOCKET_SEED ?? 11);
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const troubled = (p: SocketPeer) => refused(p) || outOfSync(p);

async function run(urls: string[], modelId: string, token: string, label: string) {
  const rng = new Rng(SEED);
  let n = 0;
  const open = () => openPeer(urls[n++ % urls.length] as string, modelId, token, { rng });
  let peers = Array.from({ length: PROVIDERS }, open);
  cleanups.push(() => {
    for (const p of peers) p.destroy();
  });
  await until(() => peers.every((p) => p.provider.isSynced), `${label}: first sync`, 30_000);
  let operations = 0;
  let drops = 0;
  let reloadedMidway = 0;
  for (let round = 0; round < OPS; round += 1) {
    for (const [i, current] of peers.entries()) {
      let peer = current;
      // A provider whose change was refused reloads, as the client does, and goes on editing.
      if (refused(peer)) {
        peer.destroy();
        reloadedMidway += 1;
        peer = openPeer(peer.url, modelId, token, { rng });
        peers[i] = peer;
      }
      recover(peer);
      if (rng.chance(0.005)) {
        drops += peer.online ? 1 : 0;
        if (peer.online) peer.drop();
        else peer.reconnect();
      }
      randomMutation(peer.doc, rng, "local");
      operations += 1;
    }
    // Paced below each connection's message rate limit (100/s): the point is merging, not floods.
    await new Promise((r) => setTimeout(r, 12));
  }
  let reloaded = reloadedMidway;
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const settledRound = await quiet(peers, (old) => openPeer(old.url, modelId, token, { rng }));
    peers = settledRound.peers;
    reloaded += settledRound.reloaded;
    await until(
      () =>
        peers.some(troubled) || peers.every((p) => sameState(p.doc, (peers[0] as SocketPeer).doc)),
      `${label}: providers converge`,
      30_000,
    );
    if (!peers.some(troubled)) break;
  }
  const expected = snapshotOf((peers[0] as SocketPeer).doc);
  const differing = peers.flatMap((p, i) => {
    const s = snapshotOf(p.doc);
    return s.model === expected.model && s.stateVector === expected.stateVector ? [] : [i];
  });
  const fresh = openPeer(urls[0] as string, modelId, token);
  await until(() => fresh.provider.isSynced, `${label}: fresh client`, 20_000);
  const freshSnapshot = snapshotOf(fresh.doc);
  fresh.destroy();
  for (const p of peers) p.destroy();
  console.log(
    `${label}: ${PROVIDERS} providers, ${operations} operations, ${drops} drops, ${reloaded} reloads after a refused change, ${differing.length} divergent providers`,
  );
  return { expected, differing, freshSnapshot, operations };
}

it(`${PROVIDERS} providers × ${OPS} operations on one server process converge`, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "lc-sockets-"));
  let server: ServerProcess | undefined;
  cleanups.push(() => {
    server?.process.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });
  const port = await freePort();
  server = await startServerProcess({ entry: "main", dataDir, port });
  const modelId = server.modelId as string;
  const token = server.ownerToken as string;
  const { expected, differing, freshSnapshot } = await run(
    [server.url],
    modelId,
    token,
    "one process",
  );
  expect(differing).toEqual([]);
  expect(freshSnapshot).toEqual(expected);
  // The stored document, as a restarted server loads it.
  server.process.kill("SIGTERM");
  await server.exited;
  server = await startServerProcess({ entry: "main", dataDir, port });
  const reloaded = openPeer(server.url, modelId, token);
  await until(() => reloaded.provider.isSynced, "client after restart", 20_000);
  const stored = snapshotOf(reloaded.doc);
  reloaded.destroy();
  expect(stored).toEqual(expected);
}, 300_000);

it(`${PROVIDERS} providers × ${OPS} operations split over two processes on Redis converge`, async () => {
  const c: Cluster = cluster({ redisResyncMs: 1000 });
  cleanups.push(() => c.stop());
  const a = await c.startChild();
  const b = await c.startChild();
  const setup = await c.start();
  const created = await setup.models.create(
    (await import("@logic-canvas/shared")).coachingTemplate(),
  );
  await setup.stop();
  const { expected, differing, freshSnapshot } = await run(
    [a.url, b.url],
    created.id,
    created.tokens.editor,
    "two processes on Redis",
  );
  expect(differing).toEqual([]);
  expect(freshSnapshot).toEqual(expected);
  await a.kill();
  await b.kill();
  const restarted = await c.start();
  const reloaded = openPeer(restarted.url, created.id, created.tokens.editor);
  await until(() => reloaded.provider.isSynced, "client after restart", 20_000);
  const stored = snapshotOf(reloaded.doc);
  reloaded.destroy();
  expect(stored).toEqual(expected);
}, 300_000);
