import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { type Author, encodeSessionToken } from "@logic-canvas/shared";
import WebSocket from "ws";
import * as Y from "yjs";
import { personIdOf } from "../src/access/identity.ts";
import { applyStored } from "../src/documents/persistence.ts";
import { type RunningServer, type ServerOptions, startServer } from "../src/index.ts";
import type { Store } from "../src/storage/types.ts";

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Closes the server and removes its data folder. */
  stop(): Promise<void>;
}

export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "lc-server-"));
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
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A document as the store holds it (snapshot and the updates after it); empty if not stored. */
export async function storedDoc(store: Store, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const stored = await store.loadDocument(name);
  if (stored) applyStored(doc, stored);
  return doc;
}

export interface CreatedModel {
  id: string;
  title: string;
  links: Record<"owner" | "editor" | "commenter" | "viewer", string>;
  tokens: Record<"owner" | "editor" | "commenter" | "viewer", string>;
}

export const tokenOf = (link: string): string => link.split("#token=")[1] ?? "";

export async function createModel(url: string, body?: unknown): Promise<CreatedModel> {
  const response = await fetch(`${url}/api/models`, {
    method: "POST",
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`create failed: ${response.status} ${await response.text()}`);
  const created = (await response.json()) as Omit<CreatedModel, "tokens">;
  const tokens = Object.fromEntries(
    Object.entries(created.links).map(([role, link]) => [role, tokenOf(link)]),
  ) as CreatedModel["tokens"];
  return { ...created, tokens };
}

export function api(url: string, path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
  if (init.body !== undefined && !headers.has("Content-Type"))
    headers.set("Content-Type", "application/json");
  return fetch(`${url}${path}`, { ...init, headers });
}

export interface Client {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  closes: string[];
  authFailures: string[];
  /** Every update the client received from the server. */
  received: Uint8Array[];
  destroy(): void;
}

export function connect(
  server: { url: string },
  name: string,
  token: string,
  doc = new Y.Doc(),
): Client {
  const closes: string[] = [];
  const authFailures: string[] = [];
  const received: Uint8Array[] = [];
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: `${server.url.replace("http", "ws")}/collab`,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name,
    token,
    document: doc,
    onClose: ({ event }) => {
      if (event.reason) closes.push(event.reason);
    },
    onAuthenticationFailed: ({ reason }) => {
      authFailures.push(reason);
    },
  });
  provider.attach();
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin === provider) received.push(update);
  });
  return {
    provider,
    doc,
    closes,
    authFailures,
    received,
    destroy: () => {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

export async function waitFor(
  check: () => boolean,
  what = "condition",
  timeout = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function describeClient(client: Client): string {
  return `(closes: ${client.closes.join(" | ") || "none"}; auth failures: ${client.authFailures.join(" | ") || "none"}; unsynced ${client.provider.unsyncedChanges})`;
}

export async function synced(client: Client): Promise<void> {
  await waitFor(
    () => client.provider.isSynced && client.provider.unsyncedChanges === 0,
    `sync ${describeClient(client)}`,
  );
}

/** Resolves once every local change was acknowledged by the server. */
export async function acknowledged(client: Client): Promise<void> {
  await waitFor(
    () => client.provider.unsyncedChanges === 0,
    `acknowledgement ${describeClient(client)}`,
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A person as a browser would be: a display name and the secret only it knows. */
export interface TestPerson {
  name: string;
  secret: string;
}

export function person(name: string): TestPerson {
  return { name, secret: `secret-of-${name}-${Math.random().toString(36).slice(2)}` };
}

/** The provider token naming `who`, for the link token `link`. */
export function sessionToken(link: string, who: TestPerson): string {
  return encodeSessionToken({ link, person: who.secret, name: who.name });
}

/** How `who` appears as an author with the given role. */
export function authorOf(who: TestPerson, role: Author["role"]): Author {
  return { id: personIdOf(who.secret), name: who.name, role };
}
