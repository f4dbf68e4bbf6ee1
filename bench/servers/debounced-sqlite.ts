import "./gc-on-signal.ts";
import { join } from "node:path";
import { SQLite } from "@hocuspocus/extension-sqlite";
import { Server } from "@hocuspocus/server";

// Hocuspocus's default durability: the SQLite extension writes a whole snapshot from
// onStoreDocument, which Hocuspocus debounces (2 s, at most 10 s), to a file on disk. An
// acknowledged edit may still be only in memory when the process dies.
const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir) throw new Error("BENCH_DATA_DIR must name a temporary folder");
const server = new Server({
  port: 0,
  address: "127.0.0.1",
  quiet: true,
  stopOnSignals: false,
  extensions: [new SQLite({ database: join(dataDir, "debounced.sqlite") })],
});
await server.listen();
process.stdout.write(`${JSON.stringify({ ready: true, port: server.address.port })}\n`);
process.on("SIGTERM", () => {
  void server.destroy().then(() => process.exit(0));
});
