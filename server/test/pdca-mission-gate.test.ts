import {
  addNode,
  decideCycle,
  metaMap,
  nodesMap,
  readModel,
  readPurpose,
  saveCheck,
  savePlan,
  setPurpose,
  startCycle,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  acknowledged,
  api,
  connect,
  createModel,
  synced,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";

/**
 * Issue 17 through the write gate: PDCA cycles on goals and the model's mission, vision and
 * values. An editor's valid writes reach a viewer and the revision log names them; hostile values
 * are refused with a reason in words and never reach another reader.
 */

const server = useTestServer();

async function editorAndViewer(title: string) {
  const model = await createModel(server.url, { title });
  const writer = connect(server, model.id, model.tokens.editor);
  const watcher = connect(server, model.id, model.tokens.viewer);
  await synced(writer);
  await synced(watcher);
  return { model, writer, watcher };
}

describe("valid cycles and mission, vision, values are accepted and relayed", () => {
  it("relays a whole cycle and the banner's fields, and logs them in words", async () => {
    const { model, writer, watcher } = await editorAndViewer("PDCA accepted");
    const goal = addNode(
      writer.doc,
      { kind: "midJourney", title: "Teachers share intentions" },
      "t",
    );
    const cycle = startCycle(writer.doc, goal, "2026-09-15", "t");
    savePlan(writer.doc, goal, cycle, { what: "Exit tickets", until: "2026-10-15" }, "t");
    saveCheck(writer.doc, goal, cycle, { date: "2026-10-20", findings: "Up 6 points" }, "t");
    decideCycle(
      writer.doc,
      goal,
      cycle,
      { decision: "adopt", reason: "It works" },
      "2026-10-21",
      "t",
    );
    setPurpose(writer.doc, { mission: "Every learner", vision: "Readers", values: ["Care"] }, "t");
    await acknowledged(writer);
    await waitFor(() => readPurpose(watcher.doc).values?.length === 1, "the values to arrive");
    const read = readModel(watcher.doc).nodes.find((n) => n.id === goal);
    expect(read?.cycles?.[0]?.act).toEqual({
      decision: "adopt",
      reason: "It works",
      decided: "2026-10-21",
    });
    expect(readPurpose(watcher.doc)).toEqual({
      mission: "Every learner",
      vision: "Readers",
      values: ["Care"],
    });
    expect(writer.closes).toEqual([]);
    // The revision log names the saved PDCA phases and the banner's fields.
    const loggedFields = async () => {
      const response = await api(server.url, `/api/models/${model.id}/activity`, {
        token: model.tokens.owner,
      });
      const { entries } = (await response.json()) as {
        entries: { summary: { fields?: string[] } }[];
      };
      return [...new Set(entries.flatMap((e) => e.summary.fields ?? []))].sort();
    };
    await expect
      .poll(loggedFields, { timeout: 10_000 })
      .toEqual(expect.arrayContaining(["cycles", "mission", "values", "vision"]));
    writer.destroy();
    watcher.destroy();
  });
});

describe("the model file carries them through the API", () => {
  it("exports cycles and mission, vision, values, and an import of that file brings them back", async () => {
    const { model, writer, watcher } = await editorAndViewer("PDCA file");
    const goal = addNode(
      writer.doc,
      { kind: "longTerm", title: "80% proficient", position: { x: 1320, y: 40 } },
      "t",
    );
    const cycle = startCycle(writer.doc, goal, "2026-09-15", "t");
    savePlan(writer.doc, goal, cycle, { what: "Tutoring blocks", until: "2026-12-01" }, "t");
    setPurpose(writer.doc, { mission: "Every learner", values: ["Care", "Rigour"] }, "t");
    await acknowledged(writer);
    writer.destroy();
    watcher.destroy();
    const exported = async (id: string, token: string) => {
      const response = await api(server.url, `/api/models/${id}/export`, { token });
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown> & { nodes: { id: string }[] };
    };
    const file = await exported(model.id, model.tokens.viewer);
    expect(file).toMatchObject({ mission: "Every learner", values: ["Care", "Rigour"] });
    expect(file.nodes.find((n) => n.id === goal)).toMatchObject({
      cycles: [{ id: cycle, plan: { what: "Tutoring blocks", until: "2026-12-01" } }],
    });
    const copy = await createModel(server.url, file);
    expect(await exported(copy.id, copy.tokens.owner)).toEqual(file);
  });
});

describe("hostile values are refused in words", () => {
  const goalCycles = (doc: Y.Doc, id: string) =>
    (nodesMap(doc).get(id) as Y.Map<unknown>).get("cycles") as Y.Array<unknown>;
  const cases: [string, (doc: Y.Doc, ids: Record<string, string>) => void, RegExp][] = [
    [
      "a cycle on an activity",
      (d, ids) => goalCycles(d, ids.activity as string).push([{ id: "c1" }]),
      /only goals .* run PDCA cycles/,
    ],
    [
      "a decision that is not adopt, adapt or abandon",
      (d, ids) =>
        goalCycles(d, ids.goal as string).push([
          { id: "c1", act: { decision: "maybe", reason: "" } },
        ]),
      /adopt, adapt, abandon/,
    ],
    [
      "a cycle entry with an unknown key",
      (d, ids) => goalCycles(d, ids.goal as string).push([{ id: "c1", owner: "me" }]),
      /cycles/,
    ],
    [
      "a plan of 3 MB",
      (d, ids) =>
        goalCycles(d, ids.goal as string).push([{ id: "c1", plan: { what: "x".repeat(3e6) } }]),
      /at most 2,000 characters/,
    ],
    [
      "a Check date that is not a date",
      (d, ids) => goalCycles(d, ids.goal as string).push([{ id: "c1", check: { date: "soon" } }]),
      /YYYY-MM-DD/,
    ],
    [
      "a mission of 3 MB",
      (d) => metaMap(d).set("mission", "m".repeat(3e6)),
      /mission must be at most 2,000/,
    ],
    ["a Y.Text vision", (d) => metaMap(d).set("vision", new Y.Text("hi")), /vision/],
    [
      "values that are not a list",
      (d) => metaMap(d).set("values", "Care"),
      /values must be a list/,
    ],
    [
      "thirteen values",
      (d) => metaMap(d).set("values", Array(13).fill("Care")),
      /at most 12 values/,
    ],
    ["a blank value", (d) => metaMap(d).set("values", ["Care", "  "]), /values/],
  ];
  for (const [what, change, pattern] of cases) {
    it(`refuses ${what}`, async () => {
      const { writer, watcher } = await editorAndViewer(`Hostile ${what}`);
      const goal = addNode(writer.doc, { kind: "smallWin", title: "Coaches observe" }, "t");
      const activity = addNode(writer.doc, { kind: "activity", title: "Coaching" }, "t");
      await acknowledged(writer);
      writer.doc.transact(() => change(writer.doc, { goal, activity }));
      await waitFor(() => writer.closes.length > 0, "the writer to be refused");
      expect(writer.closes[0]).toMatch(/^invalid-write: /);
      expect(writer.closes[0]).toMatch(pattern);
      const read = readModel(watcher.doc);
      expect(read.nodes.every((n) => n.cycles === undefined)).toBe(true);
      expect(readPurpose(watcher.doc)).toEqual({});
      expect(goalCycles(watcher.doc, goal).length).toBe(0);
      writer.destroy();
      watcher.destroy();
    });
  }
});
