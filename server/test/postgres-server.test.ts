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

it("duplicates and deletes a model on PostgreSQL: the copy is whole, the deleted one leaves nothing", async () => {
  const server = await startTestServer({ databaseUrl: url, databaseSchema: `${schema}_manage` });
  try {
    const model = await createModel(server.url, { template: "coaching" });
    const duplicated = await api(server.url, `/api/models/${model.id}/duplicate`, {
      method: "POST",
      token: model.tokens.editor,
    });
    expect(duplicated.status).toBe(201);
    const copy = (await duplicated.json()) as { id: string; links: { owner: string } };
    const ownerToken = new URL(copy.links.owner).hash.replace("#token=", "");
    const summary = await api(server.url, `/api/models/${copy.id}`, { token: ownerToken });
    expect(await summary.json()).toMatchObject({ role: "owner", nodeCount: 22 });

    const viewer = connect(server, model.id, model.tokens.viewer);
    await synced(viewer);
    const deleted = await api(server.url, `/api/models/${model.id}`, {
      method: "DELETE",
      token: model.tokens.owner,
    });
    expect(deleted.status).toBe(204);
    await waitFor(() => viewer.closes.some((r) => r.startsWith("model-deleted")));
    viewer.destroy();
    expect(await server.store.getModel(model.id)).toBeUndefined();
    expect(await server.store.loadDocument(model.id)).toBeUndefined();
    expect(await server.store.loadDocument(`${model.id}/review`)).toBeUndefined();
    expect(await server.store.listLinks(model.id)).toEqual([]);
    // The copy is untouched by the original's deletion.
    expect((await server.store.getModel(copy.id))?.title).toBe(
      "Coaching for self-assessment (copy)",
    );
  } finally {
    await server.stop();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}_manage" CASCADE`);
    await client.end();
  }
});
