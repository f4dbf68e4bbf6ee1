import {
  castVote,
  deleteMessage,
  readReview,
  startThread,
  voteKey,
  votesMap,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  acknowledged,
  api,
  authorOf,
  connect,
  createModel,
  sessionToken,
  sleep,
  synced,
  waitFor,
} from "../../support/index.ts";
import { ana, ben, copyOf, threadByAna, useReviewServer } from "./review-support.ts";

/**
 * Issue 12, 1b and 1e: the review gate judges writes with the readers' own field table, Yjs
 * structure included. Writes that read the same as an allowed write but differ in structure, or
 * carry fields the readers ignore, are refused; so is anything past the readers' caps.
 */

const server = useReviewServer();

describe("the review gate judges Yjs structure, not only what reads back", () => {
  it("refuses a copy of another person's messages map, so their concurrent delete survives", async () => {
    const t = await threadByAna(server);
    // Both in the same tick: Ben's copy is made before he can see Ana's delete-mark.
    deleteMessage(t.anaClient.doc, t.threadId, t.messageId, authorOf(ana, "commenter"), "l");
    t.thread(t.benClient).set("messages", copyOf(t.messages(t.benClient) as Y.Map<unknown>));
    await waitFor(() => t.benClient.closes.length > 0, "Ben's copy to be refused");
    expect(t.benClient.closes[0]).toMatch(/messages cannot be replaced/);
    await acknowledged(t.anaClient);
    await waitFor(
      () => readReview(t.watcher.doc).threads[0]?.messages[0]?.deleted === true,
      "the owner to see Ana's delete-mark",
    );
    t.done();
  });

  it("refuses an identical copy of another person's message", async () => {
    const t = await threadByAna(server);
    await t.refused(
      t.benClient,
      () => t.messages(t.benClient).set(t.messageId, copyOf(t.message(t.benClient)) as never),
      /cannot change Ana's message/,
    );
    t.done();
  });

  it("refuses a copy of one's own thread (it would drop others' concurrent replies)", async () => {
    const t = await threadByAna(server);
    await t.refused(
      t.anaClient,
      () => t.anaClient.doc.getMap("threads").set(t.threadId, copyOf(t.thread(t.anaClient))),
      /conversation cannot be replaced/,
    );
    t.done();
  });

  it("refuses unknown keys in another person's thread and message", async () => {
    const t = await threadByAna(server);
    await t.refused(
      t.benClient,
      () => t.thread(t.benClient).set("pinnedBy", "Ben"),
      /has a field "pinnedBy"/,
    );
    const again = await threadByAna(server);
    await again.refused(
      again.benClient,
      () => again.message(again.benClient).set("x", 1),
      /has a field "x"/,
    );
    t.done();
    again.done();
  });

  it("refuses an XmlFragment in another person's message and a Y.Text as one's own text", async () => {
    const t = await threadByAna(server);
    await t.refused(
      t.benClient,
      () => {
        const fragment = new Y.XmlFragment();
        t.message(t.benClient).set("rich", fragment);
        fragment.insert(0, [new Y.XmlText("hidden")]);
      },
      /field "rich"/,
    );
    const again = await threadByAna(server);
    await again.refused(
      again.anaClient,
      () => again.message(again.anaClient).set("text", new Y.Text("rich text")),
      /text must be a plain value/,
    );
    t.done();
    again.done();
  });

  it("refuses a 1 MB extra field in one's own vote", async () => {
    const t = await threadByAna(server);
    const me = authorOf(ben, "commenter");
    castVote(t.benClient.doc, { target: "n1", level: 3, author: me }, "l");
    await acknowledged(t.benClient);
    await t.refused(
      t.benClient,
      () => {
        const key = voteKey("n1", me.id);
        const vote = votesMap(t.benClient.doc).get(key) as Record<string, unknown>;
        votesMap(t.benClient.doc).set(key, { ...vote, level: 4, padding: "x".repeat(1 << 20) });
      },
      /has a field "padding"/,
    );
    t.done();
  });
});

describe("the readers' caps hold at write time", () => {
  it("refuses the 20,001st conversation, so export and versions keep working", async () => {
    const model = await createModel(server.url);
    const writer = connect(server, `${model.id}/review`, sessionToken(model.tokens.commenter, ana));
    await synced(writer);
    const author = authorOf(ana, "commenter");
    const anchor = { kind: "model" as const };
    // Five frames of 4,000 conversations reach the cap; the sixth frame carries one more.
    for (let frame = 0; frame < 5; frame += 1) {
      writer.doc.transact(() => {
        for (let i = 0; i < 4_000; i += 1)
          startThread(writer.doc, { anchor, type: "idea", text: `idea ${i}`, author }, "l");
      });
      await acknowledged(writer);
    }
    expect(writer.closes).toEqual([]);
    startThread(writer.doc, { anchor, type: "idea", text: "one more", author }, "l");
    await waitFor(() => writer.closes.length > 0, "the 20,001st conversation to be refused");
    expect(writer.closes[0]).toMatch(/at most 20000 conversations/);
    writer.destroy();
    await sleep(100);

    const exported = await api(server.url, `/api/models/${model.id}/export`, {
      token: model.tokens.owner,
    });
    expect(exported.status).toBe(200);
    const file = (await exported.json()) as { review: { threads: unknown[] } };
    expect(file.review.threads).toHaveLength(20_000);
    const saved = await api(server.url, `/api/models/${model.id}/versions`, {
      method: "POST",
      token: model.tokens.owner,
      body: JSON.stringify({ label: "after the flood" }),
    });
    expect(saved.status).toBe(201);
  });
});
