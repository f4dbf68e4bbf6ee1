import { describe, expect, it } from "vitest";
import { diffModels, isEmptyDiff } from "../../src/diff.ts";
import type { LogicModel } from "../../src/schema.ts";

const base: LogicModel = {
  title: "Reading",
  masteryGoal: "Students read for meaning",
  nodes: [
    { id: "i1", kind: "input", title: "Coaches" },
    {
      id: "m1",
      kind: "midJourney",
      title: "Teachers share intentions",
      smart: {
        indicator: "classrooms",
        unit: "percent",
        target: { value: 80, date: "2027-05-01" },
      },
    },
  ],
  edges: [{ id: "e1", source: "i1", target: "m1" }],
};

describe("diffModels", () => {
  it("is empty for identical models", () => {
    expect(isEmptyDiff(diffModels(base, structuredClone(base)))).toBe(true);
  });

  it("names nodes and links added, removed and the fields that changed", () => {
    const after: LogicModel = structuredClone(base);
    after.title = "Reading for all";
    const goal = after.nodes[1] as LogicModel["nodes"][number];
    after.nodes[1] = {
      ...goal,
      title: "Teachers consistently share intentions",
      smart: {
        indicator: "classrooms",
        unit: "percent",
        target: { value: 90, date: "2027-05-01" },
      },
    };
    after.nodes.splice(0, 1);
    after.nodes.push({ id: "a1", kind: "activity", title: "Hire coaches" });
    after.edges = [
      { id: "e2", source: "a1", target: "m1", rationale: "coaching changes practice" },
    ];
    const diff = diffModels(base, after);
    expect(diff.meta.map((c) => c.field)).toEqual(["title"]);
    expect(diff.nodesAdded.map((n) => n.id)).toEqual(["a1"]);
    expect(diff.nodesRemoved.map((n) => n.id)).toEqual(["i1"]);
    expect(diff.nodesChanged[0]?.fields.map((f) => f.field)).toEqual(["title", "smart.target"]);
    expect(diff.nodesChanged[0]?.fields[1]?.after).toEqual({ value: 90, date: "2027-05-01" });
    expect(diff.edgesAdded.map((e) => e.id)).toEqual(["e2"]);
    expect(diff.edgesRemoved.map((e) => e.id)).toEqual(["e1"]);
  });
});
