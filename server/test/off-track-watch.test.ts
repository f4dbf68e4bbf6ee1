import { addMeasurement, addNode, moveNode, updateNode } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { OffTrackWatch, touchedCards } from "../src/notifications/off-track.ts";

/**
 * The graph document's off-track watch without a server: it re-judges only the cards a
 * transaction touched (a drag touches none), and reports a goal once per fall.
 */

function watched() {
  const doc = new Y.Doc();
  const goal = addNode(
    doc,
    {
      kind: "smallWin",
      title: "Coaches observe weekly",
      owner: { id: "bea", name: "Bea" },
      smart: {
        indicator: "observations",
        unit: "percent",
        baseline: { value: 30, date: "2025-09-01" },
        target: { value: 80, date: "2025-10-31" },
      },
    },
    "t",
  );
  const watch = new OffTrackWatch(doc, () => "2026-12-05");
  const seen: { ids: Set<string>; went: string[] }[] = [];
  doc.on("afterTransaction", (tr: Y.Transaction) => {
    seen.push({ ids: touchedCards(doc, tr), went: watch.after(tr).map((w) => w.words) });
  });
  return { doc, goal, seen };
}

describe("the off-track watch of a graph document", () => {
  it("a drag touches no card; a measurement touches its goal", () => {
    const { doc, goal, seen } = watched();
    moveNode(doc, goal, { x: 10, y: 20 }, "t");
    expect(seen.at(-1)?.ids.size).toBe(0);
    addMeasurement(doc, goal, { date: "2025-10-01", value: 56 }, "t");
    expect([...(seen.at(-1)?.ids ?? [])]).toEqual([goal]);
    expect(seen.at(-1)?.went).toEqual([]);
  });

  it("reports the fall once, stays silent while off track, and reports a new fall", () => {
    const { doc, goal, seen } = watched();
    addMeasurement(doc, goal, { date: "2025-10-01", value: 40 }, "t");
    expect(seen.at(-1)?.went).toEqual([
      expect.stringMatching(
        /^“Coaches observe weekly” is off track: latest 40% against a plan of 55%/,
      ),
    ]);
    addMeasurement(doc, goal, { date: "2025-10-15", value: 42 }, "t");
    updateNode(doc, goal, { title: "Coaches observe every week" }, "t");
    expect(seen.slice(-2).map((s) => s.went)).toEqual([[], []]);
    addMeasurement(doc, goal, { date: "2025-10-20", value: 75 }, "t");
    addMeasurement(doc, goal, { date: "2025-10-25", value: 50 }, "t");
    expect(seen.at(-1)?.went).toHaveLength(1);
  });
});
