import {
  type AlignableAnswer,
  type AlignmentContextAnswer,
  type AlignmentMapAnswer,
  cascadePaths,
  type MapNodeView,
  nodesMap,
  type RollupAnswer,
  toModelFile,
} from "@logic-canvas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  connect,
  exportModel,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
} from "../support/index.ts";
import { call } from "../support/workspaces.ts";
import { buildCascadeWorld, type CascadeWorld, getJson, goal, putNodes } from "./cascade-world.ts";

/** The goals cascade over HTTP and the write gate: who may align to what, and what each sees. */

let server: TestServer;
let w: CascadeWorld;
beforeAll(async () => {
  server = await startTestServer();
  w = await buildCascadeWorld(server);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const titles = (nodes: MapNodeView[]): string[] =>
  nodes.flatMap((n) => [n.title, ...titles(n.children)]);

describe("aligning a goal", () => {
  it("offers the goals above that the person may see, and no others", async () => {
    const answer = await getJson<AlignableAnswer>(
      w.url,
      cascadePaths.alignable(w.models.G3.id, "T3"),
      w.tess,
    );
    const offered = answer.goals.map((g) => g.title);
    expect(offered).toEqual(["Lincoln reading proficiency", "District reading proficiency"]);
    expect(answer.goals[0]).toMatchObject({ aligned: true, workspaceName: "Lincoln Elementary" });
    expect(offered).not.toContain("Roosevelt math");
  });

  it("refuses, over HTTP, an alignment to a goal the person may not see", async () => {
    const refused = await call(w.url, cascadePaths.alignments(w.models.G3.id, "T3"), {
      method: "PUT",
      cookie: w.tess,
      body: { alignsTo: [{ modelId: w.models.RM.id, cardId: "R1" }] },
    });
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/no goal R1 of model .* that you may see/);
    expect(body.error.message).not.toContain("Roosevelt");
  });

  it("sets an alignment with a note over HTTP, and the card shows where it aligns up to", async () => {
    const ok = await call(w.url, cascadePaths.alignments(w.models.G1.id, "T1"), {
      method: "PUT",
      cookie: w.admin,
      body: {
        alignsTo: [
          { modelId: w.models.SM.id, cardId: "S1", note: "our 80 students' share" },
          { modelId: w.models.DM.id, cardId: "D1" },
        ],
      },
    });
    expect(ok.status).toBe(200);
    const context = (await ok.json()) as AlignmentContextAnswer;
    expect(context.cards[0]?.up).toMatchObject([
      { title: "Lincoln reading proficiency", note: "our 80 students' share", broken: null },
      { title: "District reading proficiency", broken: null, status: "not-measured" },
    ]);
    const school = await getJson<AlignmentContextAnswer>(
      w.url,
      cascadePaths.context(w.models.SM.id),
      w.admin,
    );
    expect(school.cards[0]?.alignedFromBelow).toBe(2);
  });

  it("refuses hostile alignments in words", async () => {
    const cases: [unknown, RegExp][] = [
      [[{ modelId: "not-a-model", cardId: "S1" }], /model id/],
      [[{ modelId: w.models.SM.id, cardId: "S1", note: "x".repeat(501) }], /at most 500/],
      [
        Array.from({ length: 11 }, (_, i) => ({ modelId: w.models.SM.id, cardId: `c${i}` })),
        /at most 10 goals/,
      ],
      [[{ modelId: w.models.SM.id, cardId: "S1", extra: 1 }], /extra/i],
      ["S1", /list/],
    ];
    for (const [alignsTo, words] of cases) {
      const response = await call(w.url, cascadePaths.alignments(w.models.G3.id, "T3"), {
        method: "PUT",
        cookie: w.admin,
        body: { alignsTo },
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(words);
    }
  });

  it("the write gate refuses a client's alignment to a goal the writer may not see, and keeps one it may", async () => {
    const client = connect(server, w.models.G3.id, "", new Y.Doc(), w.tess);
    await synced(client);
    const card = nodesMap(client.doc).get("T3") as Y.Map<unknown>;
    card.set("alignsTo", [{ modelId: w.models.RM.id, cardId: "R1" }]);
    await waitFor(() => client.closes.length > 0, "the refusal");
    expect(client.closes.join(" ")).toMatch(/refused a change: .*that you may see/);
    client.destroy();
    expect(await storedAlignments(w.models.G3, "T3")).toEqual([
      { modelId: w.models.SM.id, cardId: "S1" },
    ]);

    const again = connect(server, w.models.G3.id, "", new Y.Doc(), w.tess);
    await synced(again);
    const same = nodesMap(again.doc).get("T3") as Y.Map<unknown>;
    same.set("alignsTo", [
      { modelId: w.models.SM.id, cardId: "S1" },
      { modelId: w.models.DM.id, cardId: "D1", note: "and the district's" },
    ]);
    await waitFor(() => again.provider.unsyncedChanges === 0, "the acknowledgement");
    expect(await storedAlignments(w.models.G3, "T3")).toHaveLength(2);
    // Hostile values are refused by the same schema, in words.
    same.set("alignsTo", "everything");
    await waitFor(() => again.closes.length > 0, "the refusal of a hostile value");
    expect(again.closes.join(" ")).toMatch(/list of goals it aligns to/);
    again.destroy();
  });
});

/** The stored alignments of a card, read back through the model file export. */
async function storedAlignments(model: { id: string; tokens: { owner: string } }, cardId: string) {
  const file = (await exportModel(server.url, model.id, model.tokens.owner)) as unknown as {
    nodes: { id: string; alignsTo?: unknown }[];
  };
  return file.nodes.find((n) => n.id === cardId)?.alignsTo;
}

describe("the map, the roll-up and progress", () => {
  it("shows the district admin the whole cascade with the students arithmetic and the 84 % trap", async () => {
    const map = await getJson<AlignmentMapAnswer>(
      w.url,
      cascadePaths.map(w.ws.district, { open: true }),
      w.admin,
    );
    const d1 = map.roots.find((n) => n.cardId === "D1");
    expect(d1?.children.map((c) => c.title)).toContain("Lincoln reading proficiency");
    const s1 = d1?.children.find((c) => c.cardId === "S1");
    expect(s1?.children.map((c) => c.workspaceName).sort()).toEqual([
      "Grade 1 team",
      "Grade 3 team",
    ]);
    expect(s1?.rollupSentence).toBe(
      "The two team goals' targets add up to 129 of the 240 students the school goal needs: 111 short; none is measured yet, so they stand at their baselines, 121.",
    );
    const g3 = s1?.children.find((c) => c.cardId === "T3");
    expect(g3?.warnings.map((x) => x.code)).toContain("cascade-child-not-rising");
    expect(g3?.needsAttention).toBe(true);
    const attention = await getJson<AlignmentMapAnswer>(
      w.url,
      cascadePaths.map(w.ws.district, { attention: true }),
      w.admin,
    );
    expect(titles(attention.roots)).toContain("Grade 3 reads");
    // The district's goal is there as the context of what needs attention below it.
    expect(attention.roots.find((n) => n.cardId === "D1")?.matches).toBe(false);
  });

  it("sends the map in parts: the school level first, a school goal's teams when opened", async () => {
    const map = await getJson<AlignmentMapAnswer>(w.url, cascadePaths.map(w.ws.district), w.admin);
    const s1 = map.roots.find((n) => n.cardId === "D1")?.children.find((c) => c.cardId === "S1");
    expect(s1?.children).toEqual([]);
    expect(s1?.folded).toMatchObject({ total: 2, attention: 1 });
    // Goals aligned to nothing come a page at a time, from `more`.
    expect(map.unalignedTotal).toBe(map.unaligned.length);
    expect(map.unalignedNext).toBeNull();
    const rest = await getJson<AlignmentMapAnswer>(
      w.url,
      cascadePaths.map(w.ws.district, { more: 1 }),
      w.admin,
    );
    expect(rest.unaligned.map((n) => n.cardId)).toEqual(
      map.unaligned.slice(1).map((n) => n.cardId),
    );
    const under = await getJson<AlignmentMapAnswer>(
      w.url,
      cascadePaths.map(w.ws.district, { under: `${w.models.SM.id}:S1` }),
      w.admin,
    );
    expect(under.roots.map((n) => n.cardId)).toEqual(["S1"]);
    expect(under.roots[0]?.children.map((c) => c.title).sort()).toEqual([
      "Grade 1 reads",
      "Grade 3 reads",
    ]);
    for (const [query, status, words] of [
      [`under=${w.models.RM.id}:nope`, 404, "This map has no such goal"],
      ["under=nonsense", 400, "under must name a goal of the map as modelId:cardId"],
      ["more=-1", 400, "more must be 0 or more"],
      ["attention=maybe", 400, "attention must be 1 or 0"],
    ] as const) {
      const refused = await call(w.url, `${cascadePaths.map(w.ws.district)}?${query}`, {
        cookie: w.admin,
      });
      expect(refused.status).toBe(status);
      expect(await refused.text()).toContain(words);
    }
  });

  it("shows only what the person may see", async () => {
    const map = await getJson<AlignmentMapAnswer>(w.url, cascadePaths.map(w.ws.district), w.otto);
    const seen = [...titles(map.roots), ...titles(map.unaligned)];
    expect(seen).toContain("District reading proficiency");
    expect(seen).not.toContain("Lincoln reading proficiency");
    expect(seen).not.toContain("Grade 3 reads");
    expect(JSON.stringify(map)).not.toContain(w.models.SM.id);
    // A roll-up counts what Otto may not see, and names none of it.
    const rollup = await getJson<RollupAnswer>(
      w.url,
      cascadePaths.rollup(w.models.DM.id, "D1"),
      w.otto,
    );
    expect(rollup.children).toEqual([]);
    // Lincoln's goal, and the two grade goals aligned straight to the district's above.
    expect(rollup.hiddenChildren).toBe(3);
    const outside = await call(w.url, cascadePaths.map(w.ws.lincoln), { cookie: w.otto });
    expect(outside.status).toBe(404);
  });

  it("keeps an alignment to a deleted goal and reports it broken", async () => {
    await putNodes(w.url, w.models.DM, "District plan", []);
    const context = await getJson<AlignmentContextAnswer>(
      w.url,
      cascadePaths.context(w.models.SM.id),
      w.admin,
    );
    expect(context.cards[0]?.up[0]).toMatchObject({
      cardId: "D1",
      broken: "goal-deleted",
      title: null,
    });
    const map = await getJson<AlignmentMapAnswer>(w.url, cascadePaths.map(w.ws.district), w.admin);
    const s1 = map.unaligned.find((n) => n.cardId === "S1");
    expect(s1?.broken).toEqual([{ modelId: w.models.DM.id, cardId: "D1", reason: "goal-deleted" }]);
    expect(s1?.warnings.map((x) => x.code)).toContain("cascade-alignment-broken");
    await putNodes(w.url, w.models.DM, "District plan", [
      goal("D1", "District reading proficiency", {
        unit: "percent",
        baseline: 70,
        target: 80,
        cohortSize: 1000,
      }),
    ]);
  });

  it("refuses a model file that aligns to a goal its sender may not see", async () => {
    const hostile = await call(w.url, `/api/models/${w.models.G3.id}/content`, {
      method: "PUT",
      cookie: w.tess,
      body: toModelFile({
        title: "Grade 3 plan",
        masteryGoal: "",
        nodes: [
          goal(
            "T3",
            "Grade 3 reads",
            { unit: "percent", baseline: 84, target: 88, cohortSize: 80 },
            [{ modelId: w.models.RM.id, cardId: "R1" }],
          ),
        ],
        edges: [],
      }),
    });
    expect(hostile.status).toBe(403);
    expect(await hostile.text()).toMatch(
      /cannot be saved: there is no goal R1 .* that you may see/,
    );
  });
});
