import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  addNode,
  type ModelDiff,
  type ModelFile,
  noticeType,
  readModel,
  readReview,
  startThread,
  updateNode,
  VERSIONS_CHANGED,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import {
  api,
  authorOf,
  connect,
  createModel,
  person,
  sessionToken,
  sleep,
  startTestServer,
  synced,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";

const server = useTestServer({ autoVersionQuietMs: 150, autoVersionKeep: 2 });

const ana = person("Ana");
const personHeaders = (who = ana) => ({
  "X-Person-Secret": who.secret,
  "X-Person-Name": encodeURIComponent(who.name),
});

interface Summary {
  id: string;
  label: string;
  kind: "named" | "auto";
  createdAt: string;
  createdBy: { id: string | null; name: string | null; role: string | null };
}

async function listVersions(modelId: string, token: string): Promise<Summary[]> {
  const response = await api(server.url, `/api/models/${modelId}/versions`, { token });
  expect(response.status).toBe(200);
  return ((await response.json()) as { versions: Summary[] }).versions;
}

async function saveVersion(modelId: string, token: string, label: string): Promise<Response> {
  return api(server.url, `/api/models/${modelId}/versions`, {
    method: "POST",
    token,
    headers: personHeaders(),
    body: JSON.stringify({ label }),
  });
}

describe("version history", () => {
  it("saves named versions (editor and owner), lists them newest first with who and when", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const first = await saveVersion(model.id, model.tokens.editor, "Draft shared with staff");
    expect(first.status).toBe(201);
    const saved = (await first.json()) as Summary;
    expect(saved).toMatchObject({
      label: "Draft shared with staff",
      kind: "named",
      createdBy: { id: authorOf(ana, "editor").id, name: "Ana", role: "editor" },
    });
    expect((await saveVersion(model.id, model.tokens.owner, "Board approved")).status).toBe(201);
    for (const role of ["viewer", "commenter"] as const) {
      const refused = await saveVersion(model.id, model.tokens[role], "nope");
      expect(refused.status).toBe(403);
    }
    for (const body of [{}, { label: "" }, { label: "x".repeat(121) }, { label: "a", extra: 1 }]) {
      const bad = await api(server.url, `/api/models/${model.id}/versions`, {
        method: "POST",
        token: model.tokens.editor,
        body: JSON.stringify(body),
      });
      expect(bad.status).toBe(400);
    }
    const list = await listVersions(model.id, model.tokens.viewer);
    expect(list.map((v) => v.label)).toEqual(["Board approved", "Draft shared with staff"]);
    expect(list[0]?.createdBy.role).toBe("owner");
    expect(Date.parse(list[0]?.createdAt ?? "")).toBeGreaterThan(Date.now() - 60_000);

    const file = await api(server.url, `/api/models/${model.id}/versions/${saved.id}`, {
      token: model.tokens.viewer,
    });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toMatch(
      /attachment; filename=.*logic-model\.json/,
    );
    const body = (await file.json()) as ModelFile;
    expect(body.format).toBe("logic-model");
    expect(body.nodes.length).toBeGreaterThan(5);
    expect(body.review).toEqual({ threads: [], votes: [] });

    for (const path of [
      `versions/AAAAAAAAAAAAAAAA`,
      `versions/../x`,
      `versions/${"a".repeat(300)}`,
    ]) {
      const missing = await api(server.url, `/api/models/${model.id}/${path}`, {
        token: model.tokens.viewer,
      });
      expect(missing.status).toBe(404);
    }
  });

  it("shows what changed between a version and now", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const version = (await (
      await saveVersion(model.id, model.tokens.editor, "Before")
    ).json()) as Summary;
    const editor = connect(server, model.id, sessionToken(model.tokens.editor, ana));
    await synced(editor);
    const first = readModel(editor.doc).nodes[0];
    addNode(editor.doc, { kind: "input", title: "Literacy coach" }, "l");
    updateNode(editor.doc, first?.id as string, { title: "Renamed card" }, "l");
    await synced(editor);
    const response = await api(server.url, `/api/models/${model.id}/versions/${version.id}/diff`, {
      token: model.tokens.viewer,
    });
    expect(response.status).toBe(200);
    const diff = (await response.json()) as ModelDiff;
    expect(diff.nodesAdded.map((n) => n.title)).toEqual(["Literacy coach"]);
    expect(diff.nodesRemoved).toEqual([]);
    expect(diff.nodesChanged).toHaveLength(1);
    expect(diff.nodesChanged[0]?.fields).toEqual([
      { field: "title", before: first?.title, after: "Renamed card" },
    ]);
    editor.destroy();
  });

  it("saves automatic versions after a quiet time and keeps a bounded number", async () => {
    const model = await createModel(server.url);
    const editor = connect(server, model.id, sessionToken(model.tokens.editor, ana));
    await synced(editor);
    await saveVersion(model.id, model.tokens.editor, "Named one");
    for (let round = 1; round <= 3; round += 1) {
      const start = new Date().toISOString();
      addNode(editor.doc, { kind: "input", title: `Round ${round}` }, "l");
      await synced(editor);
      let autos: Summary[] = [];
      const deadline = Date.now() + 5_000;
      while (!autos.some((v) => v.createdAt >= start) && Date.now() < deadline) {
        await sleep(50);
        autos = (await listVersions(model.id, model.tokens.viewer)).filter(
          (v) => v.kind === "auto",
        );
      }
      expect(autos.length).toBe(Math.min(round, 2));
      expect(autos[0]).toMatchObject({
        label: "Automatic save",
        createdBy: { id: null, name: null, role: null },
      });
    }
    const all = await listVersions(model.id, model.tokens.viewer);
    // Named versions are never pruned; the oldest automatic one was.
    expect(all.map((v) => v.kind)).toEqual(["auto", "auto", "named"]);
    const newest = await api(server.url, `/api/models/${model.id}/versions/${all[0]?.id}`, {
      token: model.tokens.viewer,
    });
    const file = (await newest.json()) as ModelFile;
    expect(file.nodes.map((n) => n.title).sort()).toEqual(["Round 1", "Round 2", "Round 3"]);
    // Nothing changed since: no further automatic version.
    await sleep(400);
    expect((await listVersions(model.id, model.tokens.viewer)).length).toBe(3);
    editor.destroy();
  });

  it("saves the automatic version of a model still in its quiet time when the server stops", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lc-versions-"));
    try {
      const first = await startTestServer({ dataDir, autoVersionQuietMs: 600_000 });
      const model = await createModel(first.url);
      const editor = connect(first, model.id, sessionToken(model.tokens.editor, ana));
      await synced(editor);
      addNode(editor.doc, { kind: "input", title: "Typed just before a restart" }, "l");
      await synced(editor);
      editor.destroy();
      await first.stop();
      const second = await startTestServer({ dataDir });
      try {
        const response = await api(second.url, `/api/models/${model.id}/versions`, {
          token: model.tokens.viewer,
        });
        const { versions } = (await response.json()) as { versions: Summary[] };
        expect(versions.map((v) => [v.kind, v.label])).toEqual([["auto", "Automatic save"]]);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("tells every connected client, viewers too, when the version list changes", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const viewer = connect(server, model.id, model.tokens.viewer);
    await synced(viewer);
    const notices: (string | null)[] = [];
    viewer.provider.on("stateless", ({ payload }: { payload: string }) =>
      notices.push(noticeType(payload)),
    );
    expect((await saveVersion(model.id, model.tokens.owner, "Shared with staff")).status).toBe(201);
    await waitFor(() => notices.includes(VERSIONS_CHANGED), "the versions-changed notice");
    viewer.destroy();
  });

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

    const added = addNode(editorA.doc, { kind: "input", title: "Added after approval" }, "l");
    updateNode(editorA.doc, original.nodes[0]?.id as string, { title: "Changed after" }, "l");
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
    await waitFor(
      () => readModel(editorB.doc).nodes.some((n) => n.id === added),
      "B sees the edit",
    );

    const restore = await api(
      server.url,
      `/api/models/${model.id}/versions/${version.id}/restore`,
      {
        method: "POST",
        token: model.tokens.editor,
        headers: personHeaders(),
      },
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

    const undo = await api(
      server.url,
      `/api/models/${model.id}/versions/${result.backup.id}/restore`,
      {
        method: "POST",
        token: model.tokens.owner,
      },
    );
    expect(undo.status).toBe(200);
    await waitFor(() => readModel(editorB.doc).nodes.some((n) => n.id === added), "undo seen live");
    const undone = readModel(editorA.doc);
    expect(undone.nodes.find((n) => n.id === original.nodes[0]?.id)?.title).toBe("Changed after");
    expect(undone.nodes.some((n) => n.title === "After restore")).toBe(false);

    const viewerRestore = await api(
      server.url,
      `/api/models/${model.id}/versions/${version.id}/restore`,
      {
        method: "POST",
        token: model.tokens.commenter,
      },
    );
    expect(viewerRestore.status).toBe(403);
    for (const c of [editorA, editorB, review]) c.destroy();
  });
});
