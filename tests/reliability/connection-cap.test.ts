import { expect, it } from "vitest";
import WebSocket from "ws";
import { connect, createModel, waitFor } from "../support/index.ts";
import { useServerProcess } from "../support/server-process.ts";
import { authFrame } from "./support/harness.ts";

/**
 * The per-model connection cap must count connections, not attempts: a link holder who opens
 * sockets, authenticates and hangs up at once, again and again, must not lock everyone else out.
 * (Found by the frame fuzzer: after its sessions, a fresh client of the fuzzed model was refused
 * with `too-many-connections` although no socket was open any more.)
 */

const server = useServerProcess();

it("250 sockets presenting a wrong token for the model do not use up its connection cap", async () => {
  const model = await createModel(server.url);
  await Promise.all(
    Array.from({ length: 250 }, async (_, i) => {
      const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab`);
      ws.on("error", () => {});
      await new Promise((r) => {
        ws.on("open", r);
        ws.on("close", r);
      });
      ws.send(authFrame(model.id, `not-a-token-${i}`));
      await new Promise<void>((r) => {
        ws.on("message", () => r());
        ws.on("close", () => r());
        setTimeout(r, 2_000);
      });
      ws.terminate();
    }),
  );
  const editor = connect(server, model.id, model.tokens.editor);
  let failure: string | null = null;
  try {
    await waitFor(() => editor.provider.isSynced, "the editor to load the model", 5_000);
  } catch {
    failure = `not loaded; auth failures: ${JSON.stringify(editor.authFailures)}`;
  }
  editor.destroy();
  expect(failure).toBeNull();
});

it("250 authenticate-and-hang-up sockets with a viewer link do not use up the model's connection cap", async () => {
  const model = await createModel(server.url);
  for (let round = 0; round < 5; round++) {
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab`);
        ws.on("error", () => {});
        await new Promise((r) => {
          ws.on("open", r);
          ws.on("close", r);
        });
        // Authenticate, and hang up as soon as the server says yes (before the document is
        // handed over), or say something unreadable so that the server hangs up.
        ws.send(authFrame(model.id, model.tokens.viewer));
        await new Promise<void>((r) => {
          ws.on("message", () => r());
          ws.on("close", () => r());
          setTimeout(r, 2_000);
        });
        if (round % 2 === 0) ws.terminate();
        else {
          ws.send(Uint8Array.from([0xff, 0xff, 0xff]));
          await new Promise((r) => setTimeout(r, 50));
          ws.terminate();
        }
      }),
    );
  }
  await new Promise((r) => setTimeout(r, 500));
  const stats = await server.stats();
  console.log(`after 250 hang-ups: ${stats.connections} connections open on the server`);
  const editor = connect(server, model.id, model.tokens.editor);
  let failure: string | null = null;
  try {
    await waitFor(() => editor.provider.isSynced, "the editor to load the model", 5_000);
  } catch {
    failure = `not loaded; auth failures: ${JSON.stringify(editor.authFailures)}`;
  }
  editor.destroy();
  expect(failure).toBeNull();
});
