import { cascadePaths, measurementsOf, nodesMap, type RollupAnswer } from "@logic-canvas/shared";
import { afterEach, expect, it } from "vitest";
import * as Y from "yjs";
import { acknowledged, connect, synced } from "../support/index.ts";
import { buildCascadeWorld, events, getJson } from "../workspaces/cascade-world.ts";
import { type Cluster, cluster } from "./cluster.ts";

/**
 * A team member records a measurement on process A; the district admin, whose map and roll-up
 * are served by process B, hears of it over the live stream and reads the new roll-up, within
 * 2 s. The resync pass is set far beyond the test, so only the Redis message can carry it.
 */

let c: Cluster | undefined;
afterEach(async () => {
  await c?.stop();
  c = undefined;
});

it("a measurement on one process reaches the district's roll-up and stream on another within 2 s", async () => {
  c = cluster({ redisResyncMs: 600_000 });
  const a = await c.start();
  const b = await c.start();
  const w = await buildCascadeWorld(a);
  const rollupPath = cascadePaths.rollup(w.models.SM.id, "S1");
  const before = await getJson<RollupAnswer>(b.url, rollupPath, w.admin);
  // Nobody has measured yet: the children's sum stands at their baselines (54 + 67 students).
  expect(before.sumLatestStudents).toBe(before.sumBaselineStudents);

  const abort = new AbortController();
  const stream = await fetch(`${b.url}${cascadePaths.events(w.ws.district)}`, {
    headers: { Cookie: w.admin, Origin: b.url },
    signal: abort.signal,
  });
  expect(stream.status).toBe(200);
  expect(stream.headers.get("content-type")).toMatch(/text\/event-stream/);
  const received = events(stream);

  const tess = connect(a, w.models.G3.id, "", new Y.Doc(), w.tess);
  try {
    await synced(tess);
    const card = nodesMap(tess.doc).get("T3") as Y.Map<unknown>;
    const started = Date.now();
    measurementsOf(card)?.push([{ date: "2026-12-01", value: 90 }]);
    await acknowledged(tess);
    while (!received.some((e) => e.modelIds.includes(w.models.G3.id))) {
      if (Date.now() - started > 2_000) throw new Error("no cascade event within 2 s");
      await new Promise((r) => setTimeout(r, 20));
    }
    const after = await getJson<RollupAnswer>(b.url, rollupPath, w.admin);
    expect(Date.now() - started).toBeLessThan(2_000);
    // 90 % of Grade 3's 80 students is 72: the sum moves from 121 to 126.
    const grade3 = after.children.find((ch) => ch.cardId === "T3");
    expect(grade3?.latestStudents).toBe(72);
    expect(after.sumLatestStudents).toBe((before.sumLatestStudents ?? 0) + 72 - 67);
  } finally {
    tess.destroy();
    abort.abort();
  }
});
