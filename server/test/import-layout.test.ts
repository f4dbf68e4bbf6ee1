import { estimateCardSize, type ModelFile } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { api, createModel, useTestServer } from "../../tests/support/index.ts";

const server = useTestServer();

async function exportFile(modelId: string, token: string): Promise<ModelFile> {
  const response = await api(server.url, `/api/models/${modelId}/export`, { token });
  expect(response.status).toBe(200);
  return (await response.json()) as ModelFile;
}

/** Pairs of cards of one lane whose boxes (at their estimated height) overlap. */
function overlaps(file: ModelFile): string[] {
  const found: string[] = [];
  for (const [i, a] of file.nodes.entries())
    for (const b of file.nodes.slice(i + 1)) {
      if (a.kind !== b.kind) continue;
      const [top, below] = (a.position?.y ?? 0) <= (b.position?.y ?? 0) ? [a, b] : [b, a];
      if ((below.position?.y ?? 0) < (top.position?.y ?? 0) + estimateCardSize(top).height)
        found.push(`${a.id} × ${b.id}`);
    }
  return found;
}

const nodes = [
  { id: "I1", kind: "input", title: "Coaches" },
  { id: "I2", kind: "input", title: "Time for guided reading" },
  { id: "A1", kind: "activity", title: "Book clubs", position: { x: 360, y: 40 } },
  { id: "A2", kind: "activity", title: "Parent evenings", position: { x: 360, y: 40 } },
  { id: "S1", kind: "smallWin", title: "Reading fluency" },
];

describe("a file whose cards have no place gets one on the server", () => {
  it("places cards without positions, or on top of each other, in their lanes, for a new model and a replaced one", async () => {
    const file = {
      format: "logic-model",
      version: 1,
      title: "Unplaced",
      masteryGoal: "",
      nodes,
      edges: [],
    };
    const created = await createModel(server.url, file);
    const placed = await exportFile(created.id, created.tokens.viewer);
    expect(placed.nodes.every((n) => n.position)).toBe(true);
    expect(overlaps(placed)).toEqual([]);

    const replaced = await api(server.url, `/api/models/${created.id}/content`, {
      method: "PUT",
      token: created.tokens.editor,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...file, title: "Replaced" }),
    });
    expect(replaced.status).toBe(200);
    const again = await exportFile(created.id, created.tokens.viewer);
    expect(again.title).toBe("Replaced");
    expect(overlaps(again)).toEqual([]);
  });

  it("keeps the positions of a file whose cards each have their own place", async () => {
    const created = await createModel(server.url, { template: "coaching" });
    const exported = await exportFile(created.id, created.tokens.viewer);
    const copy = await createModel(server.url, exported);
    const reimported = await exportFile(copy.id, copy.tokens.viewer);
    expect(reimported.nodes).toEqual(exported.nodes);
  });

  it("answers a broken file with every problem, each in words, with its path", async () => {
    const response = await api(server.url, "/api/models", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        format: "logic-model",
        version: 1,
        title: "t".repeat(501),
        masteryGoal: "",
        nodes: [
          { id: "I1", kind: "input", title: "Coaches" },
          { id: "I1", kind: "goal", title: "Coaches visit classrooms" },
        ],
        edges: [{ id: "e", source: "I1", target: "I1" }],
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; message: string; details: { path: string; text: string }[] };
    };
    expect(body.error.code).toBe("invalid-model-file");
    expect(body.error.message).toBe(
      "This model file cannot be imported (4 problems); nothing was changed.",
    );
    expect(body.error.details.map((d) => [d.path, d.text])).toEqual([
      ["title", "The model's title is 501 characters long; at most 500 are allowed"],
      [
        "nodes[1].kind",
        "Card 2 “Coaches visit classrooms”: the kind “goal” is not one of inputs, activities, small-win goals, mid-journey goals, long-term performance goals",
      ],
      [
        "nodes[1].id",
        "Card 2 “Coaches visit classrooms”: its id “I1” is already the id of card 1; each needs its own",
      ],
      ["edges[0]", "Link 1: “Coaches” cannot link to itself."],
    ]);
  });
});
