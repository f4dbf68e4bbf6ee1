import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_UPDATES } from "../fixtures/hostile/yjs-updates.ts";
import { type Client, connect, createModel, waitFor } from "../support/index.ts";
import { type ServerProcess, startServerProcess } from "../support/server-process.ts";
import { syncUpdateFrame } from "./support/frame-fuzz.ts";
import { rawAuthenticated, startBystanders } from "./support/harness.ts";

/**
 * The known Yjs crashers (yjs #479, #498, #687 and their class), sent by an authenticated editor
 * to both documents of a model on a real server. Whatever the server does with the writer, it
 * must stay up, keep its event loop free, keep serving another model, and keep serving THIS model:
 * a fresh client must still be able to load both documents (a poisoned document cannot be
 * encoded, so it can no longer be synced or stored).
 */

let server: ServerProcess;
let bystanders: Awaited<ReturnType<typeof startBystanders>>;

beforeAll(async () => {
  server = await startServerProcess();
  bystanders = await startBystanders(server.url);
});
afterAll(async () => {
  bystanders?.stop();
  await server?.stop();
});

async function freshClientLoads(name: string, token: string): Promise<string | null> {
  const client: Client = connect(server, name, token);
  try {
    await waitFor(() => client.provider.isSynced, `a fresh client to load ${name}`, 5_000);
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    client.destroy();
  }
}

describe("hostile Yjs updates through the real server", () => {
  it("control: a fresh client loads both documents of an untouched model", async () => {
    const model = await createModel(server.url);
    expect(await freshClientLoads(model.id, model.tokens.editor)).toBeNull();
    expect(await freshClientLoads(`${model.id}/review`, model.tokens.editor)).toBeNull();
  });

  for (const entry of HOSTILE_UPDATES) {
    for (const which of ["graph", "review"] as const) {
      it(`${entry.name} (${entry.issue}) on the ${which} document`, async () => {
        const model = await createModel(server.url);
        const name = which === "graph" ? model.id : `${model.id}/review`;
        const attacker = await rawAuthenticated(server.url, name, model.tokens.editor);
        await server.stats();
        attacker.ws.send(syncUpdateFrame(name, entry.bytes));
        // The writer is closed or, at worst, ignored; give the server time to do either.
        await new Promise((r) => setTimeout(r, 400));
        attacker.ws.terminate();
        const stats = await server.stats();
        expect(server.exit(), "server process").toBeNull();
        expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
        expect(stats.maxDelayMs, "event loop delay (ms)").toBeLessThan(1_000);
        expect(
          await freshClientLoads(name, model.tokens.editor),
          "the attacked document still loads",
        ).toBeNull();
        const exported = await fetch(`${server.url}/api/models/${model.id}/export`, {
          headers: { Authorization: `Bearer ${model.tokens.owner}` },
        });
        expect(exported.status).toBe(200);
      });
    }
  }

  it("thirty 9-byte struct-count bombs (yjs #687, V1 form) from ten sockets at once: memory and loop bounded", async () => {
    const bomb = HOSTILE_UPDATES.find((e) => e.name === "struct-count-30M")?.bytes as Uint8Array;
    const model = await createModel(server.url);
    const before = await server.stats();
    for (let round = 0; round < 3; round++) {
      const attackers = await Promise.all(
        Array.from({ length: 10 }, () =>
          rawAuthenticated(server.url, model.id, model.tokens.editor),
        ),
      );
      for (const a of attackers) a.ws.send(syncUpdateFrame(model.id, bomb));
      await new Promise((r) => setTimeout(r, 300));
      for (const a of attackers) a.ws.terminate();
    }
    const after = await server.stats();
    console.log(
      `struct-count bombs: 30 x ${bomb.length} bytes; server rss ${before.rssMB.toFixed(0)} -> peak ${after.peakRssMB.toFixed(0)} MB, loop max ${after.maxDelayMs.toFixed(0)} ms`,
    );
    expect(server.exit()).toBeNull();
    expect(after.maxDelayMs).toBeLessThan(1_000);
    // 270 bytes sent in all: the server must not answer them with hundreds of megabytes.
    expect(after.peakRssMB - before.rssMB, "peak memory growth (MB)").toBeLessThan(100);
  });

  it("the bystanders' model kept working throughout", () => {
    expect(bystanders.latencies.length).toBeGreaterThan(10);
    expect(bystanders.lost()).toBe(0);
    expect(bystanders.closes()).toEqual([]);
  });
});
