import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addNode, nodesMap } from "@logic-canvas/shared";
import { afterAll, expect, it } from "vitest";
import { uniquePrefix } from "../../scale/cluster.ts";
import { createModel } from "../../support/index.ts";
import { freePort, startServerProcess } from "../../support/server-process.ts";
import { openPeer, recover, type SocketPeer, snapshotOf, until } from "../support/fleet.ts";

/**
 * Redis gone for a while (killed, then restarted empty) under two server processes: each keeps
 * serving its own clients, and after Redis is back the two processes' clients converge. A Redis of
 * the test's own on a free port, never the machine's shared one. REDIS_OUTAGE_MS sets the outage
 * (5 s in the normal run; the issue's figure is 30 s).
 */
const OUTAGE_MS = Number(process.env.REDIS_OUTAGE_MS ?? 5_000);
const dataDir = mkdtempSync(join(tmpdir(), "lc-redis-outage-"));
const children: ChildProcess[] = [];
const peers: SocketPeer[] = [];
afterAll(() => {
  for (const p of peers) p.destroy();
  for (const c of children) c.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(redis);
  let out = "";
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`redis did not start: ${out}`)), 10_000);
    redis.stdout?.on("data", (d) => {
      out += String(d);
      if (out.includes("Ready to accept connections")) {
        clearTimeout(timer);
        done();
      }
    });
    redis.once("exit", () => fail(new Error(`redis exited: ${out}`)));
  });
  return redis;
}

async function startProcess(redisUrl: string, prefix: string): Promise<string> {
  const server = await startServerProcess({ dataDir, redis: { url: redisUrl, prefix } });
  children.push(server.process);
  return server.url;
}

it(
  `Redis down for ${OUTAGE_MS / 1000} s: both processes keep serving, then re-converge`,
  async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const redisUrl = `redis://127.0.0.1:${port}`;
    const prefix = uniquePrefix();
    const urlA = await startProcess(redisUrl, prefix);
    const urlB = await startProcess(redisUrl, prefix);
    const model = await createModel(urlA);
    for (const url of [urlA, urlA, urlB, urlB])
      peers.push(openPeer(url, model.id, model.tokens.editor));
    const [a1, a2, b1, b2] = peers as [SocketPeer, SocketPeer, SocketPeer, SocketPeer];
    await until(() => peers.every((p) => p.provider.isSynced), "sync");
    const before = addNode(a1.doc, { kind: "input", title: "before the outage" }, "local");
    await until(() => nodesMap(b1.doc).has(before), "relayed through Redis before the outage");

    redis.kill("SIGKILL");
    await new Promise((r) => redis.once("exit", r));
    const outageStarted = Date.now();
    const during: string[] = [];
    let i = 0;
    while (Date.now() - outageStarted < OUTAGE_MS) {
      // Each process keeps relaying between its own clients while Redis is gone.
      const onA = addNode(a1.doc, { kind: "activity", title: `A during ${i}` }, "local");
      const onB = addNode(b1.doc, { kind: "activity", title: `B during ${i}` }, "local");
      during.push(onA, onB);
      await until(
        () => nodesMap(a2.doc).has(onA),
        `process A serves its clients (edit ${i})`,
        3_000,
      );
      await until(
        () => nodesMap(b2.doc).has(onB),
        `process B serves its clients (edit ${i})`,
        3_000,
      );
      i += 1;
      await new Promise((r) => setTimeout(r, 250));
    }
    redis = await startRedis(port);
    const after = addNode(b2.doc, { kind: "input", title: "after the outage" }, "local");
    const all = [before, ...during, after];
    const started = Date.now();
    await until(
      () => {
        for (const p of peers) recover(p);
        return peers.every((p) => all.every((id) => nodesMap(p.doc).has(id)));
      },
      "every client has every edit after Redis is back",
      60_000,
    );
    const expected = snapshotOf(a1.doc);
    await until(
      () => peers.every((p) => JSON.stringify(snapshotOf(p.doc)) === JSON.stringify(expected)),
      "identical documents",
      30_000,
    );
    console.log(
      `Redis outage: ${OUTAGE_MS} ms, ${during.length} edits during it (all served locally), re-converged ${Date.now() - started} ms after Redis was back`,
    );
    const fresh = openPeer(urlB, model.id, model.tokens.viewer);
    peers.push(fresh);
    await until(() => fresh.provider.isSynced, "fresh client");
    expect(snapshotOf(fresh.doc).model).toBe(expected.model);
    expect(peers.flatMap((p) => p.closes)).toEqual([]);
  },
  120_000 + OUTAGE_MS * 2,
);
