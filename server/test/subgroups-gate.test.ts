import {
  addMeasurement,
  addNode,
  addSubgroup,
  measurementsOf,
  nodesMap,
  readModel,
  setSubgroupValue,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
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
 * Issue 18 through the write gate: a goal's subgroups and their measurements. An editor's valid
 * writes reach a viewer; a hostile subgroup list (too many, names too long or repeated, on an
 * activity) or a measurement naming a malformed subgroup is refused in words and reaches nobody.
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

describe("valid subgroup writes are accepted and relayed", () => {
  it("relays subgroups, their baseline and their measurements, and the export carries them", async () => {
    const { model, writer, watcher } = await editorAndViewer("Subgroups accepted");
    const goal = addNode(writer.doc, { kind: "longTerm", title: "Reading at grade level" }, "t");
    const el = addSubgroup(writer.doc, goal, "English learners", "t");
    setSubgroupValue(writer.doc, goal, el, "baseline", { value: 30, date: "2026-09-01" }, "t");
    addMeasurement(writer.doc, goal, { date: "2026-10-01", value: 34, subgroup: el }, "t");
    await acknowledged(writer);
    await waitFor(
      () => readModel(watcher.doc).nodes[0]?.measurements?.length === 1,
      "the measurement to arrive",
    );
    const read = readModel(watcher.doc).nodes[0];
    expect(read?.subgroups).toEqual([
      { id: el, name: "English learners", baseline: { value: 30, date: "2026-09-01" } },
    ]);
    expect(read?.measurements).toEqual([{ date: "2026-10-01", value: 34, subgroup: el }]);
    expect(writer.closes).toEqual([]);
    const response = await api(server.url, `/api/models/${model.id}/export`, {
      token: model.tokens.viewer,
    });
    const file = (await response.json()) as { version: number; nodes: { subgroups?: unknown }[] };
    expect(file.version).toBe(2);
    expect(file.nodes[0]?.subgroups).toEqual(read?.subgroups);
    writer.destroy();
    watcher.destroy();
  });
});

describe("hostile subgroup writes are refused in words", () => {
  const card = (doc: Y.Doc, id: string) => nodesMap(doc).get(id) as Y.Map<unknown>;
  const named = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `G${i}` }));
  const cases: [string, (doc: Y.Doc, ids: Record<string, string>) => void, RegExp][] = [
    [
      "13 subgroups",
      (d, ids) => card(d, ids.goal as string).set("subgroups", named(13)),
      /at most 12 subgroups/,
    ],
    [
      "5,000 subgroups",
      (d, ids) => card(d, ids.goal as string).set("subgroups", named(5_000)),
      /at most 12 subgroups/,
    ],
    [
      "a name of 1 MB",
      (d, ids) =>
        card(d, ids.goal as string).set("subgroups", [{ id: "s", name: "x".repeat(1e6) }]),
      /at most 80 characters/,
    ],
    [
      "two subgroups of the same name",
      (d, ids) =>
        card(d, ids.goal as string).set("subgroups", [
          { id: "a", name: "English learners" },
          { id: "b", name: "english learners " },
        ]),
      /repeats the subgroup name/,
    ],
    [
      "subgroups on an activity",
      (d, ids) => card(d, ids.activity as string).set("subgroups", named(1)),
      /only goals/,
    ],
    [
      "a measurement naming a subgroup by a malformed id",
      (d, ids) =>
        measurementsOf(card(d, ids.goal as string))?.push([
          { date: "2026-10-01", value: 3, subgroup: "<script>" },
        ]),
      /measurements: an entry must be 1 to 64 letters/,
    ],
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
      expect(read.nodes.every((n) => n.subgroups === undefined)).toBe(true);
      expect(read.nodes.every((n) => n.measurements === undefined)).toBe(true);
      writer.destroy();
      watcher.destroy();
    });
  }
});
