import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  ALIGNMENT_LIMITS,
  addNode,
  alignmentsOf,
  alignmentWarnings,
  alignTo,
  type CascadeGoal,
  goalInStudents,
  type LogicNode,
  noAlignedChildWarning,
  parseModelFile,
  readModel,
  rollUp,
  setAlignments,
  studentsFrom,
  unalign,
  unalignedWarning,
} from "../src/index.ts";

const TODAY = "2027-01-10";
const M1 = "AAAAAAAAAAAAAAA1";
const M2 = "BBBBBBBBBBBBBBB2";

function goal(
  id: string,
  unit: string,
  baseline: number,
  target: number,
  cohortSize?: number,
  extra: Partial<LogicNode> = {},
): LogicNode {
  return {
    id,
    kind: "longTerm",
    title: `Goal ${id}`,
    smart: {
      indicator: "students proficient in reading",
      unit,
      baseline: { value: baseline, date: "2026-09-01" },
      target: { value: target, date: "2027-06-01" },
      ...(cohortSize === undefined ? {} : { cohortSize }),
    },
    ...extra,
  };
}
const as = (node: CascadeGoal["node"], owner: string): CascadeGoal => ({ node, owner });

describe("students from percent and cohort (seed 000)", () => {
  it("87 → 90 % of an Algebra cohort of 100 is 87 → 90 students", () => {
    const g = goalInStudents(goal("alg", "percent", 87, 90, 100), TODAY);
    expect(g).toMatchObject({ baseline: 87, target: 90, rises: true });
  });
  it("a cohort of 150 moving 60 → 66 % is 9 students", () => {
    const g = goalInStudents(goal("g", "percent", 60, 66, 150), TODAY);
    expect(g.baseline).toBe(90);
    expect(g.target).toBe(99);
    expect((g.target ?? 0) - (g.baseline ?? 0)).toBe(9);
  });
  it("rounds a rising target up and cannot count a percent without a cohort or another unit", () => {
    expect(studentsFrom(66.5, "percent", 150, "up")).toBe(100);
    expect(studentsFrom(80, "percent", undefined)).toBeNull();
    expect(studentsFrom(640, "lexile level", 150)).toBeNull();
    expect(studentsFrom(42, "students", undefined)).toBe(42);
  });
});

describe("the roll-up of a school goal over its grade teams", () => {
  // School: 240 students, 75 % → 100 % means 240 students needed.
  const school = as(goal("school", "percent", 75, 100, 240), "Lincoln Elementary");
  const grades = [
    as(goal("g1", "percent", 68, 80, 80), "Grade 1 team"), // 54 → 64
    as(goal("g2", "percent", 70, 85, 80), "Grade 2 team"), // 56 → 68
    as(goal("g3", "students", 70, 80, 80), "Grade 3 team"), // 70 → 80
  ];

  it("adds the children's targets in students against the parent's and says how short", () => {
    const r = rollUp(school, grades, {
      today: TODAY,
      childrenNoun: "grade teams",
      parentNoun: "school goal",
    });
    expect(r.parent.target).toBe(240);
    expect(r.children.map((c) => c.inStudents.target)).toEqual([64, 68, 80]);
    expect(r.sumTarget).toBe(212);
    expect(r.shortfall).toBe(28);
    expect(r.sentence).toBe(
      "The three grade teams' targets add up to 212 of the 240 students the school goal needs: 28 short; none is measured yet, so they stand at their baselines, 180.",
    );
  });

  const measuredAs = (values: (number | null)[]) =>
    grades.map((g, i) => {
      const value = values[i];
      const measurements = value == null ? [] : [{ date: "2026-12-01", value }];
      return as({ ...g.node, measurements }, g.owner);
    });
  const words = { today: TODAY, childrenNoun: "grade teams", parentNoun: "school goal" };

  it("says where the children stand now, next to their targets", () => {
    // 74 % of 80 = 59, 76 % of 80 = 61 (60.8), 75 students: 195.
    const r = rollUp(school, measuredAs([74, 76, 75]), words);
    expect(r.sentence).toBe(
      "The three grade teams' targets add up to 212 of the 240 students the school goal needs: 28 short; today they stand at 195.",
    );
  });

  it("counts a child not measured yet at its baseline, and says so", () => {
    // 59 + 56 (grade 2's baseline, 70 % of 80) + 75 = 190.
    const one = rollUp(school, measuredAs([74, null, 75]), words);
    expect(one.sentence).toContain(
      "; today they stand at 190 (one is not measured yet and counts its baseline).",
    );
    const two = rollUp(school, measuredAs([74, null, null]), words);
    expect(two.sentence).toContain("(two are not measured yet and count their baseline).");
  });

  it("ignores a measurement dated after today", () => {
    const future = grades.map((g) =>
      as({ ...g.node, measurements: [{ date: "2027-05-01", value: 99 }] }, g.owner),
    );
    expect(rollUp(school, future, words).sentence).toContain("stand at their baselines, 180.");
  });

  it("shows the progress of the sum from the children's latest measurements", () => {
    const measured = grades.map((g, i) =>
      as(
        {
          ...g.node,
          measurements: [{ date: "2026-12-01", value: [74, 76, 75][i] ?? 0 }],
        },
        g.owner,
      ),
    );
    const r = rollUp(school, measured, { today: TODAY });
    // 74 % of 80 = 59, 76 % of 80 = 61 (60.8), 75 students: 195 of a summed baseline of 180.
    expect(r.sumBaseline).toBe(180);
    expect(r.sumLatest).toBe(195);
    expect(r.sumProgress).toBeCloseTo(15 / 60, 6);
  });

  it("says when the children together reach the parent's target", () => {
    const r = rollUp(as(goal("s", "students", 100, 120), "School"), [
      as(goal("a", "students", 50, 65), "A"),
      as(goal("b", "students", 50, 60), "B"),
    ]);
    expect(r.shortfall).toBe(-5);
    expect(r.sentence).toContain("5 more than needed");
  });

  it("writes a district's thousands with separators", () => {
    const r = rollUp(as(goal("d", "students", 3414, 3916), "District"), [
      as(goal("a", "students", 1700, 1900), "Lincoln"),
      as(goal("b", "students", 1714, 1901), "Roosevelt"),
    ]);
    expect(r.sentence).toBe(
      "The two aligned goals' targets add up to 3,801 of the 3,916 students the goal needs: 115 short; none is measured yet, so they stand at their baselines, 3,414.",
    );
  });
});

describe("cascade warnings", () => {
  it("warns of the 84 % grade under an 80 % school goal that sets a declining target", () => {
    const school = as(goal("school", "percent", 76, 80, 300), "Lincoln Elementary");
    const third = as(goal("g3", "percent", 84, 82, 100), "Grade 3 team");
    const first = as(goal("g1", "percent", 68, 72, 100), "Grade 1 team");
    const r = rollUp(school, [third, first], { today: TODAY });
    const trap = r.warnings.filter((w) => w.code === "cascade-child-not-rising");
    expect(trap).toHaveLength(1);
    expect(trap[0]?.nodeId).toBe("g3");
    expect(trap[0]?.message).toContain("below its own baseline 84%");
    expect(trap[0]?.message).toContain("meets “Goal school” (80%) on paper");
    // Improving on its own 84 % is fine even though it is above the school's 80 %.
    const rising = rollUp(school, [as(goal("g3", "percent", 84, 87, 100), "Grade 3 team")]);
    expect(rising.warnings.filter((w) => w.code === "cascade-child-not-rising")).toEqual([]);
    // Goal by goal (the progress rows), each child is warned about exactly as in the roll-up.
    for (const child of [third, first])
      expect(alignmentWarnings(school, child)).toEqual(
        r.warnings.filter((w) => w.nodeId === child.node.id),
      );
  });

  it("says so when units cannot be compared, and leaves the child out of the sum", () => {
    const school = as(goal("school", "percent", 70, 80, 200), "School");
    const lexile = as(goal("g2", "lexile level", 600, 700), "Grade 2 team");
    const counted = as(goal("g1", "percent", 70, 80, 100), "Grade 1 team");
    const r = rollUp(school, [lexile, counted], { today: TODAY });
    const w = r.warnings.find((x) => x.code === "cascade-units-incomparable");
    expect(w?.nodeId).toBe("g2");
    expect(w?.message).toContain("“lexile level”, which cannot be compared");
    expect(r.children[0]?.excluded).not.toBeNull();
    expect(r.sumTarget).toBe(80);
    expect(r.sentence).toContain("one more left out");
  });

  it("warns of a child target date after the parent's", () => {
    const school = as(goal("school", "students", 100, 120), "School");
    const late = goal("late", "students", 40, 50);
    if (late.smart?.target) late.smart.target.date = "2027-09-01";
    const r = rollUp(school, [as(late, "Grade 4 team")], { today: TODAY });
    const w = r.warnings.find((x) => x.code === "cascade-target-after-parent");
    expect(w?.message).toContain("2027-09-01 is after the date");
  });

  it("warns of a goal with no aligned child where a level below exists, and not at the bottom", () => {
    const g = as(goal("d", "percent", 70, 80, 1000), "District");
    expect(noAlignedChildWarning(g, 0, "school")?.code).toBe("cascade-no-aligned-child");
    expect(noAlignedChildWarning(g, 2, "school")).toBeNull();
    expect(noAlignedChildWarning(g, 0, null)).toBeNull();
  });

  it("warns of a long-term goal that aligns to nothing while its workspace has a parent", () => {
    const g = {
      ...as(goal("t", "percent", 70, 80, 100), "Grade 3 team"),
      kind: "longTerm" as const,
    };
    expect(unalignedWarning({ ...g, alignments: 0 }, "school")?.code).toBe("cascade-unaligned");
    expect(unalignedWarning({ ...g, alignments: 1 }, "school")).toBeNull();
    expect(unalignedWarning({ ...g, alignments: 0 }, null)).toBeNull();
  });
});

describe("alignsTo on a goal card", () => {
  it("is read, written and refused in words by the one schema", () => {
    const doc = new Y.Doc();
    const id = addNode(doc, { kind: "longTerm", title: "Reading" }, "test");
    alignTo(doc, id, { modelId: M1, cardId: "L1", note: "our share of the school goal" }, "t");
    alignTo(doc, id, { modelId: M2, cardId: "L9" }, "t");
    expect(readModel(doc).nodes[0]?.alignsTo).toEqual([
      { modelId: M1, cardId: "L1", note: "our share of the school goal" },
      { modelId: M2, cardId: "L9" },
    ]);
    unalign(doc, id, { modelId: M1, cardId: "L1" }, "t");
    expect(alignmentsOf(doc, id)).toEqual([{ modelId: M2, cardId: "L9" }]);
    expect(() => setAlignments(doc, id, [{ modelId: "x", cardId: "L1" }], "t")).toThrow(/model id/);
    const many = Array.from({ length: ALIGNMENT_LIMITS.perCard + 1 }, (_, i) => ({
      modelId: M1,
      cardId: `c${i}`,
    }));
    expect(() => setAlignments(doc, id, many, "t")).toThrow(/at most 10 goals/);
    expect(() =>
      setAlignments(
        doc,
        id,
        [
          { modelId: M1, cardId: "L1" },
          { modelId: M1, cardId: "L1" },
        ],
        "t",
      ),
    ).toThrow(/same goal twice/);
    const activity = addNode(doc, { kind: "activity", title: "Coach" }, "test");
    expect(() => setAlignments(doc, activity, [], "t")).toThrow(/Only goals/);
  });

  it("travels in the file format, and only on goals", () => {
    const file = {
      format: "logic-model",
      version: 2,
      title: "Grade 3",
      masteryGoal: "",
      nodes: [
        { id: "L1", kind: "longTerm", title: "Read", alignsTo: [{ modelId: M1, cardId: "S1" }] },
        { id: "A1", kind: "activity", title: "Coach", alignsTo: [{ modelId: M1, cardId: "S1" }] },
      ],
      edges: [],
    };
    const parsed = parseModelFile(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(JSON.stringify(parsed.errors)).toContain("align to goals above");
    const v1 = { ...file, version: 1, nodes: [{ id: "L1", kind: "longTerm", title: "Read" }] };
    expect(parseModelFile(JSON.stringify(v1)).ok).toBe(true);
    const good = parseModelFile(JSON.stringify({ ...file, nodes: [file.nodes[0]] }));
    expect(good.ok && good.model.nodes[0]?.alignsTo).toEqual([{ modelId: M1, cardId: "S1" }]);
  });
});
