import {
  type Author,
  castVote,
  REVIEW_LIMITS,
  reply,
  startThread,
  voteKey,
  votesMap,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { ConnectionContext } from "../src/access/context.ts";
import { reviewValidator } from "../src/gate/review-rules.ts";
import { ShadowDoc } from "../src/gate/shadow.ts";

/**
 * Issue 12, 1e: the readers' caps hold at write time. The wire test of the conversation cap is in
 * tests/reliability/gate-schema; here the vote and message caps, on the gate's own shadow (the
 * counts come from its cache, not from a scan of the document).
 */

const ana: Author = { id: "ana123", name: "Ana", role: "commenter" };
const writer: ConnectionContext = {
  role: "commenter",
  linkId: "link",
  linkExpiresAt: null,
  accountId: null,
  modelId: "model",
  docKind: "review",
  person: { id: ana.id, name: ana.name },
};

/** Runs `write` on `client` and returns what the gate says about the update it makes. */
function judge(
  live: Y.Doc,
  shadow: ShadowDoc,
  client: Y.Doc,
  write: (doc: Y.Doc) => void,
): string | null {
  const vector = Y.encodeStateVector(client);
  write(client);
  const update = Y.encodeStateAsUpdate(client, vector);
  const refusal = shadow.tryUpdate(update, reviewValidator, writer);
  if (refusal === null) Y.applyUpdate(live, update);
  return refusal;
}

/** A client holding `live` as it is now. */
function copyOf(live: Y.Doc): Y.Doc {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
  return client;
}

describe("the review gate's caps", () => {
  it("refuses the 100,001st vote but accepts changing a vote at the cap", () => {
    const live = new Y.Doc();
    const at = new Date().toISOString();
    live.transact(() => {
      for (let i = 1; i < REVIEW_LIMITS.votes; i += 1) {
        votesMap(live).set(voteKey(`t${i}`, ana.id), {
          target: `t${i}`,
          authorId: ana.id,
          authorName: ana.name,
          authorRole: ana.role,
          level: 3,
          at,
        });
      }
    });
    const shadow = new ShadowDoc(live);
    const vote = (target: string, level: number) => (doc: Y.Doc) =>
      castVote(doc, { target, level, author: ana }, "l");
    // Votes on new targets depend on nothing the clients lack: fresh documents will do, where a
    // copy of 99,999 votes would only slow the test down.
    const mine = new Y.Doc();
    expect(judge(live, shadow, mine, vote("t0", 2))).toBeNull();
    expect(judge(live, shadow, new Y.Doc(), vote("one-more", 2))).toMatch(/at most 100000 votes/);
    expect(judge(live, shadow, mine, vote("t0", 5))).toBeNull();
    expect(votesMap(live).get(voteKey("t0", ana.id))).toMatchObject({ level: 5 });
    expect(votesMap(live).has(voteKey("one-more", ana.id))).toBe(false);
  }, 120_000);

  it("refuses the 1,001st message of a conversation", () => {
    const live = new Y.Doc();
    const id = startThread(
      live,
      { anchor: { kind: "model" }, type: "idea", text: "first", author: ana },
      "l",
    );
    live.transact(() => {
      for (let i = 1; i < REVIEW_LIMITS.messagesPerThread; i += 1)
        reply(live, id, `${i}`, ana, "l");
    });
    const shadow = new ShadowDoc(live);
    expect(judge(live, shadow, copyOf(live), (doc) => reply(doc, id, "over", ana, "l"))).toMatch(
      /at most 1000 messages/,
    );
  });
});
