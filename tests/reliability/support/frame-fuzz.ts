import { randomBytes as cryptoRandomBytes } from "node:crypto";
import { connect as tcpConnect } from "node:net";
import { pathToFileURL } from "node:url";
import WebSocket from "ws";
import {
  authFramesOf,
  int,
  invalidWsFrame,
  mutate,
  pick,
  prng,
  type Rand,
} from "./frame-mutations.ts";

export { authFramesOf, syncUpdateFrame } from "./frame-mutations.ts";

/**
 * A WebSocket frame fuzzer for the `/collab` endpoint. It starts from real Hocuspocus frames
 * (recorded from a provider: auth, sync, updates, awareness) and sends mutated copies (bit flips,
 * truncations, duplicates, splices, wrong message types, other document names), random bytes,
 * text frames (hocuspocus #158), bytes before authentication (#444), the hostile Yjs corpus, and
 * invalid WebSocket frames written on a raw TCP socket after the upgrade (#392, #418), both
 * before and after authenticating.
 *
 * Long run (needs a running server's URL, or starts its own):
 *   npx tsx tests/reliability/support/frame-fuzz.ts --frames 1000000 [--seed 1] [--lanes 4]
 */

export interface FuzzReport {
  frames: number;
  sessions: number;
  byKind: Record<string, number>;
  /** Close codes the server answered sessions with. */
  closeCodes: Record<string, number>;
}

export interface FuzzTarget {
  url: string;
  /** Recorded frames of a real provider on `docName` (the first auth frame carries a valid token). */
  seeds: Uint8Array[];
  docName: string;
  /** Valid auth messages (for `docName` and its review document) sent before fuzzing. */
  authFrames: Uint8Array[];
}

async function rawSession(
  url: string,
  r: Rand,
  auth: Uint8Array | null,
  count: (kind: string) => void,
) {
  const { hostname, port } = new URL(url);
  await new Promise<void>((done) => {
    const socket = tcpConnect(Number(port), hostname);
    const finish = () => {
      socket.destroy();
      done();
    };
    socket.setTimeout(3_000, finish);
    socket.on("error", finish);
    socket.on("close", finish);
    let upgraded = false;
    socket.on("data", (data) => {
      if (upgraded || !String(data).startsWith("HTTP/1.1 101")) return;
      upgraded = true;
      if (auth) {
        // A masked binary frame carrying the auth message (mask of zeros keeps the bytes).
        const header =
          auth.length < 126
            ? [0x82, 0x80 | auth.length]
            : [0x82, 0xfe, auth.length >> 8, auth.length & 0xff];
        socket.write(Buffer.from([...header, 0, 0, 0, 0, ...auth]));
      }
      const [kind, frame] = invalidWsFrame(r);
      count(kind);
      // Sometimes only half of it, then the socket closes mid-frame.
      socket.end(int(r, 4) === 0 ? frame.subarray(0, Math.max(1, frame.length >> 1)) : frame);
    });
    socket.write(
      `GET /collab HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${cryptoRandomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
}

async function wsSession(
  target: FuzzTarget,
  r: Rand,
  frames: number,
  authenticate: boolean,
  count: (kind: string) => void,
  closeCodes: Record<string, number>,
) {
  const ws = new WebSocket(`${target.url.replace("http", "ws")}/collab`);
  await new Promise<void>((done) => {
    const timer = setTimeout(() => ws.terminate(), 10_000);
    ws.on("error", () => {});
    ws.on("close", (code) => {
      clearTimeout(timer);
      closeCodes[code] = (closeCodes[code] ?? 0) + 1;
      done();
    });
    ws.on("open", async () => {
      if (authenticate) for (const frame of target.authFrames) ws.send(frame);
      for (let i = 0; i < frames && ws.readyState === WebSocket.OPEN; i++) {
        if (int(r, 20) === 0) {
          count("text");
          ws.send(pick(r, ["hello", "{}", "\u0000", "x".repeat(1000)]));
        } else {
          const [kind, frame] = mutate(r, target.seeds, target.docName);
          count(kind);
          ws.send(frame);
        }
        // Yield now and then so a close from the server stops the session.
        if (i % 8 === 7) await new Promise((w) => setImmediate(w));
        if (ws.bufferedAmount > 1 << 20) await new Promise((w) => setTimeout(w, 5));
      }
      // Let the server answer what it read, then hang up.
      setTimeout(() => ws.close(), 20);
    });
  });
}

/** Sends about `frames` frames over `lanes` concurrent sessions; resolves with what was sent. */
export async function runFrameFuzz(
  target: FuzzTarget,
  options: { frames: number; seed?: number; lanes?: number; onProgress?: (sent: number) => void },
): Promise<FuzzReport> {
  const r = prng(options.seed ?? 1);
  const byKind: Record<string, number> = {};
  const closeCodes: Record<string, number> = {};
  let sent = 0;
  let sessions = 0;
  let nextReport = 50_000;
  const count = (kind: string) => {
    sent += 1;
    const family = kind.split(":")[0] === "ws" ? kind : kind.replace(/:.*/, "");
    byKind[family] = (byKind[family] ?? 0) + 1;
    if (sent >= nextReport) {
      nextReport += 50_000;
      options.onProgress?.(sent);
    }
  };
  const lane = async () => {
    while (sent < options.frames) {
      sessions += 1;
      const mode = int(r, 10);
      const remaining = options.frames - sent;
      if (mode === 0) await rawSession(target.url, r, null, count);
      else if (mode === 1) await rawSession(target.url, r, pick(r, target.authFrames), count);
      else
        await wsSession(
          target,
          r,
          Math.min(remaining, 1 + int(r, 60)),
          mode < 5,
          count,
          closeCodes,
        );
    }
  };
  await Promise.all(Array.from({ length: options.lanes ?? 4 }, lane));
  return { frames: sent, sessions, byKind, closeCodes };
}

async function main() {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const frames = arg("frames", 100_000);
  const { captureFrames, startBystanders, percentile } = await import("./harness.ts");
  const { createModel, connect, waitFor } = await import("../../support/index.ts");
  const { startServerProcess } = await import("../../support/server-process.ts");
  const server = await startServerProcess();
  try {
    const model = await createModel(server.url);
    const seeds = await captureFrames(server.url, model.id, model.tokens.editor);
    const bystanders = await startBystanders(server.url, 200);
    await server.stats();
    const started = Date.now();
    let worstDelay = 0;
    const report = await runFrameFuzz(
      { url: server.url, seeds, docName: model.id, authFrames: authFramesOf(seeds, model.id) },
      {
        frames,
        seed: arg("seed", 1),
        lanes: arg("lanes", 4),
        onProgress: async (n) => {
          const s = await server.stats();
          worstDelay = Math.max(worstDelay, s.maxDelayMs);
          console.log(
            `${n} frames, ${Math.round((Date.now() - started) / 1000)} s, loop max ${s.maxDelayMs.toFixed(0)} ms, rss ${s.rssMB.toFixed(0)} MB, bystander edits ${bystanders.latencies.length} (p99 ${percentile(bystanders.latencies, 99).toFixed(1)} ms), lost ${bystanders.lost()}`,
          );
        },
      },
    );
    const s = await server.stats();
    worstDelay = Math.max(worstDelay, s.maxDelayMs);
    const health = await fetch(`${server.url}/api/health`);
    // Whether a fresh client can still load each document of the fuzzed model, and if not, why
    // (tried again after 35 s, past the server's 30 s hold on admitted-but-unconnected slots).
    const fuzzedModelLoads: Record<string, string> = {};
    for (const name of [model.id, `${model.id}/review`]) {
      const key = name.endsWith("/review") ? "review" : "graph";
      for (const wait of [0, 35_000]) {
        await new Promise((r) => setTimeout(r, wait));
        const client = connect(server, name, model.tokens.editor);
        const started = Date.now();
        const outcome = await waitFor(() => client.provider.isSynced, name, 20_000).then(
          () => `loaded in ${Date.now() - started} ms`,
          () => `not loaded in 20 s; auth ${JSON.stringify(client.authFailures)}`,
        );
        client.destroy();
        fuzzedModelLoads[key] = fuzzedModelLoads[key]
          ? `${fuzzedModelLoads[key]}; 35 s later: ${outcome}`
          : outcome;
        if (outcome.startsWith("loaded")) break;
      }
    }
    console.log(
      JSON.stringify(
        {
          ...report,
          seconds: Math.round((Date.now() - started) / 1000),
          serverAlive: server.exit() === null && health.status === 200,
          worstEventLoopDelayMs: Math.round(worstDelay),
          finalRssMB: Math.round(s.rssMB),
          bystanderEdits: bystanders.latencies.length,
          bystanderP99Ms: Number(percentile(bystanders.latencies, 99).toFixed(1)),
          bystanderLost: bystanders.lost(),
          bystanderCloses: bystanders.closes(),
          fuzzedModelLoads,
        },
        null,
        2,
      ),
    );
    bystanders.stop();
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
