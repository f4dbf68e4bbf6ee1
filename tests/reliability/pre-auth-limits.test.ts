import { afterEach, expect, it } from "vitest";
import WebSocket from "ws";
import { connect, createModel, synced, waitFor } from "../support/index.ts";
import { useServerProcess } from "../support/server-process.ts";
import { percentile, startBystanders } from "./support/harness.ts";
import { varString } from "./support/wire.ts";

/**
 * Sockets that never authenticate (advisory GHSA-xwhh-v746-pj9m): each used to be able to hold
 * up to 5 MiB or 1,000 queued messages for a minute, with no cap on how many. Now they are capped
 * per remote address and in total, may queue only what a real client sends before its token is
 * answered, and are closed when they have not authenticated in time. The attackers connect from
 * other loopback addresses (127.0.0.2, …) than the legitimate clients (127.0.0.1).
 */

const PER_ADDRESS = 20;
const TOTAL = 100;
const AUTH_TIMEOUT_MS = 3_000;

const server = useServerProcess({
  limits: {
    maxUnauthenticatedPerAddress: PER_ADDRESS,
    maxUnauthenticated: TOTAL,
    authTimeoutMs: AUTH_TIMEOUT_MS,
  },
});
// Every socket a test opened, so that a failing test does not leave the next one short of room.
const opened: WebSocket[] = [];
afterEach(async () => {
  for (const ws of opened.splice(0)) ws.terminate();
  await new Promise((r) => setTimeout(r, 200));
});

interface Attempt {
  opened: boolean;
  refusedStatus: number | null;
  close: { code: number; reason: string; afterMs: number } | null;
  ws: WebSocket;
}

/** Opens a socket from `localAddress` that sends nothing by itself. */
function attempt(localAddress: string): Promise<Attempt> {
  const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab`, { localAddress });
  opened.push(ws);
  const result: Attempt = { opened: false, refusedStatus: null, close: null, ws };
  const started = performance.now();
  ws.on("error", () => {});
  ws.on("close", (code, reason) => {
    result.close = { code, reason: String(reason), afterMs: performance.now() - started };
  });
  return new Promise((done) => {
    ws.once("open", () => {
      result.opened = true;
      done(result);
    });
    ws.once("unexpected-response", (_request, response) => {
      result.refusedStatus = response.statusCode ?? 0;
      done(result);
    });
    ws.once("error", () => done(result));
  });
}

/** Whether `check` came to hold within `timeoutMs`. */
const waitUntil = (check: () => boolean, timeoutMs: number): Promise<boolean> =>
  waitFor(check, "the condition", timeoutMs, 20).then(
    () => true,
    () => false,
  );

it("an unauthenticated flood is capped per address, cut at the queue limit and the deadline, while a real client edits", async () => {
  const model = await createModel(server.url);
  const bystanders = await startBystanders(server.url, 100);
  const before = await server.stats();
  // 4 KiB sync frames for a real model, never authenticated: each would be queued until auth.
  const frame = Uint8Array.from([
    ...varString(model.id),
    0,
    2,
    0x80,
    0x20,
    ...new Uint8Array(4096),
  ]);
  const quiet = await Promise.all(Array.from({ length: 200 }, () => attempt("127.0.0.2")));
  const noisy = await Promise.all(Array.from({ length: 200 }, () => attempt("127.0.0.3")));
  for (const a of noisy) if (a.opened) for (let i = 0; i < 200; i++) a.ws.send(frame);

  // Meanwhile a real editor, from its own address, connects and edits.
  const editor = connect(server, model.id, model.tokens.editor);
  await synced(editor);

  const openedQuiet = quiet.filter((a) => a.opened);
  const openedNoisy = noisy.filter((a) => a.opened);
  expect(openedQuiet.length).toBe(PER_ADDRESS);
  expect(quiet.filter((a) => a.refusedStatus === 429).length).toBe(200 - PER_ADDRESS);
  expect(openedNoisy.length).toBe(PER_ADDRESS);

  // Sockets sending more than a real client does before authenticating are closed for it.
  expect(await waitUntil(() => openedNoisy.every((a) => a.close), 1_000)).toBe(true);
  // The quiet ones are closed at the deadline, with a reason.
  expect(await waitUntil(() => openedQuiet.every((a) => a.close), AUTH_TIMEOUT_MS + 2_000)).toBe(
    true,
  );
  for (const a of openedQuiet) {
    expect(a.close?.code).toBe(4401);
    expect(a.close?.reason).toMatch(/^unauthorized: /);
    expect(a.close?.afterMs).toBeGreaterThanOrEqual(AUTH_TIMEOUT_MS - 100);
  }
  const during = await server.stats();
  // Once the held sockets are gone, the address may connect again.
  const again = await attempt("127.0.0.2");
  expect(again.opened).toBe(true);
  bystanders.stop();
  editor.destroy();
  console.log(
    `unauthenticated flood: 400 sockets from two addresses (the open ones of the second send 200 x 4 KiB each); opened ${openedQuiet.length} + ${openedNoisy.length}; ` +
      `server rss ${before.rssMB.toFixed(0)} -> peak ${during.peakRssMB.toFixed(0)} MB, loop max ${during.maxDelayMs.toFixed(0)} ms, ` +
      `bystander p99 ${percentile(bystanders.latencies, 99).toFixed(0)} ms`,
  );
  expect(server.exit()).toBeNull();
  expect(bystanders.lost()).toBe(0);
  expect(bystanders.closes()).toEqual([]);
  expect(during.peakRssMB - before.rssMB).toBeLessThan(100);
});

it("the total cap holds across addresses, and a real client gets in once the held sockets time out", async () => {
  const model = await createModel(server.url);
  const addresses = Array.from({ length: 7 }, (_, i) => `127.0.0.${i + 10}`);
  const held = (
    await Promise.all(
      addresses.map((address) =>
        Promise.all(Array.from({ length: PER_ADDRESS }, () => attempt(address))),
      ),
    )
  ).flat();
  expect(held.filter((a) => a.opened).length).toBe(TOTAL);
  expect(held.filter((a) => a.refusedStatus === 429).length).toBe(
    addresses.length * PER_ADDRESS - TOTAL,
  );
  // The provider retries on its own; it is in as soon as the deadline frees the server.
  const editor = connect(server, model.id, model.tokens.editor);
  await synced(editor);
  editor.destroy();
});
