import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { connect as netConnect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerOptions } from "@logic-canvas/server";
import { startTestServer, type TestServer } from "../support/index.ts";
import { type ServerProcess, startServerProcess } from "../support/server-process.ts";

/** The Redis these tests use: the machine's own, on its standard port (`.ci/run` starts it). */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A namespace of its own per cluster, so parallel runs on one Redis never hear each other. */
export function uniquePrefix(): string {
  return `lc-test-${process.pid}-${randomBytes(6).toString("hex")}`;
}

export interface Cluster {
  dataDir: string;
  prefix: string;
  /** A server process (in this test process) of the cluster: same data folder, same Redis. */
  start(options?: ServerOptions): Promise<TestServer>;
  /** A server in a child process, to be killed with SIGKILL. */
  startChild(options?: Pick<ServerOptions, "limits" | "redisResyncMs">): Promise<ServerProcess>;
  stop(): Promise<void>;
}

export function cluster(defaults: ServerOptions = {}): Cluster {
  const dataDir = mkdtempSync(join(tmpdir(), "lc-scale-"));
  const prefix = uniquePrefix();
  const servers: TestServer[] = [];
  const children: ServerProcess[] = [];
  return {
    dataDir,
    prefix,
    async start(options = {}) {
      const server = await startTestServer({
        redisUrl: REDIS_URL,
        redisPrefix: prefix,
        ...defaults,
        ...options,
        dataDir,
      });
      servers.push(server);
      return server;
    },
    async startChild(options = {}) {
      const { limits, redisResyncMs = 1000 } = { ...defaults, ...options };
      const child = await startServerProcess({
        dataDir,
        limits,
        redis: { url: REDIS_URL, prefix, resyncMs: redisResyncMs },
      });
      children.push(child);
      return child;
    },
    async stop() {
      for (const child of children.splice(0)) child.process.kill("SIGKILL");
      for (const server of servers.splice(0)) await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One Redis command over RESP, answered as text (enough for CLIENT LIST and CLIENT KILL). */
export function redisCommand(...args: string[]): Promise<string> {
  const url = new URL(REDIS_URL);
  return new Promise((done, fail) => {
    const socket = netConnect(Number(url.port || 6379), url.hostname);
    let reply = "";
    socket.on("error", fail);
    socket.on("data", (chunk) => {
      reply += String(chunk);
      const bulk = /^\$(\d+)\r\n/.exec(reply);
      const complete = bulk
        ? Buffer.byteLength(reply) >= bulk[0].length + Number(bulk[1]) + 2
        : reply.endsWith("\r\n");
      if (complete) {
        socket.end();
        done(reply);
      }
    });
    socket.write(
      `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`,
    );
  });
}

/** Drops the Redis connections of one server process whose name ends with `:<role>`. */
export async function killRedisConnection(identifier: string, role: string): Promise<number> {
  const list = await redisCommand("CLIENT", "LIST");
  let killed = 0;
  for (const line of list.split("\n")) {
    if (!line.includes(` name=${identifier}:${role} `)) continue;
    const id = /\bid=(\d+)/.exec(line)?.[1];
    if (id) {
      await redisCommand("CLIENT", "KILL", "ID", id);
      killed += 1;
    }
  }
  return killed;
}
