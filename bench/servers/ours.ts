import "./gc-on-signal.ts";
import { optionsFromEnv, startServer } from "@logic-canvas/server";

// Logic Canvas's own server exactly as `npm start` builds it (auth, per-edit durable storage,
// write validation, limits), on a temporary data folder. Limits come from the usual variables,
// so a benchmark that needs more than the per-connection rate limit says so in its env.
// The benchmarks seed models of up to 5,000 cards through the API, past the 2,000-card cap the
// server puts on files sent by anyone; the cap is a setting, raised here unless the run sets it.
process.env.MAX_CARDS_ON_IMPORT ??= "20000";
const server = await startServer({
  ...optionsFromEnv(),
  port: 0,
  host: "127.0.0.1",
  dataDir: process.env.BENCH_DATA_DIR,
  logLevel: (process.env.LOG_LEVEL as "warn" | undefined) ?? "warn",
});
process.stdout.write(`${JSON.stringify({ ready: true, port: server.port })}\n`);
const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
