import { addCheckIn, addNode, laneX } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { YjsFlowBinding } from "../src/canvas/yjs-flow-binding.ts";

/** Two peers whose documents exchange every update, as the server relays them. */
function peers() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "remote") Y.applyUpdate(b, update, "remote");
  });
  b.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "remote") Y.applyUpdate(a, update, "remote");
  });
  const id = addNode(
    a,
    { kind: "smallWin", title: "Coaches in classrooms", position: { x: laneX("smallWin"), y: 0 } },
    "seed",
  );
  return { a: new YjsFlowBinding(a), b: new YjsFlowBinding(b), id };
}

const measurementsOf = (binding: YjsFlowBinding, id: string) =>
  binding.getSnapshot().model.nodes.find((n) => n.id === id)?.measurements;

describe("binding: measurements and check-ins", () => {
  it("syncs measurements between two people, keeping both of two recorded at once", () => {
    const { a, b, id } = peers();
    expect(a.addMeasurement(id, { date: "2026-01-10", value: 3 })).toBe(true);
    expect(measurementsOf(b, id)).toEqual([{ date: "2026-01-10", value: 3 }]);
    // Concurrent: neither has seen the other's before both write.
    const docA = a.doc;
    const docB = b.doc;
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(docB));
    const c = new YjsFlowBinding(offline);
    c.addMeasurement(id, { date: "2026-02-01", value: 5, note: "from C" });
    a.addMeasurement(id, { date: "2026-02-02", value: 6 });
    // C comes back online: A receives C's update (and relays it to B), C receives the rest.
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(offline), "reconnect");
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(docA), "reconnect");
    const values = (binding: YjsFlowBinding) =>
      (measurementsOf(binding, id) ?? []).map((m) => m.value).sort();
    expect(values(a)).toEqual([3, 5, 6]);
    expect(values(b)).toEqual([3, 5, 6]);
    expect(values(c)).toEqual([3, 5, 6]);
    expect(docB.clientID).not.toBe(docA.clientID);
  });

  it("fixes and removes a measurement for everyone", () => {
    const { a, b, id } = peers();
    a.addMeasurement(id, { date: "2026-01-10", value: 3 });
    b.addMeasurement(id, { date: "2026-01-20", value: 4 });
    expect(b.updateMeasurement(id, 1, { date: "2026-01-20", value: 40 })).toBe(true);
    expect(measurementsOf(a, id)?.map((m) => m.value)).toEqual([3, 40]);
    expect(a.removeMeasurement(id, 0)).toBe(true);
    expect(measurementsOf(b, id)).toEqual([{ date: "2026-01-20", value: 40 }]);
  });

  it("refuses an invalid measurement with a notice and changes nothing", () => {
    const { a, id } = peers();
    const notices: string[] = [];
    a.onNotice((n) => notices.push(n.message));
    expect(a.addMeasurement(id, { date: "2026-02-30", value: 1 })).toBe(false);
    expect(a.addMeasurement(id, { date: "2026-02-01", value: Number.NaN })).toBe(false);
    expect(a.updateMeasurement(id, 7, { date: "2026-02-01", value: 1 })).toBe(false);
    expect(notices).toHaveLength(3);
    expect(notices[2]).toContain("no longer exists");
    expect(measurementsOf(a, id)).toBeUndefined();
  });

  it("keeps check-ins in the snapshot, sorted, and follows a collaborator's changes", () => {
    const { a, b } = peers();
    expect(a.getSnapshot().checkIns).toEqual([]);
    let notified = 0;
    b.subscribe(() => notified++);
    expect(a.addCheckIn("2026-05-01")).toBe(true);
    addCheckIn(b.doc, "2026-02-01", "remote-person");
    expect(b.getSnapshot().checkIns).toEqual(["2026-02-01", "2026-05-01"]);
    expect(a.getSnapshot().checkIns).toEqual(["2026-02-01", "2026-05-01"]);
    expect(notified).toBeGreaterThan(0);
    expect(a.addCheckIn("next spring")).toBe(false);
    b.removeCheckIn("2026-05-01");
    expect(a.getSnapshot().checkIns).toEqual(["2026-02-01"]);
  });

  it("does nothing for a read-only person", () => {
    const doc = new Y.Doc();
    const id = addNode(doc, { kind: "longTerm", title: "Year 1: 60% proficient" }, "seed");
    const viewer = new YjsFlowBinding(doc, { readOnly: true });
    expect(viewer.addMeasurement(id, { date: "2026-01-10", value: 3 })).toBe(false);
    expect(viewer.addCheckIn("2026-01-10")).toBe(false);
    expect(measurementsOf(viewer, id)).toBeUndefined();
    expect(viewer.getSnapshot().checkIns).toEqual([]);
  });
});
