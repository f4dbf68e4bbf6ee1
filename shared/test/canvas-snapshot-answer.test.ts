import { describe, expect, it } from "vitest";
import { canvasSnapshotSchema, readCanvasSnapshotAnswer } from "../src/index.ts";

/**
 * The page reads the canvas snapshot's answer by hand (issue 14: the schema's pass cost ~100 ms
 * at 1,000 cards on the way to the first cards): it accepts and refuses what the schema does,
 * and says in words what is wrong.
 */
const good = {
  role: "viewer",
  title: "Reading plan",
  masteryGoal: "Every reader on grade level",
  cards: [
    ["i1", "input", 40, 40, "Coaches"],
    ["a1", "activity", 320, 40, "Walkthroughs"],
  ],
  links: [["e1", "i1", "a1"]],
};

const bad: [string, unknown][] = [
  ["not an object", "cards"],
  ["no title", { ...good, title: 3 }],
  ["an unknown role", { ...good, role: "admin" }],
  ["a mastery goal that is not text", { ...good, masteryGoal: 1 }],
  ["cards that are not a list", { ...good, cards: {} }],
  ["a card of an unknown kind", { ...good, cards: [["i1", "outcome", 0, 0, "x"]] }],
  ["a card with a bad id", { ...good, cards: [["../x", "input", 0, 0, "x"]] }],
  ["a card without a place", { ...good, cards: [["i1", "input", "0", 0, "x"]] }],
  ["a card too short", { ...good, cards: [["i1", "input", 0, 0]] }],
  ["a link too short", { ...good, links: [["e1", "i1"]] }],
  ["a link to a bad id", { ...good, links: [["e1", "i1", "a 1"]] }],
];

describe("readCanvasSnapshotAnswer", () => {
  it("reads a good answer as the schema does, with or without a mastery goal", () => {
    const read = readCanvasSnapshotAnswer(good);
    expect(read).toEqual({ ok: true, snapshot: canvasSnapshotSchema.parse(good) });
    const { masteryGoal: _, ...older } = good;
    expect(readCanvasSnapshotAnswer(older)).toEqual({
      ok: true,
      snapshot: canvasSnapshotSchema.parse(older),
    });
  });

  it.each(bad)("refuses %s, as the schema does, in words", (_what, body) => {
    expect(canvasSnapshotSchema.safeParse(body).success).toBe(false);
    const read = readCanvasSnapshotAnswer(body);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(/^(the answer|its|card \d+|link \d+) /);
  });
});
