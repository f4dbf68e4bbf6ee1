import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addMeasurement,
  addNode,
  addSubgroup,
  goalSentences,
  goalStatus,
  type LogicNode,
  MAX_SUBGROUPS,
  readModel,
  removeSubgroup,
  renameSubgroup,
  SUBGROUP_NAME_MAX,
  subgroupByName,
  subgroupGap,
  subgroupStatuses,
  subgroupsOfCard,
  widenedSubgroupGaps,
} from "../src/index.ts";
import { nodeSchema } from "../src/schema.ts";

const EL = { id: "el", name: "English learners", baseline: { value: 30, date: "2026-09-01" } };

// Whole group: baseline 40 (Sept 2026) → target 60 (end of Aug 2027); the line is at 50 on 2027-03-02.
function goal(extra: Partial<LogicNode> = {}): LogicNode {
  return {
    id: "g",
    kind: "longTerm",
    title: "Reading at grade level",
    smart: {
      indicator: "students reading at grade level",
      unit: "percent",
      baseline: { value: 40, date: "2026-09-01" },
      target: { value: 60, date: "2027-08-31" },
    },
    subgroups: [EL],
    ...extra,
  };
}

describe("the subgroup schema", () => {
  it("accepts a goal with subgroups and measurements that name them", () => {
    const parsed = nodeSchema.safeParse(
      goal({ measurements: [{ date: "2026-10-01", value: 32, subgroup: "el" }] }),
    );
    expect(parsed.success).toBe(true);
  });

  it("refuses more than the cap, repeated names, long or empty names, in words", () => {
    const many = Array.from({ length: MAX_SUBGROUPS + 1 }, (_, i) => ({
      id: `s${i}`,
      name: `Group ${i}`,
    }));
    const messages = (node: LogicNode) => {
      const parsed = nodeSchema.safeParse(node);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    };
    expect(messages(goal({ subgroups: many }))).toContain(
      `a goal tracks at most ${MAX_SUBGROUPS} subgroups`,
    );
    expect(
      messages(goal({ subgroups: [EL, { id: "el2", name: " english LEARNERS " }] })).join(),
    ).toMatch(/repeats the subgroup name/);
    expect(
      messages(goal({ subgroups: [{ id: "x", name: "x".repeat(SUBGROUP_NAME_MAX + 1) }] })),
    ).toContain(`must be at most ${SUBGROUP_NAME_MAX} characters`);
    expect(messages(goal({ subgroups: [{ id: "x", name: "  " }] }))).toContain("must not be empty");
  });

  it("refuses subgroups on an activity", () => {
    const activity = { id: "a", kind: "activity", title: "Coach", subgroups: [EL] };
    expect(nodeSchema.safeParse(activity).success).toBe(false);
  });
});

describe("status per subgroup", () => {
  const today = "2027-03-10";

  it("judges each subgroup by the status rules, apart from the whole group", () => {
    // EL line: 30 → 60 (the whole group's target), at 45 half-way; 36 is 30 % of it short: off track.
    const node = goal({
      measurements: [
        { date: "2027-03-02", value: 50 },
        { date: "2027-03-02", value: 36, subgroup: "el" },
      ],
    });
    expect(goalStatus(node, { today }).status).toBe("on-track");
    const [el] = subgroupStatuses(node, { today });
    expect(el?.subgroup.name).toBe("English learners");
    expect(el?.status).toBe("off-track");
    expect(el?.latest?.value).toBe(36);
  });

  it("uses the subgroup's own target when it has one", () => {
    const node = goal({
      subgroups: [{ ...EL, target: { value: 40, date: "2027-08-31" } }],
      measurements: [{ date: "2027-03-02", value: 41, subgroup: "el" }],
    });
    expect(subgroupStatuses(node, { today })[0]?.status).toBe("achieved");
  });

  it("leaves a subgroup without measurements not measured", () => {
    const node = goal({ measurements: [{ date: "2027-03-02", value: 50 }] });
    expect(subgroupStatuses(node, { today })[0]?.status).toBe("not-measured");
  });
});

describe("the widening-gap flag", () => {
  const series = (whole: number[], el: number[]) =>
    goal({
      measurements: ["2026-10-01", "2026-12-01", "2027-02-01"].flatMap((date, i) => [
        { date, value: whole[i] ?? 0 },
        { date, value: el[i] ?? 0, subgroup: "el" },
      ]),
    });

  it("flags a gap that widens at each of the last three measurements, in words", () => {
    const gap = subgroupGap(series([44, 48, 52], [40, 41, 43]), EL);
    expect(gap?.gaps).toEqual([4, 7, 9]);
    expect(gap?.widened).toBe(true);
    expect(gap?.sentence).toBe(
      "English learners’ gap to the whole group widened from 4 to 9 points over the last three measurements.",
    );
  });

  it("does not flag a gap that narrows or holds", () => {
    expect(subgroupGap(series([44, 48, 52], [40, 45, 50]), EL)?.widened).toBe(false);
    expect(subgroupGap(series([44, 48, 52], [40, 44, 46]), EL)?.widened).toBe(false);
    expect(widenedSubgroupGaps(series([44, 48, 52], [40, 45, 50]))).toEqual([]);
  });

  it("needs three dates measured for both", () => {
    const node = goal({
      measurements: [
        { date: "2026-10-01", value: 44 },
        { date: "2026-10-01", value: 40, subgroup: "el" },
        { date: "2026-12-01", value: 30, subgroup: "el" },
      ],
    });
    expect(subgroupGap(node, EL)).toBeNull();
  });

  it("reads a goal to lower a number the other way round", () => {
    // Chronic absence: 20 → 10; the subgroup trails when its value is higher.
    const node = series([18, 16, 14], [20, 21, 22]);
    node.smart = {
      indicator: "absent",
      unit: "percent",
      baseline: { value: 20 },
      target: { value: 10 },
    };
    expect(subgroupGap(node, EL)?.gaps).toEqual([2, 5, 8]);
    expect(subgroupGap(node, EL)?.widened).toBe(true);
  });
});

describe("subgroup mutations on the document", () => {
  it("adds, renames, records for and removes a subgroup; refuses a repeated name", () => {
    const doc = new Y.Doc();
    const id = addNode(doc, { kind: "longTerm", title: "Reading" }, "t");
    const el = addSubgroup(doc, id, "English learners", "t");
    expect(() => addSubgroup(doc, id, "english learners", "t")).toThrow(
      /repeats the subgroup name/,
    );
    addMeasurement(doc, id, { date: "2026-10-01", value: 30, subgroup: el }, "t");
    addMeasurement(doc, id, { date: "2026-10-01", value: 35 }, "t");
    expect(() =>
      addMeasurement(doc, id, { date: "2026-10-01", value: 1, subgroup: "nope" }, "t"),
    ).toThrow(/does not track/);
    renameSubgroup(doc, id, el, "Multilingual learners", "t");
    expect(subgroupByName(subgroupsOfCard(doc, id), " multilingual learners")?.id).toBe(el);
    expect(readModel(doc).nodes[0]?.measurements).toHaveLength(2);
    removeSubgroup(doc, id, el, "t");
    const [node] = readModel(doc).nodes;
    expect(node?.subgroups).toBeUndefined();
    expect(node?.measurements).toEqual([{ date: "2026-10-01", value: 35 }]);
  });
});

describe("the written plan", () => {
  it("says each subgroup's latest value and status, and a widening gap, in sentences", () => {
    const node = goal({
      subgroups: [EL, { id: "iep", name: "Students with IEPs" }],
      measurements: ["2026-10-01", "2026-12-01", "2027-02-01"].flatMap((date, i) => [
        { date, value: [44, 48, 52][i] ?? 0 },
        { date, value: [40, 41, 43][i] ?? 0, subgroup: "el" },
      ]),
    });
    const text = goalSentences(node, "2027-02-10").join(" ");
    expect(text).toContain(
      "Subgroups: English learners 43% on Feb 1, 2027, on track; Students with IEPs not measured yet.",
    );
    expect(text).toContain(
      "English learners’ gap to the whole group widened from 4 to 9 points over the last three measurements.",
    );
  });

  it("says nothing of subgroups for a goal without them", () => {
    const text = goalSentences(goal({ subgroups: undefined }), "2027-02-10").join(" ");
    expect(text).not.toContain("Subgroup");
  });
});
