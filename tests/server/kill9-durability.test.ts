import type { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { addNode, nodesMap } from "@logic-canvas/shared";
import { expect, it } from "vitest";
import type * as Y from "yjs";
import { openProvider } from "../support/collab-client.ts";
import { waitFor } from "../support/index.ts";
import { useRestartingServer } from "../support/server-process.ts";

/**
 * "An acknowledged edit survives kill -9": a real server process, three clients streaming edits,
 * SIGKILL right after one of them sees an acknowledgement, a restart, and a check that every
 * acknowledged edit is there. KILL_CYCLES sets the number of cycles (20 in the normal run).
 */
const CYCLES = Number(process.env.KILL_CYCLES ?? 20);
const restarting = useRestartingServer("kill9");
const startServer = () => restarting.start();

interface Writer {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
}

function open(url: string, name: string, token: string): Writer {
  const { doc, provider, websocketProvider: socket } = openProvider(url, name, token);
  return { doc, provider, socket };
}

const until = (check: () => boolean, what: string, timeout = 15_000) =>
  waitFor(check, what, timeout, 2);

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
