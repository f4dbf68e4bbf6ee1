import { type Author, addNode, laneX, updateNode, updateSmart } from "@logic-canvas/shared";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { ReviewBinding } from "../src/collab/review-binding.ts";
import { type GoalRevision, RevisionWatch } from "../src/collab/review-revisions.ts";

const maria: Author = { id: "maria-id", name: "Maria", role: "editor" };
const chris: Author = { id: "chris-id", name: "Chris", role: "commenter" };

/** Two browsers on one review document, kept in sync like the server would. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on(
    "update",
    (u: Uint8Array, origin: unknown) => origin !== "sync" && Y.applyUpdate(b, u, "sync"),
  );
  b.on(
    "update",
    (u: Uint8Array, origin: unknown) => origin !== "sync" && Y.applyUpdate(a, u, "sync"),
  );
  const mine = new ReviewBinding(a, "m1");
  const theirs = new ReviewBinding(b, "m1");
  mine.setMe(maria);
  theirs.setMe(chris);
  return { mine, theirs };
}

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe("ReviewBinding", () => {
  it("counts others' new messages as unread until the thread is read, and remembers that", () => {
    const { mine, theirs } = pair();
    const id = theirs.startThread({ kind: "node", id: "n1" }, "concern", "Is this measurable?");
    expect(theirs.getSnapshot().threads[0]?.unread).toBe(0);
    expect(mine.getSnapshot().threads[0]?.unread).toBe(1);

    vi.useFakeTimers({ toFake: ["Date"] });
    mine.markRead(id);
    expect(mine.getSnapshot().threads[0]?.unread).toBe(0);
    // A new binding in the same browser (a reload) still knows it was read.
    const again = new ReviewBinding(mine.doc, "m1");
    again.setMe(maria);
    expect(again.getSnapshot().threads[0]?.unread).toBe(0);

    vi.setSystemTime(Date.now() + 1000);
    theirs.reply(id, "Second thought");
    vi.useRealTimers();
    expect(again.getSnapshot().threads[0]?.unread).toBe(1);
  });

  it("knows which threads mention this person and who has taken part", () => {
    const { mine, theirs } = pair();
    theirs.startThread({ kind: "model" }, "question", "@Maria can you check the targets?");
    theirs.startThread({ kind: "model" }, "idea", "No mention here");
    const threads = mine.getSnapshot().threads;
    expect(threads.filter((t) => t.mentionsMe).map((t) => t.messages[0]?.text)).toEqual([
      "@Maria can you check the targets?",
    ]);
    mine.vote("mastery", 4);
    expect(theirs.getSnapshot().participants).toEqual(["Chris", "Maria"]);
  });

  it("lets a person edit and delete only their own messages", () => {
    const { mine, theirs } = pair();
    const id = theirs.startThread({ kind: "model" }, "question", "Original");
    const messageId = theirs.getSnapshot().threads[0]?.messages[0]?.id as string;
    expect(() => mine.edit(id, messageId, "Changed")).toThrow(/Only the person who wrote/);
    theirs.edit(id, messageId, "Clarified");
    expect(mine.getSnapshot().threads[0]?.messages[0]?.text).toBe("Clarified");
    theirs.remove(id, messageId);
    expect(mine.getSnapshot().threads[0]?.messages[0]?.deleted).toBe(true);
  });

  it("keeps one vote per person per goal, changeable", () => {
    const { mine, theirs } = pair();
    mine.vote("g1", 2, "Too ambitious");
    mine.vote("g1", 4);
    theirs.vote("g1", 0);
    const votes = theirs.getSnapshot().votes.filter((v) => v.target === "g1");
    expect(votes.map((v) => [v.author.name, v.level])).toEqual([
      ["Chris", 0],
      ["Maria", 4],
    ]);
  });

  it("refuses to write before the server said who this is", () => {
    const binding = new ReviewBinding(new Y.Doc(), "m2");
    expect(() => binding.startThread({ kind: "model" }, "idea", "Hi")).toThrow(/display name/);
  });
});

describe("RevisionWatch", () => {
  it("reports this browser's revisions of a goal's target, indicator and dates only", () => {
    const doc = new Y.Doc();
    const goal = addNode(
      doc,
      { kind: "midJourney", title: "Attendance", position: { x: laneX("midJourney"), y: 0 } },
      "t",
    );
    const watch = new RevisionWatch(doc);
    const seen: GoalRevision[] = [];
    watch.onRevision((r) => seen.push(r));

    // Filling blank fields for the first time is not a revision: nothing to explain.
    updateSmart(doc, goal, { indicator: "Share of days present", unit: "percent" }, "local");
    updateSmart(doc, goal, { target: { value: 95, date: "2027-06-30" } }, "local");
    updateSmart(doc, goal, { baseline: { value: 88 } }, "local");
    updateSmart(doc, goal, { baseline: { date: "2026-09-01" } }, "local");
    expect(seen).toEqual([]);
    // Changing (or clearing) a value that was set is.
    updateSmart(doc, goal, { indicator: "Share of school days present" }, "local");
    updateSmart(doc, goal, { target: { value: 96 } }, "local");
    updateSmart(doc, goal, { baseline: null }, "local");
    updateNode(doc, goal, { title: "Attendance rate" }, "local");
    expect(seen).toEqual([
      { nodeId: goal, fields: ["smart.indicator"] },
      { nodeId: goal, fields: ["smart.target"] },
      { nodeId: goal, fields: ["smart.baseline"] },
    ]);

    // A collaborator's revision arrives as a sync: it is theirs to explain.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    updateSmart(other, goal, { target: { value: 90 } }, "remote");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), "provider");
    expect(seen).toHaveLength(3);
    watch.destroy();
  });
});
