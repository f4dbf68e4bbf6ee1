import {
  addNode,
  canvasSnapshotPath,
  canvasSnapshotSchema,
  laneX,
  toModelFile,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import {
  api,
  connect,
  createModel,
  synced,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";

/**
 * The canvas's first layer (issue 14): every card's place, kind and title and the links, for
 * whoever may read the model, and for nobody else.
 */
const server = useTestServer();

function plan() {
  return toModelFile({
    title: "Reading plan",
    masteryGoal: "",
    nodes: [
      { id: "i1", kind: "input", title: "Coaches", position: { x: laneX("input"), y: 40 } },
      {
        id: "a1",
        kind: "activity",
        title: "Walkthroughs",
        position: { x: laneX("activity"), y: 180 },
      },
    ],
    edges: [{ id: "e1", source: "i1", target: "a1", rationale: "coaches lead them" }],
  });
}

async function snapshotOf(id: string, token?: string) {
  const response = await api(server.url, canvasSnapshotPath(id), token ? { token } : {});
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("GET /api/models/:id/canvas-snapshot", () => {
  it("gives a viewer the cards, the links, the title and their role", async () => {
    const model = await createModel(server.url, plan());
    const { status, body } = await snapshotOf(model.id, model.tokens.viewer);
    expect(status).toBe(200);
    const snapshot = canvasSnapshotSchema.parse(body);
    expect(snapshot.role).toBe("viewer");
    expect(snapshot.title).toBe("Reading plan");
    expect(snapshot.cards).toEqual(
      expect.arrayContaining([
        ["i1", "input", laneX("input"), 40, "Coaches"],
        ["a1", "activity", laneX("activity"), 180, "Walkthroughs"],
      ]),
    );
    expect(snapshot.links).toEqual([["e1", "i1", "a1"]]);
  });

  it("refuses a caller without a token, with a token of another model, or a made-up one", async () => {
    const model = await createModel(server.url, plan());
    const other = await createModel(server.url, plan());
    for (const token of [undefined, other.tokens.owner, "not-a-token"]) {
      const { status, body } = await snapshotOf(model.id, token);
      expect([401, 403, 404]).toContain(status);
      // Nothing of the model in the refusal.
      expect(JSON.stringify(body)).not.toContain("Coaches");
    }
  });

  it("answers the document's current state after a live edit", async () => {
    const model = await createModel(server.url, plan());
    expect((await snapshotOf(model.id, model.tokens.editor)).status).toBe(200);
    const client = connect(server, model.id, model.tokens.editor);
    await synced(client);
    addNode(client.doc, { kind: "input", title: "Released time" }, "local");
    await waitFor(() => client.provider.unsyncedChanges === 0, "acknowledgement");
    const { body } = await snapshotOf(model.id, model.tokens.editor);
    const titles = canvasSnapshotSchema.parse(body).cards.map((card) => card[4]);
    expect(titles).toContain("Released time");
    client.destroy();
  });

  it("keeps an edit once the model has left memory and its log was compacted", async () => {
    const model = await createModel(server.url, plan());
    const client = connect(server, model.id, model.tokens.editor);
    await synced(client);
    addNode(client.doc, { kind: "smallWin", title: "Fluent readers" }, "local");
    await waitFor(() => client.provider.unsyncedChanges === 0, "acknowledgement");
    client.destroy();
    await waitFor(() => !server.hocuspocus.documents.has(model.id), "the model to unload");
    // Compacted on unload: the log folded into the snapshot (the cache's entry written then).
    for (let i = 0; i < 200 && (await server.store.countUpdates(model.id)) > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await server.store.countUpdates(model.id)).toBe(0);
    const { body } = await snapshotOf(model.id, model.tokens.viewer);
    const snapshot = canvasSnapshotSchema.parse(body);
    expect(snapshot.cards.map((card) => card[4])).toContain("Fluent readers");
    expect(snapshot.title).toBe("Reading plan");
  });
});
