import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  addNode,
  type ModelDiff,
  type ModelFile,
  noticeType,
  readModel,
  updateNode,
  VERSIONS_CHANGED,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import {
  api,
  authorOf,
  connect,
  createModel,
  sessionToken,
  sleep,
  startTestServer,
  synced,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";
import {
  ana,
  listVersions as listFrom,
  type Summary,
  saveVersion as saveTo,
  VERSION_SERVER,
} from "./versions-api.ts";

const server = useTestServer(VERSION_SERVER);
const listVersions = (modelId: string, token: string) => listFrom(server.url, modelId, token);
const saveVersion = (modelId: string, token: string, label: string) =>
  saveTo(server.url, modelId, token, label);

describe("version history: saving, listing, comparing", () => {
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
});
