import { readReview, reply, startThread, threadsMap, votesMap } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  acknowledged,
  api,
  authorOf,
  connect,
  createModel,
  sessionToken,
  synced,
  waitFor,
} from "../../support/index.ts";
import { ana, ben, useReviewServer } from "./review-support.ts";

/**
 * Issue 12, 1e: a review document stored before the gate enforced the readers' caps and field
 * table (or by an older server) must still be exported, versioned, restored and written: readers
 * skip what they cannot show instead of throwing.
 */

const server = useReviewServer();

/** 20,001 conversations plus entries no reader accepts, as one stored update. */
function poisonedReview(): Uint8Array {
  const doc = new Y.Doc();
  const author = authorOf(ana, "commenter");
  doc.transact(() => {
    for (let i = 0; i <= 20_000; i += 1)
      startThread(doc, { anchor: { kind: "model" }, type: "idea", text: `idea ${i}`, author }, "l");
    const first = [...threadsMap(doc).values()][0] as Y.Map<unknown>;
    (first.get("messages") as Y.Map<unknown>).set("garbage", "not a message");
    threadsMap(doc).set("string-thread", "hello" as never);
    votesMap(doc).set("odd", [1, 2, 3]);
  });
  return Y.encodeStateAsUpdate(doc);
}

describe("a stored review document past the caps or with unreadable entries", () => {
  it("is still exported, versioned, restored and replied to", async () => {
    const model = await createModel(server.url);
    await server.store.appendUpdate(`${model.id}/review`, poisonedReview());
    const owner = { token: model.tokens.owner };

    const exported = await api(server.url, `/api/models/${model.id}/export`, owner);
    expect(exported.status).toBe(200);
    const file = (await exported.json()) as { review: { threads: unknown[] } };
    expect(file.review.threads).toHaveLength(20_000);

    const saved = await api(server.url, `/api/models/${model.id}/versions`, {
      ...owner,
      method: "POST",
      body: JSON.stringify({ label: "before restore" }),
    });
    expect(saved.status).toBe(201);
    const version = (await saved.json()) as { id: string };
    const restored = await api(
      server.url,
      `/api/models/${model.id}/versions/${version.id}/restore`,
      { ...owner, method: "POST" },
    );
    expect(restored.status).toBe(200);

    const writer = connect(server, `${model.id}/review`, sessionToken(model.tokens.commenter, ben));
    await synced(writer);
    const thread = readReview(writer.doc).threads[0];
    expect(thread).toBeDefined();
    reply(writer.doc, thread?.id as string, "Still here", authorOf(ben, "commenter"), "l");
    await acknowledged(writer);
    await waitFor(() => writer.provider.unsyncedChanges === 0, "the reply to be stored");
    expect(writer.closes).toEqual([]);
    writer.destroy();
  });
});
