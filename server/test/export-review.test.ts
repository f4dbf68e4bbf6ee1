import {
  addCheckIn,
  castVote,
  type ModelFile,
  readCheckIns,
  readReview,
  startThread,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import {
  api,
  authorOf,
  connect,
  createModel,
  person,
  sessionToken,
  synced,
  useTestServer,
} from "../../tests/support/index.ts";

const server = useTestServer();

const ana = person("Ana");

async function exportFile(modelId: string, token: string): Promise<ModelFile> {
  const response = await api(server.url, `/api/models/${modelId}/export`, { token });
  expect(response.status).toBe(200);
  return (await response.json()) as ModelFile;
}

describe("comments, votes and check-ins in the model file", () => {
  it("exports them, and an import of that file brings them back", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const review = connect(server, `${model.id}/review`, sessionToken(model.tokens.commenter, ana));
    const graph = connect(server, model.id, sessionToken(model.tokens.editor, ana));
    await Promise.all([synced(review), synced(graph)]);
    startThread(
      review.doc,
      {
        anchor: { kind: "model" },
        type: "celebration",
        text: "Great start!",
        author: authorOf(ana, "commenter"),
      },
      "l",
    );
    castVote(
      review.doc,
      { target: "mastery", level: 5, note: "Yes", author: authorOf(ana, "commenter") },
      "l",
    );
    addCheckIn(graph.doc, "2027-01-15", "l");
    await Promise.all([synced(review), synced(graph)]);

    const file = await exportFile(model.id, model.tokens.viewer);
    expect(file.checkIns).toEqual(["2027-01-15"]);
    expect(file.review?.threads.map((t) => [t.type, t.messages[0]?.text, t.author.name])).toEqual([
      ["celebration", "Great start!", "Ana"],
    ]);
    expect(file.review?.votes.map((v) => [v.target, v.level, v.note, v.author.name])).toEqual([
      ["mastery", 5, "Yes", "Ana"],
    ]);

    const imported = await createModel(server.url, file);
    const again = await exportFile(imported.id, imported.tokens.owner);
    expect(again.review).toEqual(file.review);
    expect(again.checkIns).toEqual(file.checkIns);
    expect(again.nodes).toEqual(file.nodes);

    // Connected clients see the imported comments and check-ins in the live documents.
    const importedReview = connect(server, `${imported.id}/review`, imported.tokens.viewer);
    const importedGraph = connect(server, imported.id, imported.tokens.viewer);
    await Promise.all([synced(importedReview), synced(importedGraph)]);
    expect(readReview(importedReview.doc)).toEqual(file.review);
    expect(readCheckIns(importedGraph.doc)).toEqual(["2027-01-15"]);

    // The model file of a version carries them too.
    const saved = await api(server.url, `/api/models/${model.id}/versions`, {
      method: "POST",
      token: model.tokens.editor,
      body: JSON.stringify({ label: "With comments" }),
    });
    const version = (await saved.json()) as { id: string };
    const versionFile = (await (
      await api(server.url, `/api/models/${model.id}/versions/${version.id}`, {
        token: model.tokens.viewer,
      })
    ).json()) as ModelFile;
    expect(versionFile.review).toEqual(file.review);
    expect(versionFile.checkIns).toEqual(["2027-01-15"]);
    for (const c of [review, graph, importedReview, importedGraph]) c.destroy();
  });

  it("refuses a file whose comments are malformed, saying where", async () => {
    const model = await createModel(server.url);
    const file = await exportFile(model.id, model.tokens.owner);
    const bad = {
      ...file,
      review: { threads: [{ id: "t1", type: "rant" }], votes: [] },
    };
    const response = await api(server.url, "/api/models", {
      method: "POST",
      body: JSON.stringify(bad),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details.some((d) => d.path.startsWith("review.threads[0]"))).toBe(true);
  });
});
