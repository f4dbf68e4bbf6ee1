import { addNode, nodesMap } from "@logic-canvas/shared";
import { afterAll, expect, it } from "vitest";
import { Rng } from "../../../shared/test/support/prng.ts";
import { freePort, useRestartingServer } from "../../support/server-process.ts";
import { openPeer, recover, type SocketPeer, settled, until } from "../support/fleet.ts";

/**
 * kill -9 at a random moment in a stream of edits from 5 clients that stay open across the
 * restart: no acknowledged edit is lost, and what was not acknowledged yet (in flight at the kill,
 * or made while the server was down) reaches the restarted server from the clients themselves.
 * KILL_CYCLES sets the cycles (10 in the normal run); KILL_SEED the random moments.
 */
const CYCLES = Number(process.env.KILL_CYCLES ?? 10);
const SEED = Number(process.env.KILL_SEED ?? 9);
const restarting = useRestartingServer("kill9-merge");
let writers: SocketPeer[] = [];

afterAll(() => {
  for (const w of writers) w.destroy();
});

it(
  `kill -9 during edits from 5 clients: nothing acknowledged lost, the rest merges (${CYCLES} cycles)`,
  async () => {
    const rng = new Rng(SEED);
    const port = await freePort();
    let server = await restarting.start({ port });
    const modelId = server.modelId as string;
    const token = server.ownerToken as string;
    expect(token).toBeTruthy();
    writers = Array.from({ length: 5 }, () => openPeer(server.url, modelId, token));
    const acknowledged = new Set<string>();
    const made = new Set<string>();
    let unacknowledgedAtKill = 0;
    const started = Date.now();

    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      await until(
        () => {
          for (const w of writers) recover(w);
          return writers.every(settled);
        },
        `cycle ${cycle}: writers back in sync`,
        30_000,
      );
      // Every edit so far, acknowledged or merged after the restart, reaches every client.
      await until(
        () => writers.every((w) => [...made].every((id) => nodesMap(w.doc).has(id))),
        `cycle ${cycle}: every edit at every client`,
        20_000,
        () =>
          `missing: ${writers.map((w) => [...made].filter((id) => !nodesMap(w.doc).has(id)).join(",")).join(" / ")}`,
      );

      const killAfter = 2 + rng.int(25);
      // Sometimes kill between a write and its acknowledgement's arrival, sometimes just after.
      const killDelayMs = rng.int(4);
      let acks = 0;
      let killed = false;
      const current = server;
      await Promise.all(
        writers.map(async (writer, k) => {
          for (let i = 0; !killed; i += 1) {
            const id = addNode(
              writer.doc,
              { kind: "activity", title: `c${cycle} w${k} e${i}` },
              "k9",
            );
            made.add(id);
            try {
              await until(() => killed || writer.provider.unsyncedChanges === 0, "ack", 10_000);
            } catch {
              break;
            }
            if (killed) break;
            acknowledged.add(id);
            acks += 1;
            if (acks === killAfter) {
              killed = true;
              setTimeout(() => current.process.kill("SIGKILL"), killDelayMs);
            }
          }
        }),
      );
      await current.exited;
      unacknowledgedAtKill += writers.reduce((n, w) => n + w.provider.unsyncedChanges, 0);
      // Edits made while the server is down wait in the clients and must arrive after the restart.
      for (const [k, writer] of writers.entries()) {
        made.add(addNode(writer.doc, { kind: "smallWin", title: `offline c${cycle} w${k}` }, "k9"));
      }
      server = await restarting.start({ port });
    }

    await until(
      () => {
        for (const w of writers) recover(w);
        return writers.every(settled);
      },
      "final sync",
      30_000,
    );
    for (const w of writers) w.destroy();
    writers = [];
    // A fresh client sees what the server holds after one more plain restart.
    server.process.kill("SIGKILL");
    await server.exited;
    server = await restarting.start({ port });
    const check = openPeer(server.url, modelId, token);
    await until(() => check.provider.isSynced, "fresh client", 20_000);
    const present = nodesMap(check.doc);
    check.destroy();
    const lostAcknowledged = [...acknowledged].filter((id) => !present.has(id));
    const lostUnacknowledged = [...made].filter((id) => !acknowledged.has(id) && !present.has(id));
    console.log(
      `kill -9 with merge: ${CYCLES} cycles, ${acknowledged.size} acknowledged edits (${lostAcknowledged.length} lost), ${made.size - acknowledged.size} unacknowledged at a kill or made offline (${lostUnacknowledged.length} lost; ${unacknowledgedAtKill} pending in providers at the kills), ${Date.now() - started} ms`,
    );
    expect(lostAcknowledged).toEqual([]);
    expect(lostUnacknowledged).toEqual([]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(CYCLES * 2);
  },
  60_000 + CYCLES * 10_000,
);
