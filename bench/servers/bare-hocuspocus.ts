import "./gc-on-signal.ts";
import { Server } from "@hocuspocus/server";

// A bare Hocuspocus with no extensions: what the framework itself costs.
const server = new Server({ port: 0, address: "127.0.0.1", quiet: true, stopOnSignals: false });
await server.listen();
process.stdout.write(`${JSON.stringify({ ready: true, port: server.address.port })}\n`);
process.on("SIGTERM", () => {
  void server.destroy().then(() => process.exit(0));
});
