import { describe, expect, it } from "vitest";
import { modelFacts } from "../src/editor/first-render.ts";

/**
 * Until the document has synced, the page shows the model's title, mastery goal and numbers of
 * cards and links from the canvas snapshot, not the empty document's (issue 14).
 */
describe("modelFacts", () => {
  const empty = { title: "Untitled model", masteryGoal: "" };
  it("takes the snapshot's title, goal and counts before the sync", () => {
    const facts = modelFacts(
      {
        role: "viewer",
        title: "Reading plan",
        masteryGoal: "Every reader on grade level",
        cards: [
          ["i1", "input", 0, 0, "Coaches"],
          ["a1", "activity", 0, 0, "Walkthroughs"],
        ],
        links: [["e1", "i1", "a1"]],
      },
      empty,
    );
    expect(facts).toEqual({
      title: "Reading plan",
      masteryGoal: "Every reader on grade level",
      counts: { cards: 2, links: 1 },
    });
  });

  it("takes the document's own once there is no first layer to show", () => {
    const model = { title: "Reading plan", masteryGoal: "Fluent readers" };
    expect(modelFacts(null, model)).toEqual(model);
  });

  it("shows no goal for a snapshot from before goals were in it", () => {
    const facts = modelFacts({ role: "owner", title: "Plan", cards: [], links: [] }, empty);
    expect(facts.masteryGoal).toBe("");
  });
});
