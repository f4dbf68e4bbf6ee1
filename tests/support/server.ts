import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningServer, startServer } from "@logic-canvas/server";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface TestServer {
  server: RunningServer;
  url: string;
  stop(): Promise<void>;
}

/** The real server on 127.0.0.1, port 0, a temporary DATA_DIR, serving the built client. */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "logic-canvas-e2e-"));
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    dataDir,
    clientDist: resolve(root, "client/dist"),
    logLevel: "warn",
  });
  return {
    server,
    url: server.url,
    async stop() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface CreatedModel {
  id: string;
  title: string;
  links: { owner: string; editor: string; commenter: string; viewer: string };
}

/** Creates a model through the HTTP API (no body, `{title}`, `{template}` or a model file). */
export async function createModel(baseUrl: string, body?: unknown): Promise<CreatedModel> {
  const response = await fetch(`${baseUrl}/api/models`, {
    method: "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`POST /api/models answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as CreatedModel;
}

export function tokenOf(link: string): string {
  return new URLSearchParams(new URL(link).hash.slice(1)).get("token") ?? "";
}

export async function modelInfo(
  baseUrl: string,
  id: string,
  token: string,
): Promise<{ title: string; role: string; nodeCount: number; edgeCount: number }> {
  const response = await fetch(`${baseUrl}/api/models/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as {
    title: string;
    role: string;
    nodeCount: number;
    edgeCount: number;
  };
}

export async function exportModel(
  baseUrl: string,
  id: string,
  token: string,
): Promise<{
  nodes: { id: string; title: string; kind: string; position?: { x: number; y: number } }[];
  edges: { id: string; source: string; target: string }[];
}> {
  const response = await fetch(`${baseUrl}/api/models/${id}/export`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return await response.json();
}
