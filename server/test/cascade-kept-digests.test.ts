import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cascadePaths, goalDigestFactsSchema, type LogicNode } from "@logic-canvas/shared";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { waitFor } from "../../tests/support/index.ts";
import {
  buildCascadeWorld,
  type CascadeWorld,
  getJson,
  goal,
  putNodes,
} from "../../tests/workspaces/cascade-world.ts";
import { type RunningServer, startServer } from "../src/index.ts";
import type { ServerOptions } from "../src/runtime/config.ts";
import type { Store } from "../src/storage/types.ts";

/**
 * Issue 16: the goal index keeps each model's goal facts in the store, so a restarted server
 * answers the cascade from them at once. What a person sees must not change: the same roll-ups,
 * map, context and progress rows before and after a restart, and a kept digest that is damaged
 * or older than its document is passed over (the document is read instead), never believed.
 */

const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const PG_SCHEMA = `lc_digests_${process.pid}_${Date.now()}`;

interface Variant {
  name: string;
  options: (dataDir: string) => Partial<ServerOptions>;
  /** Runs SQL on the stopped server's database (to damage its kept digests). */
  raw: (dataDir: string, sql: string, params: unknown[]) => Promise<void>;
}

const VARIANTS: Variant[] = [
  {
    name: "SQLite",
    options: () => ({}),
    raw: async (dataDir, sql, params) => {
      const db = new Database(join(dataDir, "logic-canvas.sqlite"));
      try {
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    },
  },
  {
    name: "PostgreSQL",
    options: () => ({ databaseUrl: PG_URL, databaseSchema: PG_SCHEMA }),
    raw: async (_dataDir, sql, params) => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      try {
        await client.query(`SET search_path TO "${PG_SCHEMA}"`);
        let n = 0;
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          params,
        );
      } finally {
        await client.end();
      }
    },
  },
];

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${PG_SCHEMA}" CASCADE`);
  await client.end();
});

/** The server on a data folder; `graphLoads` counts graph documents it reads from the store. */
async function start(variant: Variant, dataDir: string) {
  const loads = { graph: 0 };
  const server = await startServer(
    {
      port: 0,
      host: "127.0.0.1",
      logLevel: "silent",
      clientDist: join(dataDir, "no-client"),
      dataDir,
      ...variant.options(dataDir),
    },
    {
      wrapStore: (store: Store) =>
        new Proxy(store, {
          get(target, key, receiver) {
            const value = Reflect.get(target, key, receiver);
            if (key !== "loadDocument" || typeof value !== "function") return value;
            return (name: string) => {
              if (!name.includes("/")) loads.graph += 1;
              return value.call(target, name);
            };
          },
        }),
    },
  );
  return { server, loads };
}

/** Everything the cascade's pages read about the world, as the admin sees it. */
async function answers(url: string, w: CascadeWorld) {
  const get = (path: string) => getJson<Record<string, unknown>>(url, path, w.admin);
  const { generatedAt: _map, ...map } = await get(cascadePaths.map(w.ws.district, { open: true }));
  const { generatedAt: _rows, ...progress } = await get(cascadePaths.progress(w.ws.district));
  return {
    districtRollup: await get(cascadePaths.rollup(w.models.DM.id, "D1")),
    schoolRollup: await get(cascadePaths.rollup(w.models.SM.id, "S1")),
    context: await get(cascadePaths.context(w.models.G3.id)),
    map,
    progress,
  };
}

/** Waits until the store keeps a current digest of every model of the world. */
async function keptDigests(server: RunningServer, w: CascadeWorld) {
  const ids = Object.values(w.models).map((m) => m.id);
  let kept: Awaited<ReturnType<Store["goalDigests"]["loadAll"]>> = [];
  const current = () =>
    ids.every((id) => kept.some((r) => r.modelId === id && r.seq === r.documentSeq));
  await waitFor(
    () => {
      void server.store.goalDigests.loadAll().then((rows) => {
        kept = rows;
      });
      return current();
    },
    "a current kept digest of every model",
    20_000,
    100,
  );
  return kept;
}

/** Grade 1's goal measured (once in the past, once ahead of today) with check-ins. */
function measuredGrade1(w: CascadeWorld): LogicNode[] {
  const t1 = goal(
    "T1",
    "Grade 1 reads",
    { unit: "percent", baseline: 68, target: 80, cohortSize: 80 },
    [{ modelId: w.models.SM.id, cardId: "S1" }],
  );
  return [
    {
      ...t1,
      measurements: [
        { date: "2026-10-01", value: 60 },
        { date: "2026-11-01", value: 71, note: "fall screener" },
        { date: "2099-01-01", value: 90 },
      ],
    },
  ];
}

describe.each(VARIANTS)("kept goal digests on $name", (variant) => {
  it("answers the same right after a restart, and passes over damaged or stale digests", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lc-digests-"));
    dirs.push(dataDir);
    const first = await start(variant, dataDir);
    const w = await buildCascadeWorld({ ...first.server, dataDir, stop: first.server.close });
    await putNodes(w.url, w.models.G1, "Grade 1 plan", measuredGrade1(w));
    const kept = await keptDigests(first.server, w);
    // The world's own answers once every change is read (the digests are current).
    const before = await answers(w.url, w);
    expect(before.schoolRollup).toMatchObject({
      children: [{ latest: { date: "2026-11-01", value: 71 } }, {}],
    });
    await first.server.close();

    const second = await start(variant, dataDir);
    const url = second.server.url;
    expect(await answers(url, { ...w, url })).toEqual(before);
    // Read from the kept digests: no model's document was decoded for them.
    expect(second.loads.graph).toBe(0);
    await second.server.close();

    // Damaged: text that is not JSON, facts that break the schema, and a digest of an older
    // state than the document's that says something else (a target of 99 %).
    const byId = (id: string) => kept.find((r) => r.modelId === id)?.digest ?? "";
    const facts = goalDigestFactsSchema.parse(JSON.parse(byId(w.models.G3.id)));
    const lying = {
      ...facts,
      goals: facts.goals.map((g) => ({
        ...g,
        smart: g.smart && { ...g.smart, target: { value: 99, date: "2027-06-01" } },
      })),
    };
    await variant.raw(dataDir, "UPDATE goal_digests SET digest = ? WHERE model_id = ?", [
      '{"v":1,"asOf',
      w.models.G1.id,
    ]);
    await variant.raw(dataDir, "UPDATE goal_digests SET digest = ? WHERE model_id = ?", [
      byId(w.models.DM.id).replace('"kind":"longTerm"', '"kind":"nonsense"'),
      w.models.DM.id,
    ]);
    await variant.raw(
      dataDir,
      "UPDATE goal_digests SET digest = ?, seq = seq - 1 WHERE model_id = ?",
      [JSON.stringify(lying), w.models.G3.id],
    );

    const third = await start(variant, dataDir);
    const url3 = third.server.url;
    expect(await answers(url3, { ...w, url: url3 })).toEqual(before);
    // Only the three passed over were read from their documents, and their digests kept again.
    expect(third.loads.graph).toBe(3);
    const again = await keptDigests(third.server, w);
    for (const id of [w.models.G1.id, w.models.DM.id, w.models.G3.id])
      expect(
        goalDigestFactsSchema.safeParse(
          JSON.parse(again.find((r) => r.modelId === id)?.digest ?? "null"),
        ).success,
      ).toBe(true);
    await third.server.close();
  });
});
