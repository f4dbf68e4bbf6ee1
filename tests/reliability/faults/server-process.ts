import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The real server (`server/src/main.ts`) in a child process on a fixed loopback port, so that
 * providers reconnect to the restarted server by themselves, as browsers would.
 */
const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  /** Set on the first start only: the owner link the server prints. */
  modelId?: string;
  ownerToken?: string;
  process: ChildProcess;
  exited: Promise<void>;
  output(): string;
}

export async function startServerProcess(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const proc = spawn(process.execPath, ["--import", "tsx", join(repo, "server/src/main.ts")], {
    cwd: repo,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  proc.stderr?.on("data", (d) => {
    output = (output + String(d)).slice(-8000);
  });
  const exited = new Promise<void>((r) => proc.once("exit", () => r()));
  return await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start: ${output}`)), 30_000);
    proc.once("exit", (code) => fail(new Error(`server exited (${code}): ${output}`)));
    proc.stdout?.on("data", (d) => {
      output = (output + String(d)).slice(-8000);
      const url = /running at (http:\/\/[^\s]+)/.exec(output)?.[1];
      const link = /\/m\/([0-9A-Za-z]{16})#token=([A-Za-z0-9_-]+)/.exec(output);
      if (url && (link || output.includes("Open a model"))) {
        clearTimeout(timer);
        done({
          url,
          modelId: link?.[1],
          ownerToken: link?.[2],
          process: proc,
          exited,
          output: () => output,
        });
      }
    });
  });
}
