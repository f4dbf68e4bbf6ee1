import { readReview, startThread } from "@logic-canvas/shared";
import { expect } from "vitest";
import * as Y from "yjs";
import { type Client, connect, synced } from "./collab-client.ts";
import { createModel } from "./http.ts";
import { authorOf, person, sessionToken } from "./people.ts";
import { storedDoc, type TestServer } from "./server.ts";
import { sleep, waitFor } from "./wait.ts";

/**
 * A thread on a review document with people watching, and the check that a write to it was
 * refused without a trace: what the review gate's tests (server and reliability) start from.
 */

export const ana = person("Ana");
export const ben = person("Ben");

/** The stored review document's state vector, to see that nothing was stored. */
export async function storedVector(server: TestServer, modelId: string): Promise<string> {
  return Y.encodeStateVector(await storedDoc(server.store, `${modelId}/review`)).join();
}

/** Ana (commenter) has started a thread; Ben (commenter) and an owner watch the review document. */
export async function threadByAna(server: TestServer) {
  const model = await createModel(server.url);
  const name = `${model.id}/review`;
  const anaClient = connect(server, name, sessionToken(model.tokens.commenter, ana));
  const benClient = connect(server, name, sessionToken(model.tokens.commenter, ben));
  const watcher = connect(server, name, sessionToken(model.tokens.owner, person("Olu")));
  await Promise.all([synced(anaClient), synced(benClient), synced(watcher)]);
  const threadId = startThread(
    anaClient.doc,
    {
      anchor: { kind: "node", id: "n1" },
      type: "concern",
      text: "Is 80% realistic by June?",
      author: authorOf(ana, "commenter"),
    },
    "local",
  );
  await waitFor(() => readReview(benClient.doc).threads.length === 1, "Ben to see the thread");
  await waitFor(() => readReview(watcher.doc).threads.length === 1, "the owner to see it");
  const messageId = readReview(benClient.doc).threads[0]?.messages[0]?.id as string;
  const thread = (client: Client) => client.doc.getMap("threads").get(threadId) as Y.Map<unknown>;
  const messages = (client: Client) => thread(client).get("messages") as Y.Map<Y.Map<unknown>>;
  return {
    model,
    /** `write` from `client` is refused and reaches neither the store nor the watcher. */
    refused: (client: Client, write: () => void, reason: RegExp) =>
      expectRefused(server, model.id, client, watcher, write, reason),
    threadId,
    messageId,
    anaClient,
    benClient,
    watcher,
    thread,
    messages,
    message: (client: Client) => messages(client).get(messageId) as Y.Map<unknown>,
    done: () => {
      for (const c of [anaClient, benClient, watcher]) c.destroy();
    },
  };
}

/** Runs a write from `client` and checks it was refused: writer closed, nothing stored or sent. */
export async function expectRefused(
  server: TestServer,
  modelId: string,
  client: Client,
  watcher: Client,
  write: () => void,
  reason: RegExp,
): Promise<void> {
  const before = await storedVector(server, modelId);
  const received = watcher.received.length;
  write();
  await waitFor(() => client.closes.length > 0, "the writer to be closed");
  expect(client.closes[0]).toMatch(/^invalid-write: The server refused a change: /);
  expect(client.closes[0]).toMatch(reason);
  await sleep(100);
  expect(watcher.received.length).toBe(received);
  expect(await storedVector(server, modelId)).toBe(before);
}
