import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { loadModel, replaceModel } from "../src/doc/replace.ts";
import {
  addMeasurement,
  addNode,
  addSubgroup,
  FILE_VERSION,
  modelFileOfDocs,
  parseModelFile,
  readModel,
  setSubgroupValue,
} from "../src/index.ts";

/** Issue 18 in the file format: subgroups survive export → import; files without them still read. */

function measuredGoal() {
  const graph = new Y.Doc();
  const goal = addNode(graph, { kind: "longTerm", title: "Reading at grade level" }, "t");
  const el = addSubgroup(graph, goal, "English learners", "t");
  const iep = addSubgroup(graph, goal, "Students with IEPs", "t");
  setSubgroupValue(graph, goal, el, "baseline", { value: 30, date: "2026-09-01" }, "t");
  setSubgroupValue(graph, goal, el, "target", { value: 70, date: "2027-06-01" }, "t");
  addMeasurement(graph, goal, { date: "2026-10-01", value: 50 }, "t");
  addMeasurement(graph, goal, { date: "2026-10-01", value: 33, subgroup: el, note: "EL" }, "t");
  addMeasurement(graph, goal, { date: "2026-10-01", value: 28, subgroup: iep }, "t");
  return { graph, goal, el, iep };
}

describe("subgroups in the model file", () => {
  it("round-trips: export, import into a new document, export again gives the same file", () => {
    const { graph, el, iep } = measuredGoal();
    const file = modelFileOfDocs(graph, new Y.Doc());
    expect(file.version).toBe(FILE_VERSION);
    expect(FILE_VERSION).toBe(2);
    expect(file.nodes[0]?.subgroups?.map((s) => s.name)).toEqual([
      "English learners",
      "Students with IEPs",
    ]);
    const parsed = parseModelFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const graph2 = new Y.Doc();
    loadModel(graph2, parsed.model, "t");
    expect(modelFileOfDocs(graph2, new Y.Doc())).toEqual(file);
    const node = readModel(graph2).nodes[0];
    expect(node?.subgroups?.[0]).toEqual({
      id: el,
      name: "English learners",
      baseline: { value: 30, date: "2026-09-01" },
      target: { value: 70, date: "2027-06-01" },
    });
    expect(node?.measurements?.map((m) => m.subgroup)).toEqual([undefined, el, iep]);
  });

  it("replacing a model's content rewrites its subgroups (import over an existing model)", () => {
    const { graph } = measuredGoal();
    const model = readModel(graph);
    const target = new Y.Doc();
    loadModel(target, { ...model, nodes: model.nodes.map((n) => ({ ...n, subgroups: [] })) }, "t");
    replaceModel(target, model, "t");
    expect(readModel(target).nodes[0]?.subgroups).toEqual(model.nodes[0]?.subgroups);
  });

  it("reads a version-1 and a version-2 file without subgroups, all whole group", () => {
    for (const version of [1, 2]) {
      const parsed = parseModelFile({
        format: "logic-model",
        version,
        title: "Old plan",
        masteryGoal: "",
        nodes: [
          {
            id: "G",
            kind: "longTerm",
            title: "Reading",
            smart: { indicator: "reading", unit: "percent" },
            measurements: [{ date: "2026-10-01", value: 50 }],
          },
        ],
        edges: [],
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(parsed.model.nodes[0]?.subgroups).toBeUndefined();
      expect(parsed.model.nodes[0]?.measurements).toEqual([{ date: "2026-10-01", value: 50 }]);
    }
  });

  it("refuses a file with 13 subgroups or a repeated name, in words", () => {
    const file = (subgroups: unknown) => ({
      format: "logic-model",
      version: 2,
      title: "Plan",
      masteryGoal: "",
      nodes: [{ id: "G", kind: "longTerm", title: "Reading", subgroups }],
      edges: [],
    });
    const thirteen = Array.from({ length: 13 }, (_, i) => ({ id: `s${i}`, name: `G${i}` }));
    const many = parseModelFile(file(thirteen));
    expect(many.ok).toBe(false);
    if (!many.ok)
      expect(many.errors.map((e) => e.text).join()).toMatch(
        /“subgroups” has 13 entries; at most 12 are allowed/,
      );
    const twice = parseModelFile(
      file([
        { id: "a", name: "ELL" },
        { id: "b", name: "ell" },
      ]),
    );
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.errors.map((e) => e.text).join()).toMatch(/repeats the subgroup/);
  });

  it("refuses a measurement that names a subgroup the goal does not track, saying which", () => {
    const parsed = parseModelFile({
      format: "logic-model",
      version: 2,
      title: "Plan",
      masteryGoal: "",
      nodes: [
        {
          id: "G",
          kind: "longTerm",
          title: "Reading",
          subgroups: [{ id: "el", name: "English learners" }],
          measurements: [
            { date: "2026-10-01", value: 50, subgroup: "el" },
            { date: "2026-10-01", value: 40, subgroup: "gone" },
          ],
        },
      ],
      edges: [],
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors.map((e) => [e.path, e.text])).toEqual([
        [
          "nodes[0].measurements[1].subgroup",
          "Card 1 “Reading”: measurement 2 names the subgroup “gone”, which this goal does not track",
        ],
      ]);
  });
});
