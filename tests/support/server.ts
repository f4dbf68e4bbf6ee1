import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningServer, type ServerOptions, startServer } from "@logic-canvas/server";
import * as Y from "yjs";
import { forTheFile } from "./lifecycle.ts";
import { applyStored, type Store } from "./server-internals.ts";

/** Options for a server that serves the built client (`client/dist`), as the browser tests need. */
export const WITH_BUILT_CLIENT: ServerOptions = {
  clientDist: resolve(dirname(fileURLToPath(import.meta.url)), "../../client/dist"),
  logLevel: "warn",
};

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Closes the server and removes its data folder (unless the caller gave the folder). */
  stop(): Promise<void>;
}

/**
 * The real server in this process on 127.0.0.1, port 0, silent, with a temporary data folder
 * unless `options.dataDir` names one. It serves no client unless `options.clientDist` says where.
 */
export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  // The data folder sits alone inside a private temporary folder, so that a test can check that
  // nothing was written beside it (a hostile id such as "../x") without seeing other processes'
  // files in the shared temporary folder.
  const home = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), "lc-server-"));
  const dataDir = options.dataDir ?? join(home as string, "data");
  mkdirSync(dataDir, { recursive: true });
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    logLevel: "silent",
    clientDist: join(dataDir, "no-client"),
    ...options,
    dataDir,
  });
  return {
    ...server,
    dataDir,
    stop: async () => {
      await server.close();
      if (home) rmSync(home, { recursive: true, force: true });
    },
  };
}

/** One server for the whole test file (see `forTheFile`). */
export const useTestServer = (options: ServerOptions = {}): TestServer =>
  forTheFile(
    "useTestServer's server",
    () => startTestServer(options),
    (server) => server.stop(),
  );

/** A document as the store holds it (snapshot and the updates after it); empty if not stored. */
export async function storedDoc(store: Store, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const stored = await store.loadDocument(name);
  if (stored) applyStored(doc, stored);
  return doc;
}
