import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { startServer } from "@logic-canvas/server";

/**
 * The server in a child process started by `startServerProcess` (server-process.ts), so that a
 * test can kill it, see a crash as an exit, and read the event loop and memory of the server
 * alone. Reports on IPC: `{ url }` once listening, then `{ stats }` for each `"stats"` request
 * (and resets the histogram); `"close"` closes it and exits.
 * Env: DATA_DIR, PORT, LIMITS (JSON of server limits), REDIS_URL, REDIS_PREFIX, REDIS_RESYNC_MS.
 */
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
let peakRss = process.memoryUsage().rss;
// Long garbage-collection pauses, to tell a blocked loop caused by the heap from one caused by code.
let gcMaxMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMaxMs = Math.max(gcMaxMs, entry.duration);
}).observe({ entryTypes: ["gc"] });
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50).unref();

const env = process.env;
const server = await startServer({
  port: Number(env.PORT ?? 0),
  host: "127.0.0.1",
  dataDir: env.DATA_DIR,
  logLevel: "silent",
  clientDist: `${env.DATA_DIR}/no-client`,
  limits: env.LIMITS ? JSON.parse(env.LIMITS) : undefined,
  ...(env.REDIS_URL
    ? {
        redisUrl: env.REDIS_URL,
        redisPrefix: env.REDIS_PREFIX,
        redisResyncMs: Number(env.REDIS_RESYNC_MS ?? 1000),
      }
    : {}),
});

process.on("message", (message) => {
  if (message === "stats") {
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    process.send?.({
      stats: {
        maxDelayMs: delay.max / 1e6,
        p99DelayMs: delay.percentile(99) / 1e6,
        rssMB: memory.rss / 1e6,
        heapUsedMB: memory.heapUsed / 1e6,
        peakRssMB: peakRss / 1e6,
        gcMaxMs,
        documents: server.hocuspocus.getDocumentsCount(),
        connections: server.hocuspocus.getConnectionsCount(),
      },
    });
    delay.reset();
    gcMaxMs = 0;
    peakRss = memory.rss;
  } else if (message === "close") {
    void server.close().then(() => process.exit(0));
  }
});
process.send?.({ url: server.url });
