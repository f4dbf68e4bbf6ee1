import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, createModel, waitFor } from "../support/index.ts";
import { type ServerProcess, startServerProcess } from "../support/server-process.ts";
import { authFramesOf, type FuzzReport, runFrameFuzz } from "./support/frame-fuzz.ts";
import { captureFrames, startBystanders } from "./support/harness.ts";

/**
 * A few thousand fuzzed frames in the normal run (FUZZ_FRAMES to change it; the long run is
 * `npx tsx tests/reliability/support/frame-fuzz.ts --frames 1000000`). The server must not crash, its
 * event loop must never stall for a second, and a legitimate pair of clients on another model
 * must keep receiving each other's edits throughout.
 */
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 4_000);

let server: ServerProcess;
let bystanders: Awaited<ReturnType<typeof startBystanders>>;
let report: FuzzReport;
let worstDelayMs = 0;
let fuzzed: Awaited<ReturnType<typeof createModel>>;

beforeAll(async () => {
  server = await startServerProcess();
  fuzzed = await createModel(server.url);
  const seeds = await captureFrames(server.url, fuzzed.id, fuzzed.tokens.editor);
  bystanders = await startBystanders(server.url);
  await server.stats();
  const sampler = setInterval(() => {
    server.stats().then(
      (s) => {
        worstDelayMs = Math.max(worstDelayMs, s.maxDelayMs);
      },
      () => {},
    );
  }, 500);
  try {
    report = await runFrameFuzz(
      { url: server.url, seeds, docName: fuzzed.id, authFrames: authFramesOf(seeds, fuzzed.id) },
      { frames: FRAMES, seed: Number(process.env.FUZZ_SEED ?? 1) },
    );
  } finally {
    clearInterval(sampler);
  }
  worstDelayMs = Math.max(worstDelayMs, (await server.stats()).maxDelayMs);
  console.log(
    `frame fuzz: ${JSON.stringify(report)}; worst event-loop delay ${worstDelayMs.toFixed(0)} ms`,
  );
}, 300_000);

afterAll(async () => {
  bystanders?.stop();
  await server?.stop();
});

describe(`${FRAMES} fuzzed frames before and after authentication`, () => {
  it("covered every kind of frame", () => {
    expect(report.frames).toBeGreaterThanOrEqual(FRAMES);
    for (const kind of [
      "flip",
      "truncate",
      "duplicate",
      "splice",
      "insert",
      "type",
      "rename",
      "random",
      "text",
      "yjs",
    ])
      expect(report.byKind[kind] ?? 0, kind).toBeGreaterThan(0);
    expect(Object.keys(report.byKind).filter((k) => k.startsWith("ws:")).length).toBeGreaterThan(3);
  });

  it("the server is still up and its event loop never stalled for a second", async () => {
    expect(server.exit()).toBeNull();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(worstDelayMs).toBeLessThan(1_000);
  });

  it("the clients on another model kept receiving each other's edits", () => {
    expect(bystanders.latencies.length).toBeGreaterThan(5);
    expect(bystanders.lost()).toBe(0);
    expect(bystanders.closes()).toEqual([]);
  });

  it("the fuzzed model itself still loads for a fresh client, both documents", async () => {
    for (const name of [fuzzed.id, `${fuzzed.id}/review`]) {
      const client = connect(server, name, fuzzed.tokens.editor);
      try {
        await waitFor(() => client.provider.isSynced, `a fresh client to load ${name}`, 5_000);
      } finally {
        client.destroy();
      }
    }
  });
});
