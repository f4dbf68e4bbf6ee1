import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { REVIEW_LIMITS } from "../../src/limits.ts";
import {
  castVote,
  reply,
  startThread,
  threadsMap,
  voteKey,
  votesMap,
} from "../../src/review/doc.ts";
import { reviewWriteViolations, snapshotReview } from "../../src/review/permissions.ts";
import { readReview, readReviewReport, readThreadEntry } from "../../src/review/read.ts";
import type { Author } from "../../src/review/schema.ts";

const ana: Author = { id: "ana123", name: "Ana", role: "commenter" };
const ben: Author = { id: "ben456", name: "Ben", role: "editor" };

/** A review document as a hostile or old server could have stored it, bypassing the gate. */
function poisoned(): { doc: Y.Doc; good: string } {
  const doc = new Y.Doc();
  const good = startThread(
    doc,
    { anchor: { kind: "model" }, type: "idea", text: "Readable", author: ana },
    "t",
  );
  reply(doc, good, "Also readable", ben, "t");
  const messages = threadsMap(doc).get(good)?.get("messages") as Y.Map<unknown>;
  messages.set("not-a-map", "just a string");
  const rich = new Y.Map<unknown>();
  messages.set("rich", rich);
  rich.set("text", new Y.XmlFragment());
  threadsMap(doc).set("string-thread", "hello" as never);
  const extra = startThread(
    doc,
    { anchor: { kind: "node", id: "n1" }, type: "concern", text: "Extra key", author: ana },
    "t",
  );
  threadsMap(doc).get(extra)?.set("pinned", true);
  castVote(doc, { target: "n1", level: 4, author: ben }, "t");
  votesMap(doc).set(voteKey("n2", ana.id), {
    target: "n2",
    authorId: ana.id,
    authorName: "Ana",
    authorRole: "commenter",
    level: 2,
    at: new Date().toISOString(),
    padding: "x".repeat(1000),
  });
  votesMap(doc).set("odd", [1, 2, 3]);
  return { doc, good };
}

describe("reading a stored review document never throws", () => {
  it("skips and reports entries the field table does not accept", () => {
    const { doc, good } = poisoned();
    const { review, skipped } = readReviewReport(doc);
    expect(review.threads.map((t) => t.id)).toEqual([good]);
    expect(review.threads[0]?.messages.map((m) => m.text)).toEqual(["Readable", "Also readable"]);
    expect(review.votes.map((v) => v.author.name)).toEqual(["Ben"]);
    expect(skipped.join("\n")).toMatch(/message not-a-map is not a Y.Map/);
    expect(skipped.join("\n")).toMatch(/message rich text must be a plain value/);
    expect(skipped.join("\n")).toMatch(/has a field "pinned"/);
    expect(skipped.join("\n")).toMatch(/has a field "padding"/);
    expect(skipped).toHaveLength(6);
  });

  it("keeps the oldest entries up to each cap and reports the rest", () => {
    const doc = new Y.Doc();
    const at = "2026-01-01T00:00:00.000Z";
    doc.transact(() => {
      for (let i = 0; i <= REVIEW_LIMITS.votes; i += 1) {
        votesMap(doc).set(voteKey(`t${i}`, ana.id), {
          target: `t${i}`,
          authorId: ana.id,
          authorName: "Ana",
          authorRole: "commenter",
          level: 3,
          at,
        });
      }
      for (let i = 0; i <= REVIEW_LIMITS.threads; i += 1)
        startThread(
          doc,
          { anchor: { kind: "model" }, type: "idea", text: `${i}`, author: ana },
          "t",
        );
    });
    const { review, skipped } = readReviewReport(doc);
    expect(review.threads).toHaveLength(REVIEW_LIMITS.threads);
    expect(review.votes).toHaveLength(REVIEW_LIMITS.votes);
    expect(skipped).toEqual(["1 conversations past the cap", "1 votes past the cap"]);
  }, 120_000);

  it("shows at most the cap of messages per conversation", () => {
    const doc = new Y.Doc();
    const id = startThread(
      doc,
      { anchor: { kind: "model" }, type: "idea", text: "first", author: ana },
      "t",
    );
    doc.transact(() => {
      for (let i = 0; i < REVIEW_LIMITS.messagesPerThread; i += 1) reply(doc, id, `${i}`, ben, "t");
    });
    expect(readReview(doc).threads[0]?.messages).toHaveLength(REVIEW_LIMITS.messagesPerThread);
  });
});

describe("the write rules count entries against the caps", () => {
  it("refuses a vote or conversation past the cap, not a change below it", () => {
    const doc = new Y.Doc();
    const before = snapshotReview(doc);
    castVote(doc, { target: "n1", level: 3, author: ana }, "t");
    const after = snapshotReview(doc);
    const full = REVIEW_LIMITS.votes;
    const totals = (votes: [number, number]) => ({ threads: [0, 0] as [number, number], votes });
    expect(reviewWriteViolations(before, after, ana, totals([full, full + 1]))).toEqual([
      `a model holds at most ${full} votes`,
    ]);
    expect(reviewWriteViolations(before, after, ana, totals([full - 1, full]))).toEqual([]);
  });
});

describe("reading a conversation again after a change", () => {
  it("reads only the messages written and ends where a full read does", () => {
    const doc = new Y.Doc();
    const id = startThread(
      doc,
      { anchor: { kind: "model" }, type: "idea", text: "first", author: ana },
      "t",
    );
    for (let i = 0; i < 50; i += 1) reply(doc, id, `reply ${i}`, ben, "t");
    const map = threadsMap(doc).get(id) as Y.Map<unknown>;
    const before = readThreadEntry(id, map);
    const added = reply(doc, id, "one more", ben, "t");
    const messages = map.get("messages") as Y.Map<Y.Map<unknown>>;
    const [edited] = [...messages.keys()];
    messages.get(edited as string)?.set("text", "first, edited");
    const touched = new Set([added, edited as string]);
    const incremental = readThreadEntry(id, map, before, touched);
    expect(incremental).toEqual(readThreadEntry(id, map));
    const untouched = [...messages.keys()].find((k) => !touched.has(k)) as string;
    expect(incremental.messages.get(untouched)).toBe(before.messages.get(untouched));
  });
});
