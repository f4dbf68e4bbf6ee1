import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  castVote,
  deleteMessage,
  editMessage,
  reply,
  setThreadStatus,
  startThread,
  threadsMap,
  votesMap,
} from "../../src/review/doc.ts";
import { reviewWriteViolations, snapshotReview } from "../../src/review/permissions.ts";
import { readReview } from "../../src/review/read.ts";
import { type Author, mentionsIn } from "../../src/review/schema.ts";

const ana: Author = { id: "ana123", name: "Ana", role: "commenter" };
const ben: Author = { id: "ben456", name: "Ben", role: "editor" };

/** Applies `change` to a copy of `doc` and returns what the server's check says about it. */
function violationsOf(doc: Y.Doc, person: Author, change: (copy: Y.Doc) => void): string[] {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = snapshotReview(copy);
  change(copy);
  return reviewWriteViolations(before, snapshotReview(copy), person);
}

describe("the review document", () => {
  it("keeps a thread with replies, edits, deletions and resolution", () => {
    const doc = new Y.Doc();
    const thread = startThread(
      doc,
      {
        anchor: { kind: "node", id: "M1" },
        type: "concern",
        text: "Is 80% attainable?",
        author: ana,
      },
      "t",
    );
    const answer = reply(doc, thread, "Last year we reached 62%, @Ana", ben, "t");
    editMessage(doc, thread, answer, "Last year we reached 64%, @Ana", ben, "t");
    setThreadStatus(doc, thread, "resolved", ana, "t");
    const [read] = readReview(doc).threads;
    expect(read?.messages.map((m) => m.text)).toEqual([
      "Is 80% attainable?",
      "Last year we reached 64%, @Ana",
    ]);
    expect(read?.status).toBe("resolved");
    expect(read?.resolvedBy?.name).toBe("Ana");
    deleteMessage(doc, thread, answer, ben, "t");
    expect(readReview(doc).threads[0]?.messages[1]?.deleted).toBe(true);
  });

  it("refuses to edit someone else's message in the domain API", () => {
    const doc = new Y.Doc();
    const thread = startThread(
      doc,
      { anchor: { kind: "model" }, type: "idea", text: "Add a parent survey", author: ana },
      "t",
    );
    const first = readReview(doc).threads[0]?.messages[0]?.id as string;
    expect(() => editMessage(doc, thread, first, "changed", ben, "t")).toThrow(
      /Only the person who wrote/,
    );
  });

  it("finds mentions of people who took part", () => {
    expect(mentionsIn("Thanks @ana and @Ben Ruiz!", ["Ana", "Ben Ruiz", "Benjamin"])).toEqual([
      "Ben Ruiz",
      "Ana",
    ]);
    expect(mentionsIn("email me at x@anat.org", ["Ana"])).toEqual([]);
  });
});

describe("review write rules (what the server enforces)", () => {
  function seeded(): { doc: Y.Doc; thread: string; message: string } {
    const doc = new Y.Doc();
    const thread = startThread(
      doc,
      { anchor: { kind: "node", id: "M1" }, type: "question", text: "Which test?", author: ana },
      "t",
    );
    const message = readReview(doc).threads[0]?.messages[0]?.id as string;
    return { doc, thread, message };
  }

  it("allows replies, own edits, resolving and own votes", () => {
    const { doc, thread, message } = seeded();
    expect(violationsOf(doc, ben, (d) => reply(d, thread, "The state test", ben, "t"))).toEqual([]);
    expect(
      violationsOf(doc, ana, (d) => editMessage(d, thread, message, "Which state test?", ana, "t")),
    ).toEqual([]);
    expect(violationsOf(doc, ben, (d) => setThreadStatus(d, thread, "resolved", ben, "t"))).toEqual(
      [],
    );
    expect(
      violationsOf(doc, ben, (d) => castVote(d, { target: "M1", level: 4, author: ben }, "t")),
    ).toEqual([]);
  });

  it("refuses changing or deleting another person's message", () => {
    const { doc, thread, message } = seeded();
    const edited = violationsOf(doc, ben, (d) => {
      const messages = threadsMap(d).get(thread)?.get("messages") as Y.Map<Y.Map<unknown>>;
      messages.get(message)?.set("text", "rewritten by Ben");
    });
    expect(edited.join()).toMatch(/cannot change Ana's message/);
    reply(doc, thread, "A second message keeps the thread non-empty", ana, "t");
    const removed = violationsOf(doc, ben, (d) => {
      const messages = threadsMap(d).get(thread)?.get("messages") as Y.Map<unknown>;
      messages.delete(message);
    });
    expect(removed.join()).toMatch(/cannot be removed/);
    expect(violationsOf(doc, ben, (d) => threadsMap(d).delete(thread)).join()).toMatch(
      /cannot be deleted/,
    );
  });

  it("refuses writing under another name and votes for someone else", () => {
    const { doc, thread } = seeded();
    expect(violationsOf(doc, ben, (d) => reply(d, thread, "posing", ana, "t")).join()).toMatch(
      /own name/,
    );
    expect(
      violationsOf(doc, ben, (d) =>
        castVote(d, { target: "M1", level: 0, author: ana }, "t"),
      ).join(),
    ).toMatch(/own name/);
    const theirs = violationsOf(doc, ana, (d) =>
      castVote(d, { target: "M1", level: 5, author: ana }, "t"),
    );
    expect(theirs).toEqual([]);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    castVote(other, { target: "M1", level: 5, author: ana }, "t");
    expect(violationsOf(other, ben, (d) => votesMap(d).delete(`M1:${ana.id}`)).join()).toMatch(
      /own vote/,
    );
  });
});

describe("comments and votes in the model file", () => {
  it("survive export then import", async () => {
    const { parseModelFile, toModelFile, coachingTemplate } = await import("../../src/index.ts");
    const doc = new Y.Doc();
    const thread = startThread(
      doc,
      {
        anchor: { kind: "node", id: "M1" },
        type: "celebration",
        text: "Coaches are in classrooms!",
        author: ana,
      },
      "t",
    );
    reply(doc, thread, "Thanks @Ana", ben, "t");
    castVote(doc, { target: "M1", level: 4, note: "Realistic", author: ben }, "t");
    const review = readReview(doc);
    const file = JSON.parse(JSON.stringify(toModelFile(coachingTemplate(), { review })));
    const parsed = parseModelFile(file);
    expect(parsed.ok && parsed.file.review).toEqual(review);
  });

  it("rejects a vote level out of range with its path", async () => {
    const { parseModelFile, toModelFile, coachingTemplate } = await import("../../src/index.ts");
    const file = toModelFile(coachingTemplate(), {
      review: {
        threads: [],
        votes: [{ target: "M1", level: 9, at: "2026-01-01T00:00:00Z", author: ana }],
      },
    });
    const parsed = parseModelFile(JSON.parse(JSON.stringify(file)));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]?.path).toBe("review.votes[0].level");
  });
});
