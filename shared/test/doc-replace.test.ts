import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addMeasurement,
  addNode,
  coachingTemplate,
  DomainError,
  docSchemaVersion,
  FILE_VERSION,
  type LogicModel,
  loadModel,
  metaMap,
  migrateDoc,
  migrateFileObject,
  moveNode,
  NewerSchemaError,
  readModel,
  readModelWithIssues,
  replaceModel,
  SCHEMA_VERSION,
  updateNode,
  updateSmart,
} from "../src/index.ts";
import { canonical, chain } from "./support/models.ts";
import { syncPair } from "./support/peers.ts";

function docWith(model: LogicModel): Y.Doc {
  const doc = new Y.Doc();
  loadModel(doc, model, "load");
  return doc;
}

describe("loadModel and replaceModel", () => {
  it("load then read gives back the model, for the template and a measured chain", () => {
    for (const model of [coachingTemplate({ firstSchoolYear: 2026 }), chain()]) {
      expect(readModel(docWith(model))).toEqual(canonical(model));
    }
  });

  it("refuses to load into a document that has content", () => {
    const doc = docWith(chain());
    expect(() => loadModel(doc, chain(), "x")).toThrow(DomainError);
  });

  it("writes nothing when the model is unchanged", () => {
    const doc = docWith(chain());
    let updates = 0;
    doc.on("update", () => {
      updates += 1;
    });
    replaceModel(doc, readModel(doc), "restore");
    expect(updates).toBe(0);
  });

  it("reaches the new model exactly: removed fields, kinds, targets and measurements", () => {
    const doc = docWith(chain());
    const next = chain();
    next.title = "Version 2";
    const [input, , small, mid] = next.nodes;
    if (!input || !small || !mid) throw new Error("chain changed");
    input.notes = "added";
    delete small.smart;
    small.kind = "activity";
    small.stage = "seed";
    mid.measurements = [{ date: "2026-12-01", value: 55, note: "fixed" }];
    next.edges = next.edges.filter((e) => e.id !== "A-S");
    replaceModel(doc, next, "restore");
    expect(readModel(doc)).toEqual(readModel(docWith(next)));
    // And back again: the activity becomes a goal with its target once more.
    replaceModel(doc, chain(), "restore");
    expect(readModel(doc)).toEqual(canonical(chain()));
  });

  it("keeps a collaborator's concurrent SMART edit on a goal the replacement did not touch", () => {
    const a = docWith(chain());
    const b = new Y.Doc();
    syncPair(a, b);
    const next = chain();
    next.title = "Restored";
    replaceModel(a, next, "restore");
    updateSmart(b, "M", { target: { value: 90 } }, "b");
    syncPair(a, b);
    expect(readModel(a).nodes.find((n) => n.id === "M")?.smart?.target?.value).toBe(90);
    expect(readModel(a).title).toBe("Restored");
  });
});

describe("merges that once lost or hid work (regressions)", () => {
  it("a stage set while another person moves the card out of the activities keeps the card readable", () => {
    const a = new Y.Doc();
    const id = addNode(a, { id: "act", kind: "activity", title: "Coaching cycles" }, "a");
    const b = new Y.Doc();
    syncPair(a, b);
    updateNode(a, id, { stage: "blossom" }, "a");
    updateNode(b, id, { kind: "smallWin" }, "b");
    syncPair(a, b);
    const read = readModelWithIssues(a);
    expect(read.unreadable).toEqual([]);
    expect(read.model.nodes).toEqual([{ id, kind: "smallWin", title: "Coaching cycles" }]);
    expect(readModel(b)).toEqual(read.model);
  });

  it("two people moving an activity into the goals at once keep both their SMART edits", () => {
    const a = new Y.Doc();
    const id = addNode(a, { id: "act", kind: "activity", title: "Teachers share intentions" }, "a");
    const b = new Y.Doc();
    syncPair(a, b);
    updateNode(a, id, { kind: "midJourney" }, "a");
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
    updateNode(b, id, { kind: "midJourney" }, "b");
    updateSmart(b, id, { target: { value: 80, date: "2027-05-01" } }, "b");
    syncPair(a, b);
    const smart = readModel(a).nodes[0]?.smart;
    expect(smart?.baseline).toEqual({ value: 20, date: "2026-09-01" });
    expect(smart?.target).toEqual({ value: 80, date: "2027-05-01" });
  });
});

describe("typed mutations refuse bad input with a readable error", () => {
  it("refuses a measurement dated 2026-02-30 and a position that is not a number", () => {
    const doc = docWith(chain());
    expect(() => addMeasurement(doc, "M", { date: "2026-02-30", value: 1 }, "x")).toThrow(
      /This measurement cannot be saved: date must be a date written YYYY-MM-DD/,
    );
    expect(() => moveNode(doc, "M", { x: Number.NaN, y: 0 }, "x")).toThrow(DomainError);
    expect(readModel(doc)).toEqual(canonical(chain()));
  });
});

describe("readModel is deterministic", () => {
  it("reads the same model whatever order the cards were added in", () => {
    const model = coachingTemplate({ firstSchoolYear: 2026 });
    const reversed = {
      ...model,
      nodes: [...model.nodes].reverse(),
      edges: [...model.edges].reverse(),
    };
    expect(JSON.stringify(readModel(docWith(reversed)))).toBe(
      JSON.stringify(readModel(docWith(model))),
    );
  });
});

describe("migrations", () => {
  it("brings a document without a recorded version up to the current layout", () => {
    const doc = docWith(chain());
    metaMap(doc).delete("schemaVersion");
    expect(docSchemaVersion(doc)).toBe(0);
    expect(migrateDoc(doc, "migrate")).toBe(true);
    expect(docSchemaVersion(doc)).toBe(SCHEMA_VERSION);
    expect(migrateDoc(doc, "migrate")).toBe(false);
    expect(readModel(doc)).toEqual(canonical(chain()));
  });

  it("refuses a document from a newer app with a message that says so", () => {
    const doc = docWith(chain());
    metaMap(doc).set("schemaVersion", SCHEMA_VERSION + 1);
    expect(() => migrateDoc(doc, "m")).toThrow(NewerSchemaError);
    expect(() => migrateDoc(doc, "m")).toThrow(/newer version/);
  });

  it("runs file migration steps in order and stamps each version", () => {
    const steps = {
      1: (f: Record<string, unknown>) => ({ ...f, checkIns: [] }),
      2: (f: Record<string, unknown>) => ({ ...f, title: `${f.title} (v3)` }),
    };
    expect(migrateFileObject({ title: "Plan", version: 1 }, 1, steps, 3)).toEqual({
      title: "Plan (v3)",
      version: 3,
      checkIns: [],
    });
    expect(() => migrateFileObject({}, 0, steps, 3)).toThrow(/No file migration from version 0/);
    expect(migrateFileObject({ version: FILE_VERSION }, FILE_VERSION)).toEqual({
      version: FILE_VERSION,
    });
  });
});
