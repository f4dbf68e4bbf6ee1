import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addNode } from "@logic-canvas/shared";
import { afterEach, expect, it } from "vitest";
import WebSocket from "ws";
import {
  acknowledged,
  api,
  connect,
  createModel,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
} from "../../tests/support/index.ts";

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});
async function start(options: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

it("refuses the connection over the per-model cap with its own reason, others unaffected", async () => {
  const server = await start({ limits: { maxConnectionsPerModel: 2 } });
  const model = await createModel(server.url);
  const a = connect(server, model.id, model.tokens.editor);
  const b = connect(server, model.id, model.tokens.editor);
  await synced(a);
  await synced(b);
  const c = connect(server, model.id, model.tokens.editor);
  await waitFor(() => c.authFailures.length > 0, "refusal");
  expect(c.authFailures[0]).toMatch(/^too-many-connections: /);
  addNode(a.doc, { kind: "input", title: "still editing" }, "local");
  await acknowledged(a);
  expect(a.closes).toEqual([]);
  // Another model is not affected by this one's cap.
  const other = await createModel(server.url);
  const d = connect(server, other.id, other.tokens.editor);
  await synced(d);
  for (const x of [a, b, c, d]) x.destroy();
});

it("closes a connection that floods messages with rate-limited", async () => {
  const server = await start({ limits: { messagesPerSecond: 5, messageBurst: 10 } });
  const model = await createModel(server.url);
  const flooder = connect(server, model.id, model.tokens.editor);
  const calm = connect(server, model.id, model.tokens.editor);
  await synced(flooder);
  await synced(calm);
  for (let i = 0; i < 30; i += 1)
    addNode(flooder.doc, { kind: "input", title: `flood ${i}` }, "local");
  await waitFor(() => flooder.closes.length > 0, "the flooder to be closed");
  expect(flooder.closes[0]).toMatch(/^rate-limited: /);
  addNode(calm.doc, { kind: "input", title: "calm" }, "local");
  await acknowledged(calm);
  expect(calm.closes).toEqual([]);
  flooder.destroy();
  calm.destroy();
});

it("deleting a model closes its connections with model-deleted", async () => {
  const server = await start();
  const model = await createModel(server.url);
  const graph = connect(server, model.id, model.tokens.viewer);
  const review = connect(server, `${model.id}/review`, model.tokens.commenter);
  await synced(graph);
  await synced(review);
  const del = await api(server.url, `/api/models/${model.id}`, {
    method: "DELETE",
    token: model.tokens.owner,
  });
  expect(del.status).toBe(204);
  await waitFor(() => graph.closes.length > 0 && review.closes.length > 0, "closes");
  expect(graph.closes[0]).toMatch(/^model-deleted: /);
  expect(review.closes[0]).toMatch(/^model-deleted: /);
  graph.destroy();
  review.destroy();
});

it("graceful shutdown tells clients why", async () => {
  const server = await startTestServer();
  const model = await createModel(server.url);
  const client = connect(server, model.id, model.tokens.editor);
  await synced(client);
  addNode(client.doc, { kind: "input", title: "before shutdown" }, "local");
  await acknowledged(client);
  await server.stop();
  await waitFor(
    () => client.closes.some((r) => r.startsWith("server-shutdown: ")),
    "shutdown reason",
  );
  client.destroy();
});

it("refuses a document whose stored data cannot be read, instead of serving it empty", async () => {
  const server = await start();
  const model = await createModel(server.url, { template: "coaching" });
  await server.store.appendUpdate(model.id, Uint8Array.from([1, 2, 3, 250, 250, 250, 9]));
  const before = await server.store.loadDocument(model.id);
  const client = connect(server, model.id, model.tokens.editor);
  await waitFor(() => client.authFailures.length > 0, "refusal");
  expect(client.authFailures[0]).toMatch(
    /^document-unreadable: This model.s saved data can.t be opened: /,
  );
  client.destroy();
  const after = await server.store.loadDocument(model.id);
  expect(after?.snapshot).toEqual(before?.snapshot);
  expect(after?.updates.length).toBe(before?.updates.length);
  const http = await api(server.url, `/api/models/${model.id}`, { token: model.tokens.viewer });
  expect(http.status).toBe(503);
  expect(((await http.json()) as { error: { code: string } }).error.code).toBe("storage-error");
});

it("allows WebSocket upgrades only from allowed origins", async () => {
  const server = await start();
  const tryOrigin = (origin?: string) =>
    new Promise<string>((resolve) => {
      const ws = new WebSocket(
        `${server.url.replace("http", "ws")}/collab`,
        origin ? { origin } : {},
      );
      ws.once("open", () => {
        ws.close();
        resolve("open");
      });
      ws.once("unexpected-response", (_req, res) => resolve(String(res.statusCode)));
      ws.once("error", () => resolve("error"));
    });
  expect(await tryOrigin()).toBe("open");
  expect(await tryOrigin(server.url)).toBe("open");
  expect(await tryOrigin("http://localhost:5173")).toBe("open");
  expect(await tryOrigin("https://evil.example")).toBe("403");
  const wrongPath = await new Promise<string>((resolve) => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/elsewhere`);
    ws.once("unexpected-response", (_req, res) => resolve(String(res.statusCode)));
    ws.once("error", () => resolve("error"));
  });
  expect(wrongPath).toBe("404");
});

it("serves the built client: index.html for / and /m/*, assets with their types, nothing outside", async () => {
  const dist = join(await import("node:os").then((os) => os.tmpdir()), `lc-dist-${process.pid}`);
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>app</title>");
  writeFileSync(join(dist, "assets", "app.js"), "console.log(1)");
  writeFileSync(join(dist, "assets", "app.css"), "body{}");
  const server = await start({ clientDist: dist });
  const get = (path: string) => fetch(`${server.url}${path}`);
  for (const path of ["/", "/m/abc", "/m/abc/def"]) {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    expect(await response.text()).toContain("<title>app</title>");
  }
  expect((await get("/assets/app.js")).headers.get("content-type")).toMatch(/javascript/);
  expect((await get("/assets/app.css")).headers.get("content-type")).toMatch(/text\/css/);
  for (const path of [
    "/assets/missing.js",
    "/..%2f..%2fetc%2fpasswd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/assets/%00.js",
    "/nothing",
  ]) {
    expect((await get(path)).status, path).toBe(404);
  }
  rmSync(dist, { recursive: true, force: true });
});

it("answers API floods from one address with 429", async () => {
  const server = await start({ limits: { apiRequestsPerSecond: 1 } });
  const statuses: number[] = [];
  for (let i = 0; i < 15; i += 1) statuses.push((await fetch(`${server.url}/api/health`)).status);
  expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
  expect(statuses).toContain(429);
  const limited = await fetch(`${server.url}/api/health`);
  expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate-limited");
});
