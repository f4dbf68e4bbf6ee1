import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { addNode, nodesMap } from "@logic-canvas/shared";
import WebSocket from "ws";
// From the files, not index.ts: flooder.ts runs this in a plain Node process, which should not
// load vitest or the server's internals.
import { connect, openProvider, synced } from "../../support/collab-client.ts";
import { createModel } from "../../support/http.ts";
import { waitFor } from "../../support/wait.ts";
import { varString } from "./wire.ts";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../../..");

/**
 * Real Hocuspocus protocol frames as the provider sends them (auth, sync step 1 and 2, updates,
 * awareness), recorded from a provider that joins `name` and makes a few edits.
 */
export async function captureFrames(
  url: string,
  name: string,
  token: string,
): Promise<Uint8Array[]> {
  const frames: Uint8Array[] = [];
  class Recording extends WebSocket {
    override send(data: unknown, ...rest: unknown[]): void {
      if (data instanceof Uint8Array || data instanceof ArrayBuffer)
        frames.push(Uint8Array.from(new Uint8Array(data as ArrayBuffer)));
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  }
  const {
    doc,
    provider,
    websocketProvider: socket,
  } = openProvider(url, name, token, { WebSocketPolyfill: Recording });
  await waitFor(() => provider.isSynced, "the capturing provider to sync");
  for (let i = 0; i < 5; i++) addNode(doc, { kind: "input", title: `captured ${i}` }, "local");
  provider.setAwarenessField("user", { name: "Fuzz seed", color: "#ff0000" });
  await waitFor(() => provider.unsyncedChanges === 0, "captured edits to be acknowledged");
  provider.destroy();
  socket.destroy();
  return frames;
}

/**
 * A legitimate pair of clients on their own model: one edits every `everyMs`, the other must see
 * each edit. Records how long each took to arrive and any close the clients saw.
 */
export async function startBystanders(url: string, everyMs = 100) {
  const model = await createModel(url);
  const writer = connect({ url }, model.id, model.tokens.editor);
  const reader = connect({ url }, model.id, model.tokens.editor);
  await synced(writer);
  await synced(reader);
  const latencies: number[] = [];
  const pending = new Map<string, number>();
  nodesMap(reader.doc).observe((event) => {
    for (const key of event.keysChanged) {
      const sent = pending.get(key);
      if (sent !== undefined) {
        latencies.push(performance.now() - sent);
        pending.delete(key);
      }
    }
  });
  let n = 0;
  const timer = setInterval(() => {
    const id = addNode(writer.doc, { kind: "activity", title: `bystander ${n++}` }, "local");
    pending.set(id, performance.now());
  }, everyMs);
  return {
    latencies,
    /** Edits sent more than `graceMs` ago that never arrived. */
    lost: (graceMs = 2_000) =>
      [...pending.values()].filter((sent) => performance.now() - sent > graceMs).length,
    closes: () => [
      ...writer.closes,
      ...reader.closes,
      ...writer.authFailures,
      ...reader.authFailures,
    ],
    stop: () => {
      clearInterval(timer);
      writer.destroy();
      reader.destroy();
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Hocuspocus's auth message (type 2, token auth) for `docName`. */
export function authFrame(docName: string, token: string): Uint8Array {
  return Uint8Array.from([...varString(docName), 2, 0, ...varString(token)]);
}

/**
 * An authenticated raw socket on `docName`: resolves once the server said "authenticated", so
 * what is sent next goes straight to the document's message handling.
 */
export async function rawAuthenticated(url: string, docName: string, token: string) {
  const ws = new WebSocket(`${url.replace("http", "ws")}/collab`);
  const closes: { code: number; reason: string }[] = [];
  ws.on("error", () => {});
  ws.on("close", (code, reason) => closes.push({ code, reason: String(reason) }));
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error("raw socket did not authenticate")), 10_000);
    ws.on("open", () => ws.send(authFrame(docName, token)));
    ws.on("message", (data: Buffer) => {
      const at = varString(docName).length;
      // Auth reply: type 2, then 2 = authenticated (0 = permission denied).
      if (data[at] === 2) {
        clearTimeout(timer);
        if (data[at + 1] === 2) done();
        else fail(new Error("permission denied"));
      }
    });
  });
  return { ws, closes };
}
