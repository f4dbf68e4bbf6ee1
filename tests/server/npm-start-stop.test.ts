import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect as netConnect } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { addNode, nodesMap } from "@logic-canvas/shared";
import { afterAll, expect, it } from "vitest";
import {
  acknowledged,
  type Client,
  connect,
  freePort,
  startServerProcess,
  synced,
  waitFor,
} from "../support/index.ts";

/**
 * `npm start` stops as a whole: a SIGTERM to the npm process (what a process manager or a closed
 * terminal sends) stops the server under it too, after it has saved and closed its connections.
 * Install and build are skipped (LOGIC_CANVAS_SKIP_BUILD) so the test exercises the stop path.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dataDir = mkdtempSync(join(tmpdir(), "lc-npm-start-"));
let npm: ChildProcess | undefined;
let client: Client | undefined;

afterAll(() => {
  client?.destroy();
  // A server left behind by a failing run must not outlive the test: its whole process group.
  if (npm?.pid && groupAlive(npm.pid)) process.kill(-npm.pid, "SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

/** Whether something accepts TCP connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = netConnect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => Promise<boolean>, what: string, timeout: number) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it("a SIGTERM to the npm process stops the server, which saves and closes its connections", async () => {
  const port = await freePort();
  let output = "";
  npm = spawn("npm", ["start"], {
    cwd: repoRoot,
    // Its own process group, so that afterAll can reap whatever a failing run leaves behind.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      LOGIC_CANVAS_SKIP_BUILD: "1",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    },
  });
  npm.stdout?.on("data", (d) => {
    output += String(d);
  });
  npm.stderr?.on("data", (d) => {
    output += String(d);
  });
  await waitFor(
    () => /#token=/.test(output),
    () => `the owner link in: ${output}`,
    90_000,
  );
  const [, modelId, token] = /\/m\/([0-9A-Za-z]{16})#token=([A-Za-z0-9_-]+)/.exec(output) ?? [];
  const url = `http://127.0.0.1:${port}`;

  client = connect({ url }, modelId as string, token as string);
  await synced(client);
  addNode(client.doc, { kind: "input", title: "Saved before the stop", id: "last-card" }, "t");
  await acknowledged(client);

  npm.kill("SIGTERM");
  await until(async () => !(await listening(port)), `port ${port} to be free`, 8_000);
  // Nothing of `npm start` is left running: its process group is empty.
  await until(
    async () => !groupAlive(npm?.pid as number),
    "every process of npm start to exit",
    8_000,
  );
  expect(output).toContain("Received SIGTERM; saving and closing connections");
  await waitFor(() => client?.closes.some((r) => r.startsWith("server-shutdown")) ?? false);
  client.destroy();
  client = undefined;

  // The same data folder, started again: the card is there.
  const again = await startServerProcess({ entry: "main", dataDir });
  try {
    const reader = connect(again, modelId as string, token as string);
    await synced(reader);
    expect(nodesMap(reader.doc).get("last-card")).toBeDefined();
    reader.destroy();
  } finally {
    await again.stop();
  }
}, 150_000);
