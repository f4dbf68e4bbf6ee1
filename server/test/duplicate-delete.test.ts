import { addCheckIn, castVote, type ModelFile, startThread } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import {
  api,
  authorOf,
  connect,
  createModel,
  person,
  sessionToken,
  synced,
  tokenOf,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";

const server = useTestServer();
const ana = person("Ana");

async function exportFile(modelId: string, token: string): Promise<ModelFile> {
  const response = await api(server.url, `/api/models/${modelId}/export`, { token });
  expect(response.status).toBe(200);
  return (await response.json()) as ModelFile;
}

/** A coaching model with a comment, a vote, a check-in date and a named version. */
async function reviewedModel() {
  const model = await createModel(server.url, { template: "coaching" });
  const review = connect(server, `${model.id}/review`, sessionToken(model.tokens.commenter, ana));
  const graph = connect(server, model.id, sessionToken(model.tokens.editor, ana));
  await Promise.all([synced(review), synced(graph)]);
  const author = authorOf(ana, "commenter");
  startThread(review.doc, { anchor: { kind: "model" }, type: "idea", text: "Hi", author }, "l");
  castVote(review.doc, { target: "mastery", level: 4, note: "", author }, "l");
  addCheckIn(graph.doc, "2027-01-15", "l");
  await Promise.all([synced(review), synced(graph)]);
  const saved = await api(server.url, `/api/models/${model.id}/versions`, {
    method: "POST",
    token: model.tokens.editor,
    body: JSON.stringify({ label: "Draft 1" }),
  });
  expect(saved.status).toBe(201);
  review.destroy();
  graph.destroy();
  return model;
}

describe("duplicating a model", () => {
  it("copies the content with no review history, and gives the editor owner links", async () => {
    const model = await reviewedModel();
    const response = await api(server.url, `/api/models/${model.id}/duplicate`, {
      method: "POST",
      token: model.tokens.editor,
    });
    expect(response.status).toBe(201);
    const copy = (await response.json()) as { id: string; title: string; links: { owner: string } };
    expect(copy.id).not.toBe(model.id);
    expect(copy.title).toBe("Coaching for self-assessment (copy)");
    const ownerToken = tokenOf(copy.links.owner);
    const info = await api(server.url, `/api/models/${copy.id}`, { token: ownerToken });
    expect(((await info.json()) as { role: string }).role).toBe("owner");

    const original = await exportFile(model.id, model.tokens.owner);
    const copied = await exportFile(copy.id, ownerToken);
    expect(copied.nodes).toEqual(original.nodes);
    expect(copied.edges).toEqual(original.edges);
    expect(copied.masteryGoal).toEqual(original.masteryGoal);
    expect(copied.checkIns).toEqual(["2027-01-15"]);
    expect(copied.review ?? { threads: [], votes: [] }).toEqual({ threads: [], votes: [] });
    const versions = await api(server.url, `/api/models/${copy.id}/versions`, {
      token: ownerToken,
    });
    expect(((await versions.json()) as { versions: unknown[] }).versions).toEqual([]);
    const activity = await api(server.url, `/api/models/${copy.id}/activity`, {
      token: ownerToken,
    });
    expect(((await activity.json()) as { entries: unknown[] }).entries).toEqual([]);
  });

  it("is refused to commenters and viewers, in words", async () => {
    const model = await createModel(server.url);
    for (const role of ["commenter", "viewer"] as const) {
      const response = await api(server.url, `/api/models/${model.id}/duplicate`, {
        method: "POST",
        token: model.tokens[role],
      });
      expect(response.status).toBe(403);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toContain("editor role or higher");
    }
  });
});

describe("deleting a model", () => {
  it("is the owner's alone; it removes every document and closes connected people", async () => {
    const model = await reviewedModel();
    const refused = await api(server.url, `/api/models/${model.id}`, {
      method: "DELETE",
      token: model.tokens.editor,
    });
    expect(refused.status).toBe(403);

    const viewer = connect(server, model.id, model.tokens.viewer);
    await synced(viewer);
    const deleted = await api(server.url, `/api/models/${model.id}`, {
      method: "DELETE",
      token: model.tokens.owner,
    });
    expect(deleted.status).toBe(204);
    await waitFor(() => viewer.closes.some((r) => r.startsWith("model-deleted")));
    viewer.destroy();
    expect(await server.store.getModel(model.id)).toBeUndefined();
    expect(await server.store.loadDocument(model.id)).toBeUndefined();
    expect(await server.store.loadDocument(`${model.id}/review`)).toBeUndefined();
    expect(await server.store.listVersions(model.id)).toEqual([]);
    expect(await server.store.listActivity(model.id, { limit: 10 })).toEqual([]);
    expect(await server.store.listLinks(model.id)).toEqual([]);
  });
});
