import { addNode, nodesMap } from "@logic-canvas/shared";
import { afterAll, expect, it } from "vitest";
import { api } from "../../support/index.ts";
import { freePort, useRestartingServer } from "../../support/server-process.ts";
import { openPeer, recover, type SocketPeer, until } from "../support/fleet.ts";

/**
 * SIGTERM while work is pending: edits in flight from 5 clients, a compaction due (it runs every
 * 5 appends here), revision-log entries still merging (30 s window) and an automatic version
 * waiting for quiet (2 s). After the restart every edit the server acknowledged, the revision log
 * and the automatic version are there, and the clients' unacknowledged edits merge in.
 */
const restarting = useRestartingServer("sigterm");
const writers: SocketPeer[] = [];
afterAll(() => {
  for (const w of writers) w.destroy();
});

const env = { COMPACT_AFTER_UPDATES: "5", AUTO_VERSION_QUIET_MS: "2000" };

it("SIGTERM with edits in flight, compaction, revision log and auto-version pending: nothing lost", async () => {
  const port = await freePort();
  let server = await restarting.start({ port, env });
  const modelId = server.modelId as string;
  const token = server.ownerToken as string;
  for (let k = 0; k < 5; k += 1) writers.push(openPeer(server.url, modelId, token));
  await until(() => writers.every((w) => w.provider.isSynced), "sync");
  const made: string[] = [];
  const acknowledged: string[] = [];
  let stop = false;
  const current = server;
  const streams = writers.map(async (writer, k) => {
    for (let i = 0; !stop; i += 1) {
      const id = addNode(writer.doc, { kind: "activity", title: `w${k} e${i}` }, "local");
      made.push(id);
      await new Promise((r) => setTimeout(r, 3));
      if (writer.provider.unsyncedChanges === 0) acknowledged.push(id);
    }
  });
  await new Promise((r) => setTimeout(r, 600));
  current.process.kill("SIGTERM");
  await current.exited;
  stop = true;
  await Promise.all(streams);
  expect(current.process.exitCode).toBe(0);
  const pendingAtStop = writers.reduce((n, w) => n + w.provider.unsyncedChanges, 0);

  server = await restarting.start({ port, env });
  await until(
    () => {
      for (const w of writers) recover(w);
      return writers.every((w) => w.provider.isSynced && w.provider.unsyncedChanges === 0);
    },
    "clients back and acknowledged",
    30_000,
    () =>
      writers
        .map(
          (w) =>
            `${w.socket.status} synced=${w.provider.isSynced} unsynced=${w.provider.unsyncedChanges} closes=${w.closes.join("|")}`,
        )
        .join("; "),
  );
  const fresh = openPeer(server.url, modelId, token);
  writers.push(fresh);
  await until(() => fresh.provider.isSynced, "fresh client");
  const present = nodesMap(fresh.doc);
  console.log(
    `SIGTERM: ${made.length} edits, ${acknowledged.length} acknowledged before the stop, ${pendingAtStop} pending in clients at the stop, ${made.filter((id) => !present.has(id)).length} missing after restart`,
  );
  expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
  expect(made.filter((id) => !present.has(id))).toEqual([]);

  // The revision log recorded the edits made before the stop, and the model got its version.
  const activity = await api(server.url, `/api/models/${modelId}/activity?limit=500`, { token });
  expect(activity.status).toBe(200);
  const entries = ((await activity.json()) as { entries?: unknown[] }).entries ?? [];
  expect(entries.length).toBeGreaterThan(0);
  const listed = await api(server.url, `/api/models/${modelId}/versions`, { token });
  const versions = ((await listed.json()) as { versions: { kind: string }[] }).versions;
  expect(versions.filter((v) => v.kind === "auto").length).toBeGreaterThan(0);
}, 90_000);
