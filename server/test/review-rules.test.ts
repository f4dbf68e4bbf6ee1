import {
  castVote,
  editMessage,
  readReview,
  reply,
  sessionInfoSchema,
  startThread,
  votesMap,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import {
  authorOf,
  type Client,
  connect,
  createModel,
  sessionToken,
  sleep,
  storedDoc,
  synced,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";
import { ana, ben, expectRefused, threadByAna } from "../../tests/support/review-thread.ts";

const server = useTestServer();

/** The review document as the store holds it. */
async function storedReview(modelId: string) {
  return storedDoc(server.store, `${modelId}/review`);
}

function sessionMessages(client: Client): unknown[] {
  const seen: unknown[] = [];
  client.provider.on("stateless", ({ payload }: { payload: string }) =>
    seen.push(JSON.parse(payload)),
  );
  return seen;
}

describe("review document rules", () => {
  it("tells each connection its role and person id once authenticated", async () => {
    const model = await createModel(server.url);
    const anaClient = connect(server, `${model.id}/review`, sessionToken(model.tokens.editor, ana));
    const messages = sessionMessages(anaClient);
    const bare = connect(server, model.id, model.tokens.viewer);
    const bareMessages = sessionMessages(bare);
    await waitFor(() => messages.length > 0 && bareMessages.length > 0, "session messages");
    expect(sessionInfoSchema.parse(messages[0])).toEqual({
      type: "session",
      role: "editor",
      person: { id: authorOf(ana, "editor").id, name: "Ana" },
    });
    expect(authorOf(ana, "editor").id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(bareMessages[0]).toEqual({ type: "session", role: "viewer", person: null });
    anaClient.destroy();
    bare.destroy();
  });

  it("stamps presence with the server-vouched person, whatever the client claims", async () => {
    const model = await createModel(server.url);
    const anaClient = connect(server, model.id, sessionToken(model.tokens.editor, ana));
    const watcher = connect(server, model.id, model.tokens.viewer);
    await Promise.all([synced(anaClient), synced(watcher)]);
    anaClient.provider.awareness?.setLocalStateField("person", { id: "someone-else", name: "Olu" });
    await waitFor(
      () =>
        watcher.provider.awareness?.getStates().get(anaClient.doc.clientID)?.person !== undefined,
      "Ana's presence",
    );
    expect(watcher.provider.awareness?.getStates().get(anaClient.doc.clientID)?.person).toEqual({
      id: authorOf(ana, "editor").id,
      name: "Ana",
    });
    anaClient.destroy();
    watcher.destroy();
  });

  it("accepts a commenter's thread, reply, own edit and own vote, stamped with name and role", async () => {
    const t = await threadByAna(server);
    reply(
      t.benClient.doc,
      t.threadId,
      "We reached 72% last year.",
      authorOf(ben, "commenter"),
      "l",
    );
    editMessage(
      t.anaClient.doc,
      t.threadId,
      t.messageId,
      "Is 80% realistic?",
      authorOf(ana, "commenter"),
      "l",
    );
    castVote(t.benClient.doc, { target: "n1", level: 4, author: authorOf(ben, "commenter") }, "l");
    await waitFor(() => {
      const review = readReview(t.watcher.doc);
      return (
        review.votes.length === 1 &&
        review.threads[0]?.messages.length === 2 &&
        review.threads[0]?.messages[0]?.text === "Is 80% realistic?"
      );
    }, "every change to arrive");
    await sleep(50);
    const stored = readReview(await storedReview(t.model.id));
    expect(stored.threads[0]?.messages.map((m) => [m.author.name, m.author.role, m.text])).toEqual([
      ["Ana", "commenter", "Is 80% realistic?"],
      ["Ben", "commenter", "We reached 72% last year."],
    ]);
    expect(stored.votes[0]).toMatchObject({ target: "n1", level: 4, author: { name: "Ben" } });
    expect([t.anaClient, t.benClient].flatMap((c) => c.closes)).toEqual([]);
    t.done();
  });

  it("refuses a commenter changing another person's message", async () => {
    const t = await threadByAna(server);
    await expectRefused(
      server,
      t.model.id,
      t.benClient,
      t.watcher,
      () => {
        const thread = t.benClient.doc.getMap("threads").get(t.threadId) as Y.Map<unknown>;
        const messages = thread.get("messages") as Y.Map<Y.Map<unknown>>;
        messages.get(t.messageId)?.set("text", "80% is easy, no concern.");
      },
      /you cannot change Ana's message/,
    );
    expect(readReview(t.anaClient.doc).threads[0]?.messages[0]?.text).toBe(
      "Is 80% realistic by June?",
    );
    t.done();
  });

  it("refuses deleting another person's message or a whole conversation", async () => {
    const t = await threadByAna(server);
    await expectRefused(
      server,
      t.model.id,
      t.benClient,
      t.watcher,
      () => t.benClient.doc.getMap("threads").delete(t.threadId),
      /conversations cannot be deleted/,
    );
    t.done();
  });

  it("refuses writing under another person's name or role", async () => {
    const t = await threadByAna(server);
    await expectRefused(
      server,
      t.model.id,
      t.benClient,
      t.watcher,
      () => reply(t.benClient.doc, t.threadId, "Signed, Ana", authorOf(ana, "commenter"), "l"),
      /a new message must be written under your own name/,
    );
    const again = await threadByAna(server);
    await expectRefused(
      server,
      again.model.id,
      again.benClient,
      again.watcher,
      () => reply(again.benClient.doc, again.threadId, "As owner", authorOf(ben, "owner"), "l"),
      /under your own name/,
    );
    t.done();
    again.done();
  });

  it("refuses a vote cast for someone else", async () => {
    const t = await threadByAna(server);
    await expectRefused(
      server,
      t.model.id,
      t.benClient,
      t.watcher,
      () =>
        castVote(
          t.benClient.doc,
          { target: "n1", level: 0, author: authorOf(ana, "commenter") },
          "l",
        ),
      /vote under your own name/,
    );
    const again = await threadByAna(server);
    await expectRefused(
      server,
      again.model.id,
      again.benClient,
      again.watcher,
      () =>
        votesMap(again.benClient.doc).set(`n1:${authorOf(ana, "commenter").id}`, {
          target: "n1",
          authorId: authorOf(ben, "commenter").id,
          authorName: "Ben",
          authorRole: "commenter",
          level: 5,
          at: new Date().toISOString(),
        }),
      /filed under the wrong key/,
    );
    t.done();
    again.done();
  });

  it("refuses writes outside the review layout", async () => {
    const t = await threadByAna(server);
    await expectRefused(
      server,
      t.model.id,
      t.benClient,
      t.watcher,
      () => t.benClient.doc.getMap("elsewhere").set("x", 1),
      /outside the review document's layout/,
    );
    t.done();
  });

  it("keeps viewers and unnamed connections read-only on the review document", async () => {
    const model = await createModel(server.url);
    const name = `${model.id}/review`;
    const viewer = connect(server, name, sessionToken(model.tokens.viewer, ana));
    const unnamed = connect(server, name, model.tokens.commenter);
    await Promise.all([synced(viewer), synced(unnamed)]);
    startThread(
      viewer.doc,
      { anchor: { kind: "model" }, type: "idea", text: "hi", author: authorOf(ana, "viewer") },
      "l",
    );
    startThread(
      unnamed.doc,
      { anchor: { kind: "model" }, type: "idea", text: "hi", author: authorOf(ben, "commenter") },
      "l",
    );
    await waitFor(() => viewer.closes.length > 0 && unnamed.closes.length > 0, "both closed");
    expect(viewer.closes[0]).toMatch(/^read-only: /);
    expect(unnamed.closes[0]).toMatch(/^read-only: .*display name/);
    expect(readReview(await storedReview(model.id)).threads).toEqual([]);
    viewer.destroy();
    unnamed.destroy();
  });
});
