import { afterAll, beforeAll, expect, it } from "vitest";
import { type Cluster, cluster } from "../../scale/cluster.ts";
import type { TestServer } from "../../support/index.ts";

/**
 * With REDIS_URL, the request rate and the creation quotas are counted in Redis: an address
 * cannot get a fresh allowance by spreading its requests over the processes behind a balancer.
 */

let group: Cluster;
let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  group = cluster({ limits: { modelsPerAddressPerHour: 3, apiRequestsPerSecond: 1 } });
  a = await group.start();
  b = await group.start();
});
afterAll(async () => {
  await group?.stop();
});

const create = (server: TestServer) => fetch(`${server.url}/api/models`, { method: "POST" });

it("counts the creation quota and the request rate across processes", async () => {
  const statuses: number[] = [];
  for (const server of [a, b, a, b]) statuses.push((await create(server)).status);
  expect(statuses).toEqual([201, 201, 201, 429]);
  const refused = (await (await create(a)).json()) as { error: { code: string } };
  expect(refused.error.code).toBe("quota-exceeded");
  // 5 requests made so far; the burst is 10 requests per 10 s for the address, over both.
  const more: number[] = [];
  for (let i = 0; i < 6; i += 1) {
    more.push((await fetch(`${(i % 2 ? a : b).url}/api/health`)).status);
  }
  expect(more.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
  expect(more[5]).toBe(429);
});
