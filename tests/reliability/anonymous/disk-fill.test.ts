import { toModelFile } from "@logic-canvas/shared";
import { afterEach, expect, it } from "vitest";
import { modelOf } from "../../fixtures/hostile/real-updates.ts";
import { createModel } from "../../support/index.ts";
import { type ServerProcess, startServerProcess } from "../../support/server-process.ts";
import { percentile, startBystanders } from "../support/harness.ts";
import { requestFrom } from "./raw-http.ts";

/**
 * Hole 2b: disk fill by anonymous callers. A `text/plain` POST (which any web page can make a
 * visitor's browser send, without a CORS preflight) is refused; creating models without a link
 * is limited per address and for everyone per hour, in models and in bytes; and a full store
 * refuses new models with a message a person understands.
 */

let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const file = (cards: number) => JSON.stringify(toModelFile(modelOf(cards)));
const errorOf = (text: string) =>
  (JSON.parse(text) as { error: { code: string; message: string } }).error;

it("refuses write bodies that are not JSON (415), so other sites cannot post for a visitor", async () => {
  server = await startServerProcess({ limits: { apiRequestsPerSecond: 10_000 } });
  const model = await createModel(server.url);
  const { url } = server;
  for (const contentType of [
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    null,
  ]) {
    const created = await requestFrom(url, "/api/models", { body: file(3), contentType });
    expect(created.status, String(contentType)).toBe(415);
    expect(errorOf(created.text).message).toMatch(/application\/json/);
  }
  const put = await requestFrom(url, `/api/models/${model.id}/content`, {
    method: "PUT",
    body: file(3),
    contentType: "text/plain",
    token: model.tokens.owner,
  });
  expect(put.status).toBe(415);
  // The same body as JSON is taken.
  expect((await requestFrom(url, "/api/models", { body: file(3) })).status).toBe(201);
});

it("limits models created per address and for everyone per hour, with a clear refusal", async () => {
  server = await startServerProcess({
    limits: {
      modelsPerAddressPerHour: 5,
      modelsPerHour: 8,
      apiRequestsPerSecond: 10_000,
    },
  });
  const { url } = server;
  const create = (localAddress: string) =>
    requestFrom(url, "/api/models", { localAddress, contentType: null });
  for (let i = 0; i < 5; i += 1) expect((await create("127.0.0.2")).status).toBe(201);
  const sixth = await create("127.0.0.2");
  expect(sixth.status).toBe(429);
  expect(errorOf(sixth.text)).toMatchObject({ code: "quota-exceeded" });
  expect(errorOf(sixth.text).message).toMatch(
    /Your address has created 5 models in the last hour.*try again in/,
  );
  // Another address still can, until the server-wide quota is spent.
  for (let i = 0; i < 3; i += 1) expect((await create("127.0.0.3")).status).toBe(201);
  const overall = await create("127.0.0.4");
  expect(overall.status).toBe(429);
  expect(errorOf(overall.text).message).toMatch(
    /This server has had 8 models created in the last hour/,
  );
});

it("limits the bytes of new models per address per hour", async () => {
  server = await startServerProcess({
    limits: {
      modelBytesPerAddressPerHour: 400_000,
      apiRequestsPerSecond: 10_000,
    },
  });
  const body = file(540); // about 100 KB
  const statuses: number[] = [];
  for (let i = 0; i < 6; i += 1) {
    statuses.push(
      (await requestFrom(server.url, "/api/models", { body, localAddress: "127.0.0.5" })).status,
    );
  }
  expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
  expect(statuses).toContain(429);
  const refused = await requestFrom(server.url, "/api/models", { body, localAddress: "127.0.0.5" });
  expect(errorOf(refused.text).message).toMatch(/MiB of new models in the last hour/);
  // Someone else is not affected.
  expect(
    (await requestFrom(server.url, "/api/models", { body, localAddress: "127.0.0.6" })).status,
  ).toBe(201);
});

it("refuses new models once the store is full (507), and still serves existing ones", async () => {
  server = await startServerProcess({
    limits: {
      maxDataBytes: 2 * 1024 * 1024,
      apiRequestsPerSecond: 10_000,
    },
  });
  const first = await createModel(server.url);
  const body = file(600); // about 110 KB
  let refusal: { status: number; text: string } | undefined;
  for (let i = 0; i < 40 && !refusal; i += 1) {
    const r = await requestFrom(server.url, "/api/models", {
      body,
      localAddress: `127.0.1.${1 + i}`,
    });
    if (r.status !== 201) refusal = r;
    else await new Promise((done) => setTimeout(done, 150));
  }
  expect(refusal?.status).toBe(507);
  expect(errorOf(refusal?.text ?? "{}").message).toMatch(/storage is full/);
  const read = await requestFrom(server.url, `/api/models/${first.id}`, {
    method: "GET",
    contentType: null,
    token: first.tokens.viewer,
  });
  expect(read.status).toBe(200);
});

it("a creation flood from one address is stopped by its quota while others' edits flow", async () => {
  const FLOOD = Number(process.env.CREATE_FLOOD ?? 150);
  server = await startServerProcess({
    limits: { modelsPerAddressPerHour: 50, apiRequestsPerSecond: 10_000 },
  });
  const bystanders = await startBystanders(server.url, 100);
  await server.stats();
  const body = file(540); // about 100 KB each
  const statuses: number[] = [];
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < FLOOD) {
      next += 1;
      const r = await requestFrom(server?.url ?? "", "/api/models", {
        body,
        localAddress: "127.0.0.9",
      });
      statuses.push(r.status);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const elapsed = performance.now() - started;
  await new Promise((r) => setTimeout(r, 2_500));
  const stats = await server.stats();
  bystanders.stop();
  const created = statuses.filter((s) => s === 201).length;
  console.log(
    `${FLOOD} creations of 100 KB from one address in ${elapsed.toFixed(0)} ms: ${created} created, ${statuses.filter((s) => s === 429).length} refused; ` +
      `server loop max ${stats.maxDelayMs.toFixed(0)} ms, rss ${stats.rssMB.toFixed(0)} MB; bystander edits ${bystanders.latencies.length}, p50 ${percentile(bystanders.latencies, 50).toFixed(1)} ms, p99 ${percentile(bystanders.latencies, 99).toFixed(1)} ms`,
  );
  expect(created).toBe(50);
  expect(statuses.filter((s) => s !== 201).every((s) => s === 429)).toBe(true);
  expect(bystanders.lost()).toBe(0);
  expect(bystanders.closes()).toEqual([]);
});
