import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addNode, connect, deleteNode, readModel, updateSmart } from "../src/index.ts";

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe("the Yjs layout keeps concurrent edits", () => {
  it("keeps a baseline and a target written by two people at once", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = addNode(a, { kind: "midJourney", title: "Teachers share learning intentions" }, "t");
    sync(a, b);
    updateSmart(
      a,
      id,
      {
        indicator: "classrooms observed",
        unit: "percent",
        baseline: { value: 20, date: "2026-09-01" },
      },
      "a",
    );
    updateSmart(b, id, { target: { value: 80, date: "2027-05-01" } }, "b");
    sync(a, b);
    const node = readModel(a).nodes[0];
    expect(node?.smart?.baseline).toEqual({ value: 20, date: "2026-09-01" });
    expect(node?.smart?.target).toEqual({ value: 80, date: "2027-05-01" });
    expect(readModel(b)).toEqual(readModel(a));
  });

  it("clears a target's date alone, keeping its value and the baseline", () => {
    const doc = new Y.Doc();
    const id = addNode(doc, { kind: "midJourney", title: "Attendance" }, "t");
    updateSmart(
      doc,
      id,
      {
        indicator: "students attending 90% of days",
        unit: "percent",
        baseline: { value: 70, date: "2026-09-01" },
        target: { value: 85, date: "2027-05-01" },
      },
      "t",
    );
    updateSmart(doc, id, { target: { date: null } }, "t");
    const smart = readModel(doc).nodes[0]?.smart;
    expect(smart?.target).toEqual({ value: 85 });
    expect(smart?.baseline).toEqual({ value: 70, date: "2026-09-01" });
  });

  it("deletes a node together with its links", () => {
    const doc = new Y.Doc();
    const i = addNode(doc, { kind: "input", title: "Coaches" }, "t");
    const a = addNode(doc, { kind: "activity", title: "Hire coaches" }, "t");
    connect(doc, { source: i, target: a }, "t");
    deleteNode(doc, i, "t");
    expect(readModel(doc).edges).toEqual([]);
  });
});

describe("check-in dates", () => {
  it("merge concurrent additions and stay sorted and unique", async () => {
    const { addCheckIn, readCheckIns, removeCheckIn } = await import("../src/index.ts");
    const a = new Y.Doc();
    const b = new Y.Doc();
    addCheckIn(a, "2027-01-15", "a");
    addCheckIn(b, "2026-10-01", "b");
    addCheckIn(b, "2027-01-15", "b");
    sync(a, b);
    expect(readCheckIns(a)).toEqual(["2026-10-01", "2027-01-15"]);
    expect(readCheckIns(b)).toEqual(readCheckIns(a));
    removeCheckIn(a, "2026-10-01", "a");
    expect(readCheckIns(a)).toEqual(["2027-01-15"]);
    expect(() => addCheckIn(a, "next Tuesday", "a")).toThrow(/check-in date/);
  });
});
