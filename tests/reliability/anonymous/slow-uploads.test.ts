import { expect, it } from "vitest";
import { createModel } from "../../support/index.ts";
import { useServerProcess } from "../../support/server-process.ts";
import { startBystanders } from "../support/harness.ts";
import { requestFrom, type SlowUpload, slowUpload } from "./raw-http.ts";

/**
 * Hole 2a: slow uploads. Many uploads that declare a few megabytes, send most of them and then
 * trickle a byte a second, from several addresses. The server must hold a bounded number of
 * bodies in memory, refuse the rest at once with a reason, cut the slow ones off after its
 * request timeout, and keep serving everyone else. SLOW_UPLOADS sets the count (default 60).
 */

const UPLOADS = Number(process.env.SLOW_UPLOADS ?? 60);
const ADDRESSES = 10;
const DECLARED = 4 * 1024 * 1024;
const SENT = DECLARED - 64 * 1024;
const REQUEST_TIMEOUT_MS = 4_000;

const server = useServerProcess({
  limits: {
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    maxBufferedBodyBytes: 16 * 1024 * 1024,
    apiRequestsPerSecond: 10_000,
  },
});

const waitUntil = async (done: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
};

it("bounds memory, refuses the excess, cuts slow uploads off, and keeps serving others", async () => {
  const bystanders = await startBystanders(server.url, 200);
  await createModel(server.url); // warm-up: the server compiles its routes on first use
  const before = await server.stats();
  const uploads: SlowUpload[] = [];
  for (let i = 0; i < UPLOADS; i += 1) {
    const localAddress = `127.0.0.${2 + (i % ADDRESSES)}`;
    uploads.push(
      slowUpload(server.url, "/api/models", { declared: DECLARED, sent: SENT, localAddress }),
    );
  }
  // While the uploads hang, another person creates and reads a model.
  await new Promise((r) => setTimeout(r, 1_000));
  const other = await createModel(server.url, { title: "during the attack" });
  const read = await requestFrom(server.url, `/api/models/${other.id}`, {
    method: "GET",
    contentType: null,
    token: other.tokens.viewer,
  });
  expect(read.status).toBe(200);

  await waitUntil(() => uploads.every((u) => u.ended()), REQUEST_TIMEOUT_MS + 10_000);
  const during = await server.stats();
  const growthMB = during.peakRssMB - before.rssMB;
  const statuses = uploads.map((u) => u.status() ?? "closed");
  const count = (s: number | string) => statuses.filter((x) => x === s).length;
  console.log(
    `${UPLOADS} slow uploads of ${DECLARED / 1e6} MB: rss ${before.rssMB.toFixed(0)} → peak ${during.peakRssMB.toFixed(0)} MB (+${growthMB.toFixed(0)}); ` +
      `429 ${count(429)}, 503 ${count(503)}, 408 ${count(408)}, closed ${count("closed")}; ` +
      `bystander p50/max ${median(bystanders.latencies).toFixed(1)}/${Math.max(...bystanders.latencies).toFixed(1)} ms, loop max ${during.maxDelayMs.toFixed(0)} ms`,
  );
  bystanders.stop();
  for (const u of uploads) u.destroy();

  // Every slow upload ended within the request timeout (plus slack), not Node's 300 s.
  expect(uploads.filter((u) => !u.ended()).length, "uploads still hanging").toBe(0);
  // What the server buffered stayed bounded: 60 × 4 MB would be 240 MB held (the refused bodies
  // are read and dropped, which shows as garbage not yet collected, hence the margin).
  expect(growthMB, "server memory growth (MB)").toBeLessThan(150);
  // Refusals say why, at once.
  const refused = uploads.filter((u) => u.status() === 429 || u.status() === 503);
  expect(refused.length).toBeGreaterThan(UPLOADS / 2);
  expect(refused[0]?.response()).toMatch(/uploads in progress|too many uploads/);
  // The other person's live edits all arrived.
  expect(bystanders.lost()).toBe(0);
  expect(bystanders.closes()).toEqual([]);
  expect(server.exit()).toBeNull();
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
