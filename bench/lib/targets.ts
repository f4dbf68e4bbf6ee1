import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newId } from "@logic-canvas/shared";
import type { Target } from "./clients.ts";
import { type ServerProcess, startServerProcess } from "./process.ts";

export const SERVER_KINDS = ["relay", "hocuspocus", "ours"] as const;
export type ServerKind = (typeof SERVER_KINDS)[number] | "debounced-sqlite";

export const SERVER_LABELS: Record<ServerKind, string> = {
  relay: "bare y-websocket relay (@y/websocket-server 0.1.1)",
  hocuspocus: "bare @hocuspocus/server 4.7.0, no extensions",
  ours: "Logic Canvas server (auth, durable storage, validation)",
  "debounced-sqlite":
    "bare @hocuspocus/server 4.7.0 + @hocuspocus/extension-sqlite (debounced snapshot store)",
};

export interface Launched {
  kind: ServerKind;
  server: ServerProcess;
  dataDir?: string;
  /** A fresh document every client index may join, with write access. */
  newDocument(body?: unknown): Promise<{ docName: string; target: Target }>;
  stop(): Promise<void>;
}

export async function launch(
  kind: ServerKind,
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<Launched> {
  const stores = kind === "ours" || kind === "debounced-sqlite";
  const ownsDir = stores && !options.dataDir;
  const dataDir = stores
    ? (options.dataDir ?? mkdtempSync(join(tmpdir(), "lc-bench-")))
    : undefined;
  const script = kind === "hocuspocus" ? "bare-hocuspocus" : kind;
  const server = await startServerProcess(script, {
    ...(dataDir ? { BENCH_DATA_DIR: dataDir } : {}),
    ...options.env,
  });
  const newDocument = async (body?: unknown) => {
    if (kind !== "ours") {
      const docName = `bench-${newId()}`;
      const clientKind = kind === "relay" ? "relay" : "hocuspocus";
      return { docName, target: { kind: clientKind, port: server.port, docName } as Target };
    }
    const created = await createModel(server.port, body);
    return {
      docName: created.id,
      target: { kind, port: server.port, docName: created.id, token: created.editorToken },
    };
  };
  return {
    kind,
    server,
    dataDir,
    newDocument,
    stop: async () => {
      await server.stop();
      if (ownsDir && dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a model through the public API and takes the editor link's token from its fragment. */
export async function createModel(port: number, body?: unknown) {
  const response = await fetch(`http://127.0.0.1:${port}/api/models`, {
    method: "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST /api/models: ${response.status} ${text}`);
  const json = JSON.parse(text) as { id: string; links: Record<string, string> };
  const token = tokenOf(json.links.editor ?? "");
  const ownerToken = tokenOf(json.links.owner ?? "");
  return { id: json.id, editorToken: token, ownerToken };
}

function tokenOf(link: string): string {
  const fragment = new URL(link).hash.slice(1);
  const token = new URLSearchParams(fragment).get("token");
  if (!token) throw new Error(`no #token= in link ${link}`);
  return token;
}
