import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { NODE_FIELDS } from "../src/doc/fields.ts";
import { loadModel, replaceModel } from "../src/doc/replace.ts";
import {
  addNode,
  fellBehindWithTime,
  type GoalStatusName,
  type LogicNode,
  modelFileOfDocs,
  nodesMap,
  parseModelFile,
  readModel,
  updateNode,
  wentOffTrack,
} from "../src/index.ts";
import { nodeSchema } from "../src/schema.ts";

/** Issue 18: a goal's owner in the one schema, and which change turns a goal off track. */

const BEA = { id: "bea", name: "Bea" };
const TODAY = "2026-12-05";

/** The line runs from 30% on 1 Sep to 80% on 31 Oct: 55% on 1 Oct. */
function goal(measurements: { date: string; value: number }[], target = 80): LogicNode {
  return {
    id: "G",
    kind: "midJourney",
    title: "Grade 3 reading on level",
    owner: BEA,
    smart: {
      indicator: "reading on level",
      unit: "percent",
      baseline: { value: 30, date: "2025-09-01" },
      target: { value: target, date: "2025-10-31" },
    },
    measurements,
  };
}

describe("a goal's owner in the schema", () => {
  it("is accepted on every goal kind and refused on inputs and activities, in words", () => {
    for (const kind of ["smallWin", "midJourney", "longTerm"] as const)
      expect(nodeSchema.safeParse({ id: "G", kind, title: "A goal", owner: BEA }).success).toBe(
        true,
      );
    for (const kind of ["input", "activity"] as const) {
      const parsed = nodeSchema.safeParse({ id: "A", kind, title: "Coaching", owner: BEA });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/only goals .* have an owner here/);
    }
    const nameless = nodeSchema.safeParse({
      id: "G",
      kind: "longTerm",
      title: "A goal",
      owner: { id: "bea", name: " " },
    });
    expect(nameless.success).toBe(false);
  });

  it("is in the document's field table, read on goals only", () => {
    expect(NODE_FIELDS.owner).toMatchObject({ type: "plain" });
    const doc = new Y.Doc();
    const id = addNode(doc, { kind: "longTerm", title: "Reading", owner: BEA }, "t");
    expect(readModel(doc).nodes[0]?.owner).toEqual(BEA);
    // Moved to the activities, the card no longer reads it; moved back, the owner is there again.
    updateNode(doc, id, { kind: "activity" }, "t");
    expect(readModel(doc).nodes[0]?.owner).toBeUndefined();
    updateNode(doc, id, { kind: "midJourney" }, "t");
    expect(readModel(doc).nodes[0]?.owner).toEqual(BEA);
    updateNode(doc, id, { owner: null }, "t");
    expect((nodesMap(doc).get(id) as Y.Map<unknown>).has("owner")).toBe(false);
  });

  it("an activity given an owner through the typed mutation is refused in words", () => {
    const doc = new Y.Doc();
    const id = addNode(doc, { kind: "activity", title: "Coaching" }, "t");
    expect(() => updateNode(doc, id, { owner: BEA }, "t")).toThrow(/only goals .* have an owner/);
  });

  it("round-trips through the model file (version 2) and a content replacement", () => {
    const graph = new Y.Doc();
    addNode(graph, { kind: "smallWin", title: "Coaches observe", owner: BEA }, "t");
    const file = modelFileOfDocs(graph, new Y.Doc());
    expect(file.version).toBe(2);
    expect(file.nodes[0]?.owner).toEqual(BEA);
    const parsed = parseModelFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const copy = new Y.Doc();
    loadModel(
      copy,
      { ...parsed.model, nodes: parsed.model.nodes.map(({ owner, ...n }) => n) },
      "t",
    );
    expect(readModel(copy).nodes[0]?.owner).toBeUndefined();
    replaceModel(copy, parsed.model, "t");
    expect(readModel(copy).nodes[0]?.owner).toEqual(BEA);
  });
});

describe("which change turns a goal off track", () => {
  const before = (status: GoalStatusName | null) => new Map([["G", status]]);

  it("a measurement that falls behind the line by more than a quarter: off track, in words", () => {
    const went = wentOffTrack(
      before("not-measured"),
      [goal([{ date: "2025-10-01", value: 40 }])],
      TODAY,
    );
    expect(went.map((w) => w.node.id)).toEqual(["G"]);
    expect(went[0]?.words).toMatch(
      /^“Grade 3 reading on level” is off track: latest 40% against a plan of 55% on .*2025$/,
    );
  });

  it("a goal already off track stays silent; one on track or at risk is not news", () => {
    const off = goal([{ date: "2025-10-15", value: 42 }]);
    expect(wentOffTrack(before("off-track"), [off], TODAY)).toEqual([]);
    const onLine = goal([{ date: "2025-10-01", value: 56 }]);
    const atRisk = goal([{ date: "2025-10-01", value: 45 }]);
    expect(wentOffTrack(before("on-track"), [onLine, atRisk], TODAY)).toEqual([]);
  });

  it("a raised target turns a goal on its line off track", () => {
    const raised = goal([{ date: "2025-10-28", value: 78 }], 120);
    const went = wentOffTrack(before("on-track"), [raised], TODAY);
    expect(went[0]?.words).toMatch(/latest 78% against a plan of 115\.5% on /);
  });

  it("a new card already off track counts; a card that is not a goal never does", () => {
    expect(
      wentOffTrack(new Map(), [goal([{ date: "2025-10-01", value: 40 }])], TODAY),
    ).toHaveLength(1);
    const activity: LogicNode = { id: "A", kind: "activity", title: "Coaching" };
    expect(wentOffTrack(new Map(), [activity], TODAY)).toEqual([]);
  });

  it("a long title is cut so the numbers still fit in the inbox line", () => {
    const long = { ...goal([{ date: "2025-10-01", value: 40 }]), title: "R".repeat(400) };
    const words = wentOffTrack(new Map(), [long], TODAY)[0]?.words ?? "";
    expect(words.length).toBeLessThan(200);
    expect(words).toMatch(/…” is off track: latest 40%/);
  });
});

describe("a goal that falls off track with time alone", () => {
  it("is found once the plan's line has moved past a measurement older than a month", () => {
    const onTrack = goal([{ date: "2025-10-01", value: 56 }]);
    // Nineteen days on, 56% still holds: the measurement is recent.
    expect(fellBehindWithTime(onTrack, "2025-10-20")).toBeNull();
    const fell = fellBehindWithTime(onTrack, "2025-11-15");
    expect(fell?.words).toBe(
      "“Grade 3 reading on level” has fallen off track with time: latest 56% on Oct 1, 2025, while the plan is 80% today",
    );
  });

  it("leaves out a goal already off track at its measurement, one achieved, one not measured and an activity", () => {
    expect(fellBehindWithTime(goal([{ date: "2025-10-01", value: 40 }]), "2025-11-15")).toBeNull();
    expect(fellBehindWithTime(goal([{ date: "2025-10-01", value: 81 }]), "2025-11-15")).toBeNull();
    expect(fellBehindWithTime(goal([]), "2025-11-15")).toBeNull();
    const activity = { ...goal([{ date: "2025-10-01", value: 56 }]), kind: "activity" as const };
    expect(fellBehindWithTime(activity, "2025-11-15")).toBeNull();
  });
});
