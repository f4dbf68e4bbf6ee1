import { addNode, laneX } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { YjsFlowBinding } from "../src/canvas/yjs-flow-binding.ts";

/** A spreadsheet import through the binding: one transaction, one undo step, all or nothing. */

function goals() {
  const doc = new Y.Doc();
  const ids = ["smallWin", "longTerm"].map((kind) =>
    addNode(
      doc,
      { kind: kind as "smallWin", title: kind, position: { x: laneX(kind as "smallWin"), y: 0 } },
      "seed",
    ),
  );
  const activity = addNode(
    doc,
    { kind: "activity", title: "Hire coaches", position: { x: laneX("activity"), y: 0 } },
    "seed",
  );
  return { binding: new YjsFlowBinding(doc), ids: ids as [string, string], activity };
}

const measured = (binding: YjsFlowBinding) =>
  binding
    .getSnapshot()
    .model.nodes.map((n) => n.measurements?.length ?? 0)
    .reduce((a, b) => a + b, 0);

describe("binding: importing measurements", () => {
  it("adds every row at once, and one undo takes the whole import back, not the edit before", () => {
    const { binding, ids } = goals();
    binding.addMeasurement(ids[0], { date: "2026-09-01", value: 10 });
    const rows = Array.from({ length: 500 }, (_, i) => ({
      goalId: ids[i % 2] as string,
      measurement: { date: "2026-10-01", value: i % 100 },
    }));
    expect(binding.addMeasurements(rows)).toBe(true);
    expect(measured(binding)).toBe(501);
    binding.undoLast();
    expect(measured(binding)).toBe(1);
    binding.redoLast();
    expect(measured(binding)).toBe(501);
  });

  it("writes nothing when one row is refused, and says why", () => {
    const { binding, ids, activity } = goals();
    const notices: string[] = [];
    binding.onNotice((n) => notices.push(n.message));
    const ok = binding.addMeasurements([
      { goalId: ids[0], measurement: { date: "2026-10-01", value: 5 } },
      { goalId: activity, measurement: { date: "2026-10-01", value: 5 } },
    ]);
    expect(ok).toBe(false);
    expect(measured(binding)).toBe(0);
    expect(notices).toEqual([`The card ${activity} is not a goal: it takes no measurements.`]);
  });
});
