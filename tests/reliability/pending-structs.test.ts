import { expect, it } from "vitest";
import * as Y from "yjs";
import { createModel } from "../support/index.ts";
import { useServerProcess } from "../support/server-process.ts";
import { syncUpdateFrame } from "./support/frame-fuzz.ts";
import { percentile, rawAuthenticated, startBystanders } from "./support/harness.ts";

/**
 * Well-formed updates that Yjs cannot integrate yet (they depend on a change the server never
 * got) are kept as "pending structs", and Yjs merges the whole pending set again with every later
 * update that is also missing something. So one update that omits its first change, followed by
 * small updates with a gap in their clocks, costs the server time in proportion to the pending
 * set for each message. No bounded reading of the bytes can see this: the bytes are valid.
 */

const server = useServerProcess();

/** Updates of one client writing `count` keys into the graph's card map, one update per key. */
function keyUpdates(clientId: number, count: number, size: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const map = doc.getMap("nodes");
  for (let i = 0; i < count; i++) map.set(`k${clientId}-${i}`, "v".repeat(size));
  return updates;
}

it("a pending set that can never integrate does not let small updates starve everyone else", async () => {
  const model = await createModel(server.url);
  const bystanders = await startBystanders(server.url);
  const attacker = await rawAuthenticated(server.url, model.id, model.tokens.editor);
  // 20,000 writes of one client without its first: all of them wait for clock 0 (~900 KB).
  const stash = Y.mergeUpdates(keyUpdates(990_001, 20_000, 20).slice(1));
  // Small updates of another client, each missing its predecessor: 30, well within the burst
  // the rate limit allows.
  const gaps = keyUpdates(990_002, 31, 1).slice(1);
  await server.stats();
  const since = bystanders.latencies.length;
  attacker.ws.send(syncUpdateFrame(model.id, stash));
  for (const update of gaps) attacker.ws.send(syncUpdateFrame(model.id, update));
  // How long the server takes to answer a health check while it works through them.
  const health: number[] = [];
  const until = Date.now() + 4_000;
  while (Date.now() < until) {
    const started = performance.now();
    await fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer());
    health.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stats = await server.stats();
  attacker.ws.terminate();
  bystanders.stop();
  const during = bystanders.latencies.slice(since);
  console.log(
    `pending structs: ${stash.length} B stashed + ${gaps.length} small gapped updates; server loop max ${stats.maxDelayMs.toFixed(0)} ms; ` +
      `health answered in up to ${Math.max(...health).toFixed(0)} ms; bystander edits ${during.length}, p99 ${percentile(during, 99).toFixed(0)} ms; closes seen by the attacker: ${JSON.stringify(attacker.closes)}`,
  );
  expect(server.exit()).toBeNull();
  expect(stats.maxDelayMs, "server event-loop stall (ms)").toBeLessThan(1_000);
  expect(Math.max(...health), "slowest health check (ms)").toBeLessThan(1_000);
  expect(percentile(during, 99), "bystander p99 (ms)").toBeLessThan(500);
});
