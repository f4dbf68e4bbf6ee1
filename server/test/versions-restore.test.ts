import { addNode, readModel, readReview, startThread, updateNode } from "@logic-canvas/shared";
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
  waitFor,
} from "../../tests/support/index.ts";
import {
  ana,
  personHeaders,
  type Summary,
  saveVersion as saveTo,
  VERSION_SERVER,
} from "./versions-api.ts";

const server = useTestServer(VERSION_SERVER);
const saveVersion = (modelId: string, token: string, label: string) =>
  saveTo(server.url, modelId, token, label);

type Client = ReturnType<typeof connect>;

/** A POST to a version's restore route; the person's headers say who restored (for the backup). */
function restoreVersion(modelId: string, versionId: string, token: string, headers = {}) {
  return api(server.url, `/api/models/${modelId}/versions/${versionId}/restore`, {
    method: "POST",
    token,
    headers,
  });
}

/** After the approval: a card added, another renamed, a comment on the new card, seen by B. */
async function editAfterApproval(editorA: Client, editorB: Client, review: Client, first: string) {
  const added = addNode(editorA.doc, { kind: "input", title: "Added after approval" }, "l");
  updateNode(editorA.doc, first, { title: "Changed after" }, "l");
  startThread(
    review.doc,
    {
      anchor: { kind: "node", id: added },
      type: "question",
      text: "Why this?",
      author: authorOf(ana, "commenter"),
    },
    "l",
  );
  await Promise.all([synced(editorA), synced(review)]);
  await waitFor(() => readModel(editorB.doc).nodes.some((n) => n.id === added), "B sees the edit");
  return added;
}

describe("version history: restoring", () => {
  it("restores a version live for connected clients, keeps comments, and can be undone", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const editorA = connect(server, model.id, sessionToken(model.tokens.editor, ana));
    const editorB = connect(server, model.id, sessionToken(model.tokens.editor, person("Ben")));
    const review = connect(server, `${model.id}/review`, sessionToken(model.tokens.commenter, ana));
    await Promise.all([synced(editorA), synced(editorB), synced(review)]);
    const original = readModel(editorA.doc);
    const version = (await (
      await saveVersion(model.id, model.tokens.owner, "Board approved")
    ).json()) as Summary;

    const first = original.nodes[0]?.id as string;
    const added = await editAfterApproval(editorA, editorB, review, first);

    const restore = await restoreVersion(
      model.id,
      version.id,
      model.tokens.editor,
      personHeaders(),
    );
    expect(restore.status).toBe(200);
    const result = (await restore.json()) as { restored: Summary; backup: Summary };
    expect(result.restored.id).toBe(version.id);
    expect(result.backup).toMatchObject({
      label: "Before restoring “Board approved”",
      kind: "auto",
      createdBy: { name: "Ana", role: "editor" },
    });
    const titles = (m: ReturnType<typeof readModel>) => m.nodes.map((n) => n.title).sort();
    for (const client of [editorA, editorB]) {
      await waitFor(() => !readModel(client.doc).nodes.some((n) => n.id === added), "live restore");
      expect(titles(readModel(client.doc))).toEqual(titles(original));
      expect(client.closes).toEqual([]);
      expect(client.provider.isSynced).toBe(true);
    }
    // Comments are never rolled back, even one on a card the restore removed.
    expect(readReview(review.doc).threads.map((t) => t.messages[0]?.text)).toEqual(["Why this?"]);

    // Everyone keeps editing on the same session.
    addNode(editorB.doc, { kind: "activity", title: "After restore" }, "l");
    await waitFor(
      () => readModel(editorA.doc).nodes.some((n) => n.title === "After restore"),
      "edit after restore",
    );
    await synced(editorB);

    const undo = await restoreVersion(model.id, result.backup.id, model.tokens.owner);
    expect(undo.status).toBe(200);
    await waitFor(() => readModel(editorB.doc).nodes.some((n) => n.id === added), "undo seen live");
    const undone = readModel(editorA.doc);
    expect(undone.nodes.find((n) => n.id === original.nodes[0]?.id)?.title).toBe("Changed after");
    expect(undone.nodes.some((n) => n.title === "After restore")).toBe(false);

    const viewerRestore = await restoreVersion(model.id, version.id, model.tokens.commenter);
    expect(viewerRestore.status).toBe(403);
    for (const c of [editorA, editorB, review]) c.destroy();
  });
});
