import { addNode, readModel, updateSmart } from "@logic-canvas/shared";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import {
  acknowledged,
  api,
  connect,
  createModel,
  startTestServer,
  synced,
  waitFor,
} from "../../tests/support/index.ts";

/** The whole server on PostgreSQL (DATABASE_URL), not only the storage contract. */
const url = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `lc_server_${process.pid}_${Date.now()}`;

afterAll(async () => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

it("serves, stores and reloads a model from PostgreSQL across a restart", async () => {
  const options = { databaseUrl: url, databaseSchema: schema };
  const first = await startTestServer(options);
  const model = await createModel(first.url, { template: "coaching" });
  const a = connect(first, model.id, model.tokens.editor);
  const b = connect(first, model.id, model.tokens.owner);
  await synced(a);
  await synced(b);
  const id = addNode(a.doc, { kind: "midJourney", title: "Teachers co-plan weekly" }, "local");
  updateSmart(b.doc, "M1", { indicator: "classrooms observed", unit: "percent" }, "local");
  await acknowledged(a);
  await acknowledged(b);
  // Acknowledged means stored; each page still has to receive the other's edit before the two
  // read the same (under load that broadcast can trail the acknowledgement).
  await waitFor(
    () => JSON.stringify(readModel(a.doc)) === JSON.stringify(readModel(b.doc)),
    "both pages to hold both edits",
  );
  const expected = readModel(a.doc);
  a.destroy();
  b.destroy();
  await first.stop();

  const second = await startTestServer({ ...options, dataDir: first.dataDir });
  const late = connect(second, model.id, model.tokens.viewer);
  await synced(late);
  expect(readModel(late.doc)).toEqual(expected);
  expect(readModel(late.doc).nodes.some((n) => n.id === id)).toBe(true);
  const summary = await api(second.url, `/api/models/${model.id}`, { token: model.tokens.viewer });
  expect(await summary.json()).toMatchObject({ id: model.id, role: "viewer", nodeCount: 23 });
  late.destroy();
  await second.stop();
  // It really was PostgreSQL that held the model, not a SQLite file in the data folder.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows = await client.query(`SELECT count(*)::int AS n FROM "${schema}".models`);
  await client.end();
  expect(rows.rows[0].n).toBe(1);
});
