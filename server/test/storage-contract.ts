import { describe, expect, it } from "vitest";
import type { ActivityRecord, LinkRecord, Store, VersionRecord } from "../src/storage/types.ts";
import { describeDocumentLogContract } from "./storage-contract-documents.ts";
import {
  createContractModel,
  link,
  now,
  type StoreFactory,
  useFreshStore,
} from "./storage-contract-fixtures.ts";
import { describeReadMarksContract } from "./storage-contract-read-marks.ts";

/**
 * The behaviour every Store implementation must have. Run it with a factory that returns a
 * fresh, empty store (and a cleanup): `describeStorageContract("sqlite", async () => ...)`.
 */
export function describeStorageContract(name: string, makeStore: StoreFactory): void {
  describeReadMarksContract(name, makeStore);
  describeDocumentLogContract(name, makeStore);
  describe(`storage contract: ${name}`, () => {
    let store: Store;
    useFreshStore(makeStore, (opened) => {
      store = opened;
    });

    const model = (id: string) => createContractModel(store, id);

    it("creates, reads, counts and deletes models with their documents and links", async () => {
      expect(await store.countModels()).toBe(0);
      expect(await store.firstModel()).toBeUndefined();
      await model("a");
      await model("b");
      expect(await store.countModels()).toBe(2);
      expect(await store.getModel("a")).toMatchObject({ id: "a", title: "Model a" });
      expect((await store.firstModel())?.id).toBe("a");
      expect(await store.deleteModel("a")).toBe(true);
      expect(await store.deleteModel("a")).toBe(false);
      expect(await store.getModel("a")).toBeUndefined();
      expect(await store.loadDocument("a")).toBeUndefined();
      expect(await store.findLinkByTokenHash("a-hash-o")).toBeUndefined();
      expect(await store.getModel("b")).toBeDefined();
      expect(await store.loadDocument("b/review")).toBeDefined();
    });

    it("keeps one canvas snapshot per model, replaced whole, and none for a deleted model", async () => {
      await model("a");
      expect(await store.canvasSnapshots.load("a")).toBeUndefined();
      await store.canvasSnapshots.save("a", "stored:0:0", '{"title":"Model a"}');
      await store.canvasSnapshots.save("a", "stored:3:3", '{"title":"Model a, later"}');
      expect(await store.canvasSnapshots.load("a")).toEqual({
        key: "stored:3:3",
        json: '{"title":"Model a, later"}',
      });
      await store.deleteModel("a");
      expect(await store.canvasSnapshots.load("a")).toBeUndefined();
      // Written after its model went (a compaction finishing late): nothing is kept.
      await store.canvasSnapshots.save("a", "stored:4:4", '{"title":"Model a"}');
      expect(await store.canvasSnapshots.load("a")).toBeUndefined();
    });

    it("creates a model all or nothing", async () => {
      await model("a");
      await expect(model("a")).rejects.toThrow();
      expect(await store.countModels()).toBe(1);
    });

    it("finds links by hash, lists them and revokes them", async () => {
      await model("a");
      await store.createLink(link("a-e", "a", "editor", "a-hash-e"));
      expect(await store.findLinkByTokenHash("a-hash-e")).toMatchObject({
        id: "a-e",
        role: "editor",
        revokedAt: null,
      });
      expect((await store.listLinks("a")).map((l) => l.id).sort()).toEqual(["a-e", "a-o", "a-v"]);
      const revoked = await store.revokeLink("a", "a-e", "2026-02-01T00:00:00.000Z");
      expect(revoked?.revokedAt).toBe("2026-02-01T00:00:00.000Z");
      // Revoking twice keeps the first time.
      expect((await store.revokeLink("a", "a-e", "2026-03-01T00:00:00.000Z"))?.revokedAt).toBe(
        "2026-02-01T00:00:00.000Z",
      );
      expect(await store.revokeLink("b", "a-e", now)).toBeUndefined();
    });

    it("keeps a link's token, label and expiry, and reads an unlabelled one as nulls", async () => {
      await model("a");
      const labelled: LinkRecord = {
        ...link("a-c", "a", "commenter", "a-hash-c"),
        token: "the-token-of-a-c",
        label: "Board members ✓",
        expiresAt: "2026-09-15T21:59:59.999Z",
      };
      await store.createLink(labelled);
      expect(await store.findLinkByTokenHash("a-hash-c")).toEqual(labelled);
      expect((await store.listLinks("a")).find((l) => l.id === "a-c")).toEqual(labelled);
      expect(await store.findLinkByTokenHash("a-hash-v")).toMatchObject({
        token: null,
        label: null,
        expiresAt: null,
      });
    });

    const version = (id: string, modelId: string, kind: VersionRecord["kind"]): VersionRecord => ({
      id,
      modelId,
      label: `Version ${id} — «ünïcode»`,
      kind,
      createdAt: now,
      createdBy:
        kind === "auto"
          ? { id: null, name: null, role: null }
          : { id: "p1", name: "Ana", role: "editor" },
      file: JSON.stringify({ format: "logic-model", id }),
    });

    it("saves versions, lists them newest first without files, and prunes one kind", async () => {
      await model("a");
      await model("b");
      for (const id of ["v1", "v2", "v3", "v4"])
        await store.createVersion(version(id, "a", id === "v2" ? "named" : "auto"));
      await store.createVersion(version("w1", "b", "auto"));
      const list = await store.listVersions("a");
      expect(list.map((v) => v.id)).toEqual(["v4", "v3", "v2", "v1"]);
      expect(list[2]).toEqual({
        id: "v2",
        modelId: "a",
        label: "Version v2 — «ünïcode»",
        kind: "named",
        createdAt: now,
        createdBy: { id: "p1", name: "Ana", role: "editor" },
      });
      expect(list[0]).not.toHaveProperty("file");
      expect((await store.getVersion("a", "v3"))?.file).toBe(
        JSON.stringify({ format: "logic-model", id: "v3" }),
      );
      expect(await store.getVersion("b", "v3")).toBeUndefined();
      expect(await store.pruneVersions("a", "auto", 1)).toBe(2);
      expect((await store.listVersions("a")).map((v) => v.id)).toEqual(["v4", "v2"]);
      expect((await store.listVersions("b")).map((v) => v.id)).toEqual(["w1"]);
      await store.deleteModel("a");
      expect(await store.listVersions("a")).toEqual([]);
      expect(await store.getVersion("a", "v4")).toBeUndefined();
    });

    const entry = (id: string, at: string, over: Partial<ActivityRecord> = {}): ActivityRecord => ({
      id,
      modelId: "a",
      startedAt: at,
      at,
      by: { id: "p1", name: "Ana", role: "editor" },
      byKey: "p1",
      subject: "node",
      subjectId: "n1",
      summary: { fields: ["title"] },
      reason: null,
      ...over,
    });

    it("upserts activity entries, lists them newest first, per subject, and finds the latest", async () => {
      await model("a");
      await store.saveActivity([
        entry("e1", "2026-01-01T00:00:01.000Z"),
        entry("e2", "2026-01-01T00:00:02.000Z", { subject: "model", subjectId: null }),
        entry("e3", "2026-01-01T00:00:03.000Z", { subjectId: "n2", byKey: "p2" }),
      ]);
      // A burst that grew: same id, later time, more fields, a reason.
      await store.saveActivity([
        entry("e1", "2026-01-01T00:00:04.000Z", {
          summary: { fields: ["title", "smart.target"] },
          reason: "Board asked for 80%",
        }),
      ]);
      const all = await store.listActivity("a", { limit: 10 });
      expect(all.map((e) => e.id)).toEqual(["e1", "e3", "e2"]);
      expect(all[0]).toEqual(
        entry("e1", "2026-01-01T00:00:04.000Z", {
          startedAt: "2026-01-01T00:00:01.000Z",
          summary: { fields: ["title", "smart.target"] },
          reason: "Board asked for 80%",
        }),
      );
      expect((await store.listActivity("a", { limit: 2 })).length).toBe(2);
      expect(
        (await store.listActivity("a", { subjectId: "n2", limit: 10 })).map((e) => e.id),
      ).toEqual(["e3"]);
      expect((await store.latestActivity("a", "p1", "n1"))?.id).toBe("e1");
      expect((await store.latestActivity("a", "p1", null))?.id).toBe("e2");
      expect(await store.latestActivity("a", "p2", "n1")).toBeUndefined();
      await store.deleteModel("a");
      expect(await store.listActivity("a", { limit: 10 })).toEqual([]);
      // Entries written after the model is gone are not kept.
      await store.saveActivity([entry("e4", "2026-01-01T00:00:05.000Z")]);
      expect(await store.listActivity("a", { limit: 10 })).toEqual([]);
    });

    it("answers health checks", async () => {
      await expect(store.health()).resolves.toBeUndefined();
    });
  });
}
