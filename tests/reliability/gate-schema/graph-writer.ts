import { edgesMap, nodesMap } from "@logic-canvas/shared";
import * as Y from "yjs";
import {
  acknowledged,
  type Client,
  connect,
  createModel,
  synced,
  waitFor,
} from "../../support/index.ts";
import type { ServerProcess } from "../../support/server-process.ts";

/**
 * A writer that changes the graph document through a real provider connection, the way a buggy
 * or hostile client could (raw Yjs writes, no shared mutation helpers), and reports whether the
 * server refused the change (the close reason) or acknowledged it.
 */

export const ANY_FILE = {
  format: "logic-model",
  version: 1,
  title: "Gate schema",
  masteryGoal: "Students read fluently.",
  nodes: [
    { id: "in", kind: "input", title: "Coaches" },
    { id: "act", kind: "activity", title: "Weekly coaching", stage: "seed" },
    { id: "win", kind: "smallWin", title: "Coaches observe" },
    { id: "mid", kind: "midJourney", title: "Halfway" },
    { id: "solo", kind: "activity", title: "Not linked yet", stage: "seed" },
  ],
  edges: [
    { id: "e1", source: "in", target: "act" },
    { id: "e2", source: "act", target: "win" },
  ],
};

export async function model(server: ServerProcess) {
  return createModel(server.url, ANY_FILE);
}

export const node = (doc: Y.Doc, id: string) => nodesMap(doc).get(id) as Y.Map<unknown>;
export const edge = (doc: Y.Doc, id: string) => edgesMap(doc).get(id) as Y.Map<unknown>;
export const smart = (doc: Y.Doc, id: string) => node(doc, id).get("smart") as Y.Map<unknown>;
export const measurements = (doc: Y.Doc, id: string) =>
  node(doc, id).get("measurements") as Y.Array<unknown>;

/** A fresh card map with the fields a client writes, plus `extra`. */
export function rawCard(doc: Y.Doc, id: string, fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  nodesMap(doc).set(id, map);
  for (const [key, value] of Object.entries({ id, ...fields })) map.set(key, value);
  return map;
}

export const MB3 = "x".repeat(3 * 1024 * 1024);

/**
 * Connects an editor, runs `change` in one transaction, and resolves to the server's refusal
 * ("invalid-write: …") or null once the change was acknowledged. `gc: false` keeps deleted
 * content in the update, as a hand-written client can.
 */
export async function attempt(
  server: ServerProcess,
  target: { id: string; tokens: { editor: string } },
  change: (doc: Y.Doc) => void,
  options: { gc?: boolean } = {},
): Promise<string | null> {
  const client: Client = connect(
    server,
    target.id,
    target.tokens.editor,
    new Y.Doc({ gc: options.gc ?? true }),
  );
  try {
    await synced(client);
    client.doc.transact(() => change(client.doc));
    await waitFor(
      () => client.closes.length > 0 || client.provider.unsyncedChanges === 0,
      "the change to be refused or acknowledged",
      30_000,
    );
    if (client.closes.length === 0) await acknowledged(client);
    return client.closes[0] ?? null;
  } finally {
    client.destroy();
  }
}

/** The size of the document a new viewer downloads. */
export async function downloadedBytes(server: ServerProcess, modelId: string, token: string) {
  const reader = connect(server, modelId, token);
  try {
    await synced(reader);
    return Y.encodeStateAsUpdate(reader.doc).length;
  } finally {
    reader.destroy();
  }
}
