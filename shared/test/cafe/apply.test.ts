import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  applyProposalChange,
  type CafeSession,
  coachingTemplate,
  createCafe,
  describeChange,
  loadCafes,
  loadModel,
  modelFileOfDocs,
  parseModelFile,
  readCafes,
  readModel,
  writeCafeEntry,
} from "../../src/index.ts";

function template(): Y.Doc {
  const doc = new Y.Doc();
  loadModel(doc, coachingTemplate({ firstSchoolYear: 2026 }), "load");
  return doc;
}

describe("applying an accepted proposal", () => {
  it("changes one card field in one transaction", () => {
    const graph = template();
    const card = readModel(graph).nodes.find((n) => n.kind === "midJourney");
    if (!card) throw new Error("the template has mid-journey goals");
    let transactions = 0;
    graph.on("afterTransaction", () => {
      transactions += 1;
    });
    const change = { kind: "target" as const, cardId: card.id, value: 75, date: "2027-06-01" };
    expect(applyProposalChange(graph, change, "cafe")).toEqual({ ok: true, cardId: card.id });
    expect(transactions).toBe(1);
    const after = readModel(graph).nodes.find((n) => n.id === card.id);
    expect(after?.smart?.target).toEqual({ value: 75, date: "2027-06-01" });
    expect(describeChange(change, readModel(graph))).toContain("to 75 by 2027-06-01");
  });

  it("adds a card in its lane below the others and removes a link", () => {
    const graph = template();
    const before = readModel(graph);
    const added = applyProposalChange(
      graph,
      { kind: "newCard", cardKind: "activity", title: "Family reading nights" },
      "cafe",
    );
    if (!added.ok || !added.cardId) throw new Error("added");
    const model = readModel(graph);
    const card = model.nodes.find((n) => n.id === added.cardId);
    const lowest = Math.max(
      ...before.nodes.filter((n) => n.kind === "activity").map((n) => n.position?.y ?? 0),
    );
    expect(card?.position?.y).toBeGreaterThan(lowest);
    const edge = model.edges[0];
    if (!edge) throw new Error("edges");
    expect(applyProposalChange(graph, { kind: "removeLink", edgeId: edge.id }, "cafe").ok).toBe(
      true,
    );
    expect(readModel(graph).edges.some((e) => e.id === edge.id)).toBe(false);
  });

  it("refuses in words a change to a card that is gone or is not a goal", () => {
    const graph = template();
    const activity = readModel(graph).nodes.find((n) => n.kind === "activity");
    expect(
      applyProposalChange(graph, { kind: "title", cardId: "gone", title: "x" }, "cafe"),
    ).toEqual({ ok: false, message: "That card is no longer in the model." });
    const refused = applyProposalChange(
      graph,
      { kind: "indicator", cardId: activity?.id ?? "", indicator: "x" },
      "cafe",
    );
    expect(refused.ok).toBe(false);
    expect(refused.ok ? "" : refused.message).toMatch(/is not a goal/);
  });
});

describe("the session's record in the review document and the model file", () => {
  const session: CafeSession = {
    id: "cafe1",
    title: "Spring revisit",
    prompts: ["What works?"],
    minutes: 90,
    tables: [{ id: "t1", name: "Oak" }],
    phase: "closed",
    round: 1,
    createdAt: "2026-12-05T10:00:00.000Z",
    facilitator: { id: "fac", name: "Fran", role: "owner" },
    participants: [
      {
        person: { id: "p1", name: "Pat", role: "commenter" },
        table: "t1",
        joinedAt: "2026-12-05T10:01:00.000Z",
      },
    ],
    notes: [
      {
        id: "n1",
        table: "t1",
        round: 1,
        tag: "celebration",
        text: "Coaching works",
        author: { id: "p1", name: "Pat", role: "commenter" },
        at: "2026-12-05T10:05:00.000Z",
        theme: "th1",
      },
    ],
    themes: [{ id: "th1", title: "Coaching", createdAt: "2026-12-05T11:00:00.000Z" }],
    proposals: [
      {
        id: "r1",
        theme: "th1",
        reason: "Coaching",
        change: { kind: "newCard", cardKind: "activity", title: "More coaching" },
        status: "rejected",
        createdAt: "2026-12-05T11:05:00.000Z",
        decidedAt: "2026-12-05T11:10:00.000Z",
        votes: [],
      },
    ],
  };

  it("reads back what was written, exports it and imports it losslessly", () => {
    const review = new Y.Doc();
    loadCafes(review, [session], "load");
    expect(readCafes(review)).toEqual([session]);
    const file = modelFileOfDocs(template(), review);
    expect(file.cafes).toEqual([session]);
    const parsed = parseModelFile(JSON.parse(JSON.stringify(file)));
    expect(parsed.ok && parsed.file.cafes).toEqual([session]);
    // A model without sessions writes no field, as a version-1 file had none.
    expect("cafes" in modelFileOfDocs(template(), new Y.Doc())).toBe(false);
  });

  it("skips and lists an entry it cannot read instead of failing the export", () => {
    const review = new Y.Doc();
    const { participants: _p, notes: _n, themes: _t, proposals: _r, ...head } = session;
    createCafe(review, head, "x");
    writeCafeEntry(review, "cafe1", "n", "bad", { ...session.notes[0], tag: "rant" } as never, "x");
    const skipped: string[] = [];
    expect(readCafes(review, skipped)[0]?.notes).toEqual([]);
    expect(skipped).toEqual(["café entry n:bad cannot be read"]);
  });
});
