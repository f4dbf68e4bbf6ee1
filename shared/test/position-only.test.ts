import { describe, expect, it } from "vitest";
import { coachingTemplate, onlyPositionsDiffer, validateModel } from "../src/index.ts";

/** A drag moves cards and nothing else; the canvas skips validating again only then. */
describe("onlyPositionsDiffer", () => {
  const model = coachingTemplate();
  const [first, second] = model.nodes;
  if (!first || !second) throw new Error("the template has cards");

  it("is true when cards only moved, whether or not their objects were rebuilt", () => {
    const moved = {
      ...model,
      nodes: model.nodes.map((n) =>
        n === first ? { ...n, position: { x: 900, y: 900 } } : n === second ? { ...n } : n,
      ),
    };
    expect(onlyPositionsDiffer(model, moved)).toBe(true);
    // The reason it may skip: validation gives the same answer for the moved model.
    expect(validateModel(moved)).toEqual(validateModel(model));
  });

  it("is false when a title, a link, the mastery goal or the set of cards changed", () => {
    const retitled = {
      ...model,
      nodes: model.nodes.map((n) => (n === first ? { ...n, title: "" } : n)),
    };
    expect(onlyPositionsDiffer(model, retitled)).toBe(false);

    const relinked = { ...model, edges: model.edges.slice(1) };
    expect(onlyPositionsDiffer(model, relinked)).toBe(false);
    expect(onlyPositionsDiffer(model, { ...model, masteryGoal: "" })).toBe(false);
    expect(onlyPositionsDiffer(model, { ...model, nodes: model.nodes.slice(1) })).toBe(false);
    const rekinded = {
      ...model,
      nodes: model.nodes.map((n) => (n === first ? { ...n, kind: "longTerm" as const } : n)),
    };
    expect(onlyPositionsDiffer(model, rekinded)).toBe(false);
  });
});
