import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  decideCycle,
  loadModel,
  modelFileOfDocs,
  nodesMap,
  parseModelFile,
  readModel,
  readPurpose,
  replaceModel,
  saveCheck,
  saveDo,
  savePlan,
  setPurpose,
  startCycle,
} from "../src/index.ts";
import { chain } from "./support/models.ts";
import { syncPair } from "./support/peers.ts";

/** Issue 17: PDCA cycles and mission, vision, values in the graph document and the file. */

function docOf(model = chain()): Y.Doc {
  const doc = new Y.Doc();
  loadModel(doc, model, "test");
  return doc;
}

const cyclesOfGoal = (doc: Y.Doc, id: string) =>
  readModel(doc).nodes.find((n) => n.id === id)?.cycles;

describe("cycles in the document", () => {
  it("runs a cycle through its phases and refuses a second one before the decision", () => {
    const doc = docOf();
    const id = startCycle(doc, "M", "2026-09-15", "me");
    savePlan(doc, "M", id, { what: "Exit tickets", until: "2026-11-01" }, "me");
    saveDo(doc, "M", id, { activities: ["A", "A"] }, "me");
    saveCheck(doc, "M", id, { date: "2026-11-15" }, "me");
    expect(() => startCycle(doc, "M", "2026-09-20", "me")).toThrow(/no decision yet/);
    expect(() =>
      decideCycle(doc, "M", id, { decision: "adapt", reason: "x" }, "2026-10-01", "me"),
    ).toThrow(/Check comes first/);
    decideCycle(doc, "M", id, { decision: "adapt", reason: "Shorter" }, "2026-11-16", "me");
    expect(cyclesOfGoal(doc, "M")).toEqual([
      {
        id,
        plan: { what: "Exit tickets", until: "2026-11-01", started: "2026-09-15" },
        do: { activities: ["A"] },
        check: { date: "2026-11-15" },
        act: { decision: "adapt", reason: "Shorter", decided: "2026-11-16" },
      },
    ]);
    const next = startCycle(doc, "M", "2026-11-17", "me");
    expect(cyclesOfGoal(doc, "M")?.[1]).toEqual({
      id: next,
      plan: { what: "Exit tickets", started: "2026-11-17" },
      do: { activities: ["A"] },
    });
  });

  it("refuses cycles on inputs and activities, and a check before the start", () => {
    const doc = docOf();
    expect(() => startCycle(doc, "A", "2026-09-15", "me")).toThrow(/Only goals/);
    const id = startCycle(doc, "S", "2026-09-15", "me");
    expect(() => saveCheck(doc, "S", id, { date: "2026-09-01" }, "me")).toThrow(/before/);
    expect(() => savePlan(doc, "S", id, { what: "x".repeat(2001) }, "me")).toThrow(/2,000/);
  });

  it("keeps two people's different phases saved at once, the same on both peers", () => {
    const a = docOf();
    const b = new Y.Doc();
    syncPair(a, b);
    const id = startCycle(a, "M", "2026-09-15", "a");
    syncPair(a, b);
    savePlan(a, "M", id, { what: "Peer feedback", until: "2026-10-30" }, "a");
    saveCheck(b, "M", id, { date: "2026-11-15" }, "b");
    syncPair(a, b);
    const cycle = cyclesOfGoal(a, "M")?.[0];
    expect(cycle?.plan?.what).toBe("Peer feedback");
    expect(cycle?.check?.date).toBe("2026-11-15");
    expect(cyclesOfGoal(b, "M")).toEqual(cyclesOfGoal(a, "M"));
  });

  it("creates the cycle log with every card, so a later cycle never creates a nested type", () => {
    const doc = docOf();
    for (const map of nodesMap(doc).values()) expect(map.get("cycles")).toBeInstanceOf(Y.Array);
  });
});

describe("mission, vision and values", () => {
  it("are set, cleared and refused when too long", () => {
    const doc = docOf();
    setPurpose(doc, { mission: " Every learner ", values: ["Curiosity", " ", "Care"] }, "me");
    expect(readPurpose(doc)).toEqual({ mission: "Every learner", values: ["Curiosity", "Care"] });
    setPurpose(doc, { vision: "A school where…" }, "me");
    expect(readPurpose(doc).mission).toBe("Every learner");
    setPurpose(doc, { mission: "" }, "me");
    expect(readPurpose(doc)).toEqual({ vision: "A school where…", values: ["Curiosity", "Care"] });
    expect(() => setPurpose(doc, { mission: "m".repeat(2001) }, "me")).toThrow(/2,000/);
    expect(() => setPurpose(doc, { values: Array(13).fill("v") }, "me")).toThrow(/12 values/);
  });
});

describe("the file carries cycles and mission, vision, values", () => {
  it("round-trips document → file → document exactly", () => {
    const doc = docOf();
    setPurpose(doc, { mission: "M", vision: "V", values: ["One", "Two"] }, "me");
    const id = startCycle(doc, "S", "2026-09-15", "me");
    savePlan(doc, "S", id, { what: "Try", until: "2026-10-01" }, "me");
    saveCheck(doc, "S", id, { date: "2026-10-02", findings: "Up 5" }, "me");
    decideCycle(doc, "S", id, { decision: "adopt", reason: "Works" }, "2026-10-03", "me");
    startCycle(doc, "S", "2026-10-04", "me");
    const file = modelFileOfDocs(doc, new Y.Doc());
    expect(file.mission).toBe("M");
    const parsed = parseModelFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.model).toEqual(readModel(doc));
    const copy = docOf(parsed.model);
    expect(readModel(copy)).toEqual(readModel(doc));
    replaceModel(copy, { ...parsed.model, mission: undefined, nodes: chain().nodes }, "me");
    expect(readModel(copy).mission).toBeUndefined();
    expect(cyclesOfGoal(copy, "S")).toBeUndefined();
  });

  it("refuses a file with a bad decision, cycles on an activity, or too many values", () => {
    const file = JSON.parse(JSON.stringify(modelFileOfDocs(docOf(), new Y.Doc())));
    file.nodes[1].cycles = [{ id: "c1" }];
    file.nodes[2].cycles = [{ id: "c2", act: { decision: "maybe", reason: "" } }];
    file.values = Array(13).fill("v");
    const parsed = parseModelFile(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    const text = parsed.ok ? "" : parsed.errors.map((e) => `${e.path} ${e.message}`).join("\n");
    expect(text).toMatch(/nodes\[1\]\.cycles .*PDCA cycles/);
    expect(text).toMatch(/decision must be one of adopt, adapt, abandon/);
    expect(text).toMatch(/values .*12 values/);
  });
});
