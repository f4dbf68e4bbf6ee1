import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { startServer } from "@logic-canvas/server";

/**
 * The server under attack, in its own process so that a crash shows as an exit and the event
 * loop and memory it reports are its own, not the attacker's. Reports on IPC:
 * `{ url }` once listening, then `{ stats }` for each `"stats"` request (and resets the histogram).
 * Env: DATA_DIR, and optional LIMITS (JSON of server limits).
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

const server = await startServer({
  port: 0,
  host: "127.0.0.1",
  dataDir: process.env.DATA_DIR,
  logLevel: "silent",
  clientDist: `${process.env.DATA_DIR}/no-client`,
  limits: process.env.LIMITS ? JSON.parse(process.env.LIMITS) : undefined,
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
