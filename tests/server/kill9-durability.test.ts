import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { addNode, nodesMap } from "@logic-canvas/shared";
import { afterAll, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";

/**
 * "An acknowledged edit survives kill -9": a real server process, three clients streaming edits,
 * SIGKILL right after one of them sees an acknowledgement, a restart, and a check that every
 * acknowledged edit is there. KILL_CYCLES sets the number of cycles (20 in the normal run).
 */
const CYCLES = Number(process.env.KILL_CYCLES ?? 20);
const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = mkdtempSync(join(tmpdir(), "lc-kill9-"));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(): Promise<{
  url: string;
  modelId?: string;
  ownerToken?: string;
  process: ChildProcess;
}> {
  const proc = spawn(process.execPath, ["--import", "tsx", join(repo, "server/src/main.ts")], {
    cwd: repo,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = proc;
  let output = "";
  let errors = "";
  proc.stderr?.on("data", (d) => {
    errors += String(d);
  });
  return await new Promise((resolveStart, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start: ${output} ${errors}`)),
      30_000,
    );
    proc.once("exit", (code) => reject(new Error(`server exited (${code}): ${errors}`)));
    proc.stdout?.on("data", (d) => {
      output += String(d);
      const url = /running at (http:\/\/[^\s]+)/.exec(output)?.[1];
      const link = /\/m\/([0-9A-Za-z]{16})#token=([A-Za-z0-9_-]+)/.exec(output);
      const ready = url && (link || output.includes("Open a model"));
      if (ready) {
        clearTimeout(timer);
        resolveStart({ url, modelId: link?.[1], ownerToken: link?.[2], process: proc });
      }
    });
  });
}

interface Writer {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
}

function open(url: string, name: string, token: string): Writer {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: `${url.replace("http", "ws")}/collab`,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    token,
    document: doc,
  });
  provider.attach();
  return { doc, provider, socket };
}

async function until(check: () => boolean, what: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

function close(writer: Writer): void {
  writer.provider.destroy();
  writer.socket.destroy();
}

it(
  `every acknowledged edit survives kill -9 (${CYCLES} cycles)`,
  async () => {
    let server = await startServer();
    const token = server.ownerToken;
    expect(token).toBeTruthy();
    const modelId = server.modelId as string;
    const acknowledged: string[] = [];
    let lost = 0;

    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const writers = [0, 1, 2].map(() => open(server.url, modelId, token as string));
      await until(() => writers.every((w) => w.provider.isSynced), `sync in cycle ${cycle}`);
      const present = nodesMap(writers[0]?.doc as Y.Doc);
      const missing = acknowledged.filter((id) => !present.has(id));
      lost += missing.length;
      expect(missing, `acknowledged edits lost before cycle ${cycle}`).toEqual([]);

      // Kill right after the k-th acknowledgement of this cycle.
      const killAfter = 3 + Math.floor(Math.random() * 12);
      let acksThisCycle = 0;
      let killed = false;
      const proc = server.process;
      const exited = new Promise((r) => proc.once("exit", r));
      await Promise.all(
        writers.map(async (writer, k) => {
          for (let i = 0; !killed; i += 1) {
            const id = addNode(
              writer.doc,
              { kind: "activity", title: `cycle ${cycle} writer ${k} edit ${i}` },
              "k9",
            );
            try {
              await until(() => killed || writer.provider.unsyncedChanges === 0, "ack", 10_000);
            } catch {
              break;
            }
            if (killed || writer.provider.unsyncedChanges !== 0) break;
            acknowledged.push(id);
            acksThisCycle += 1;
            if (acksThisCycle === killAfter) {
              killed = true;
              proc.kill("SIGKILL");
            }
          }
        }),
      );
      await exited;
      for (const w of writers) close(w);
      server = await startServer();
    }

    const check = open(server.url, modelId, token as string);
    await until(() => check.provider.isSynced, "final sync");
    const present = nodesMap(check.doc);
    const missing = acknowledged.filter((id) => !present.has(id));
    close(check);
    server.process.kill("SIGTERM");
    await new Promise((r) => server.process.once("exit", r));
    console.log(
      `kill -9 durability: ${CYCLES} cycles, ${acknowledged.length} acknowledged edits, ${lost + missing.length} lost`,
    );
    expect(missing).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(CYCLES * 3);
  },
  60_000 + CYCLES * 8_000,
);
