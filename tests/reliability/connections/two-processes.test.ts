import { afterEach, expect, it } from "vitest";
import { type Cluster, cluster } from "../../scale/cluster.ts";
import { createModel } from "../../support/index.ts";
import { body, type Frame, openRaw, type RawClient } from "../support/wire.ts";

/**
 * The connection caps hold across processes (counted in Redis through rate-limiter-flexible),
 * and what a process held is given back when its connections close, or, when it is killed,
 * within one lease period.
 */

const CAP = 6;
const LEASE_MS = 2_000;
const limits = { maxConnectionsPerModel: CAP, connectionLeaseMs: LEASE_MS };
const clusters: Cluster[] = [];
const sockets: RawClient[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) await s.end();
  for (const c of clusters.splice(0)) await c.stop();
});

const outcome = (f: Frame) => f.kind === "auth-ok" || f.kind === "auth-denied";

/** `count` connections to `doc` over sockets of 4 sessions each; the answers, in order. */
async function open(url: string, doc: string, token: string, count: number): Promise<Frame[]> {
  const answers: Frame[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 4 === 0) sockets.push(await openRaw(url, "collab"));
    const raw = sockets.at(-1) as RawClient;
    const address = `${doc}\0${url.slice(-5)}-${i}`;
    raw.send(address, body.auth(token));
    answers.push(await raw.next((f) => outcome(f) && f.doc === address, `auth on ${address}`));
  }
  return answers;
}
const okCount = (answers: Frame[]) => answers.filter((f) => f.kind === "auth-ok").length;

it("the per-model cap counts connections on both processes", async () => {
  const c = cluster({ limits });
  clusters.push(c);
  const a = await c.start();
  const b = await c.start();
  const model = await createModel(a.url);
  const onA = await open(a.url, model.id, model.tokens.editor, 4);
  const onB = await open(b.url, model.id, model.tokens.editor, 4);
  console.log(`process A: ${okCount(onA)} of 4 opened, process B: ${okCount(onB)} of 4 opened`);
  expect(okCount(onA)).toBe(4);
  expect(okCount(onB)).toBe(CAP - 4);
  const refused = onB.find((f) => f.kind === "auth-denied");
  expect(refused?.kind === "auth-denied" && refused.reason).toMatch(/^too-many-connections: /);

  // Closing on one process frees the places for the other at once.
  for (const s of sockets.splice(0, 1)) await s.end();
  await new Promise((r) => setTimeout(r, 300));
  expect(okCount(await open(b.url, model.id, model.tokens.editor, 4))).toBe(4);
});

it("what a killed process held is given back within one lease period", async () => {
  const c = cluster({ limits });
  clusters.push(c);
  const a = await c.start();
  const child = await c.startChild({ redisResyncMs: 0 });
  try {
    const childUrl = child.url;
    const model = await createModel(a.url);
    expect(okCount(await open(childUrl, model.id, model.tokens.editor, CAP))).toBe(CAP);
    expect(okCount(await open(a.url, model.id, model.tokens.editor, 1))).toBe(0);
    const killed = Date.now();
    child.process.kill("SIGKILL");
    let healedAfter = -1;
    while (Date.now() - killed < 3 * LEASE_MS) {
      await new Promise((r) => setTimeout(r, 200));
      if (okCount(await open(a.url, model.id, model.tokens.editor, 1)) === 1) {
        healedAfter = Date.now() - killed;
        break;
      }
    }
    console.log(
      `killed process's connections forgotten after ${healedAfter} ms (lease ${LEASE_MS} ms)`,
    );
    expect(healedAfter).toBeGreaterThanOrEqual(0);
  } finally {
    child.process.kill("SIGKILL");
  }
});

it("the per-address cap on unauthenticated sockets counts sockets on both processes", async () => {
  const c = cluster({ limits: { ...limits, maxUnauthenticatedPerAddress: 3 } });
  clusters.push(c);
  const a = await c.start();
  const b = await c.start();
  const upgrades: (number | "open")[] = [];
  for (const url of [a.url, b.url, a.url, b.url]) {
    upgrades.push(await tryHold(url));
  }
  console.log(
    `unauthenticated sockets from one address over two processes: ${upgrades.join(", ")}`,
  );
  expect(upgrades).toEqual(["open", "open", "open", 429]);
  // Authenticating frees a place.
  const model = await createModel(a.url);
  const first = sockets[0] as RawClient;
  first.send(model.id, body.auth(model.tokens.viewer));
  await first.next((f) => f.kind === "auth-ok", "the first socket to authenticate");
  await new Promise((r) => setTimeout(r, 200));
  expect(await tryHold(b.url)).toBe("open");
});

/** Opens a socket and keeps it (unauthenticated): "open", or the status of a refused upgrade. */
async function tryHold(url: string): Promise<number | "open"> {
  try {
    sockets.push(await openRaw(url, "collab"));
    return "open";
  } catch (error) {
    return Number(/upgrade refused: (\d+)/.exec(String(error))?.[1] ?? 0);
  }
}
