import { startServer } from "@logic-canvas/server";

/**
 * One server process of a Redis cluster, for tests that kill it. Env: DATA_DIR, REDIS_URL,
 * REDIS_PREFIX, REDIS_RESYNC_MS. Reports `{ url }` on IPC once listening.
 */
const server = await startServer({
  port: 0,
  host: "127.0.0.1",
  dataDir: process.env.DATA_DIR,
  logLevel: "silent",
  clientDist: `${process.env.DATA_DIR}/no-client`,
  redisUrl: process.env.REDIS_URL,
  redisPrefix: process.env.REDIS_PREFIX,
  redisResyncMs: Number(process.env.REDIS_RESYNC_MS ?? 1000),
});
process.on("message", (message) => {
  if (message === "close") void server.close().then(() => process.exit(0));
});
process.send?.({ url: server.url });
