import { describe, expect, it } from "vitest";
import {
  blankModel,
  coachingTemplate,
  LANE_ROW_SPACING,
  LANE_WIDTH,
  modelSchema,
  validateModel,
} from "../src/index.ts";

describe("coachingTemplate", () => {
  const model = coachingTemplate({ firstSchoolYear: 2026 });

  it("holds the 22 items and 43 links of Table 2.1", () => {
    expect(model.title).toBe("Coaching for self-assessment");
    expect(model.nodes).toHaveLength(22);
    expect(model.edges).toHaveLength(43);
    const perLane = Object.fromEntries(
      ["input", "activity", "smallWin", "midJourney", "longTerm"].map((k) => [
        k,
        model.nodes.filter((n) => n.kind === k).length,
      ]),
    );
    expect(perLane).toEqual({ input: 3, activity: 5, smallWin: 5, midJourney: 6, longTerm: 3 });
    expect(model.masteryGoal).toMatch(/^Students will become proficient self-assessors/);
  });

  it("links rows as the book does, and every mid-journey goal to every long-term goal", () => {
    const links = new Set(model.edges.map((e) => `${e.source}>${e.target}`));
    for (const link of ["I1>A1", "A2>S2", "S2>M1", "I2>A4", "S4>M5", "I3>A5", "A5>S5", "S5>M6"])
      expect(links).toContain(link);
    expect(links).not.toContain("I1>A3");
    for (const m of ["M1", "M2", "M3", "M4", "M5", "M6"])
      for (const l of ["L1", "L2", "L3"]) expect(links).toContain(`${m}>${l}`);
  });

  it("is schema-valid and has no rule errors", () => {
    expect(modelSchema.safeParse(model).success).toBe(true);
    expect(validateModel(model, { today: "2026-11-23" }).errors).toEqual([]);
  });

  it("gives the long-term goals the book's targets with no invented baseline or measurement", () => {
    const longTerm = model.nodes.filter((n) => n.kind === "longTerm");
    expect(longTerm.map((n) => [n.id, n.smart?.target])).toEqual([
      ["L1", { value: 60, date: "2027-06-30" }],
      ["L2", { value: 80, date: "2028-06-30" }],
      ["L3", { value: 100, date: "2029-06-30" }],
    ]);
    expect(
      longTerm.every((n) => n.smart?.baseline === undefined && n.measurements === undefined),
    ).toBe(true);
  });

  it("lays cards out in lanes", () => {
    const byId = new Map(model.nodes.map((n) => [n.id, n]));
    expect(byId.get("I1")?.position).toEqual({ x: 40, y: 40 });
    expect(byId.get("A2")?.position).toEqual({ x: LANE_WIDTH + 40, y: 40 + LANE_ROW_SPACING });
    expect(byId.get("L3")?.position).toEqual({
      x: 4 * LANE_WIDTH + 40,
      y: 40 + 2 * LANE_ROW_SPACING,
    });
  });
});

describe("blankModel", () => {
  it("is empty and titled", () => {
    expect(blankModel("  Reading plan ")).toEqual({
      title: "Reading plan",
      masteryGoal: "",
      nodes: [],
      edges: [],
    });
    expect(blankModel().title).toBe("Untitled logic model");
  });
});

describe("placeInLane", () => {
  it("keeps a card's x inside the lane of its kind and leaves a good position alone", async () => {
    const { placeInLane, laneX, LANE_WIDTH } = await import("../src/index.ts");
    expect(placeInLane("activity", { x: 40, y: 120 })).toEqual({ x: LANE_WIDTH, y: 120 });
    expect(placeInLane("input", { x: 1300, y: 10 })).toEqual({ x: 80, y: 10 });
    const good = { x: laneX("smallWin"), y: 300 };
    expect(placeInLane("smallWin", good)).toBe(good);
    expect(placeInLane("longTerm")).toEqual({ x: laneX("longTerm"), y: 40 });
  });
});
