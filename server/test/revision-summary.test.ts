import {
  addCheckIn,
  addMeasurement,
  addNode,
  connect,
  deleteNode,
  setMeta,
  updateEdge,
  updateNode,
  updateSmart,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { changesOf, type SubjectChange } from "../src/revisions/summary.ts";

/** What `change` did to `doc`, as the revision log summarises it. */
function summarise(doc: Y.Doc, change: () => void): SubjectChange[] {
  let seen: SubjectChange[] = [];
  const listen = (tr: Y.Transaction) => {
    seen = changesOf(tr, doc);
  };
  doc.on("afterTransaction", listen);
  change();
  doc.off("afterTransaction", listen);
  return seen;
}

describe("revision summary of one transaction", () => {
  const doc = new Y.Doc();
  const goal = addNode(doc, { kind: "midJourney", title: "80% at benchmark" }, "setup");
  const input = addNode(doc, { kind: "input", title: "Coaches" }, "setup");
  const edge = connect(doc, { source: input, target: goal }, "setup");

  it("names the card and the fields changed, down to SMART parts and measurements", () => {
    expect(summarise(doc, () => updateNode(doc, goal, { title: "85% at benchmark" }, "t"))).toEqual(
      [
        {
          subject: "node",
          subjectId: goal,
          added: false,
          removed: false,
          fields: ["title"],
          title: "85% at benchmark",
        },
      ],
    );
    const smart = summarise(doc, () =>
      updateSmart(
        doc,
        goal,
        { indicator: "Benchmark", target: { value: 85, date: "2027-06-01" } },
        "t",
      ),
    );
    expect(smart).toHaveLength(1);
    expect(smart[0]?.fields).toContain("smart.target");
    expect(smart[0]?.fields).toContain("smart.indicator");
    expect(smart[0]?.fields.every((f) => f.startsWith("smart."))).toBe(true);
    const measured = summarise(doc, () =>
      addMeasurement(doc, goal, { date: "2026-11-01", value: 70 }, "t"),
    );
    expect(measured[0]?.fields).toEqual(["measurements"]);
  });

  it("reports links and model details", () => {
    expect(
      summarise(doc, () => updateEdge(doc, edge, { rationale: "Coaching builds skill" }, "t")),
    ).toEqual([
      { subject: "link", subjectId: edge, added: false, removed: false, fields: ["rationale"] },
    ]);
    expect(summarise(doc, () => setMeta(doc, { title: "Reading plan" }, "t"))).toEqual([
      { subject: "model", subjectId: null, added: false, removed: false, fields: ["title"] },
    ]);
    expect(summarise(doc, () => addCheckIn(doc, "2027-01-10", "t"))[0]?.fields).toEqual([
      "checkIns",
    ]);
  });

  it("reports additions, and removals with the removed card's title", () => {
    const added = summarise(doc, () => addNode(doc, { kind: "activity", title: "PLC" }, "t"));
    expect(added).toMatchObject([{ subject: "node", added: true, removed: false, title: "PLC" }]);
    const removed = summarise(doc, () => deleteNode(doc, input, "t"));
    expect(removed).toContainEqual({
      subject: "node",
      subjectId: input,
      added: false,
      removed: true,
      fields: [],
      title: "Coaches",
    });
    expect(removed).toContainEqual({
      subject: "link",
      subjectId: edge,
      added: false,
      removed: true,
      fields: [],
    });
  });
});
