import { startServer } from "@logic-canvas/server";

/**
 * One server process of a Redis cluster with the connection limits under test, to be killed.
 * Env: DATA_DIR, REDIS_URL, REDIS_PREFIX, LIMITS (JSON). Reports `{ url }` on IPC once listening.
 */
const server = await startServer({
  port: 0,
  host: "127.0.0.1",
  dataDir: process.env.DATA_DIR,
  logLevel: "silent",
  clientDist: `${process.env.DATA_DIR}/no-client`,
  redisUrl: process.env.REDIS_URL,
  redisPrefix: process.env.REDIS_PREFIX,
  redisResyncMs: 0,
  limits: process.env.LIMITS ? JSON.parse(process.env.LIMITS) : undefined,
});
process.on("message", (message) => {
  if (message === "close") void server.close().then(() => process.exit(0));
});
process.send?.({ url: server.url });
