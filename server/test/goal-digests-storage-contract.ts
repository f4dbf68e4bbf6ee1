import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Store } from "../src/storage/types.ts";
import { type StoreFactory, useFreshStore } from "./storage-contract-fixtures.ts";

/**
 * The goal digests part of the storage contract (goal-digests-types.ts): a digest is kept under
 * the stored state it was read from, an older one never replaces a newer one, each comes back
 * with its document's state now (so a reader can tell a stale one), and deleting the model
 * deletes it.
 */
export function describeGoalDigestsContract(name: string, makeStore: StoreFactory): void {
  describe(`goal digests storage contract: ${name}`, () => {
    let store: Store;
    useFreshStore(makeStore, (opened) => {
      store = opened;
    });

    const model = (id: string) =>
      store.createModel({
        model: {
          id,
          title: `Model ${id}`,
          createdAt: "2026-01-01T00:00:00.000Z",
          updatedAt: "2026-01-01T00:00:00.000Z",
          workspaceId: "T",
        },
        documents: [{ name: id, snapshot: Y.encodeStateAsUpdate(new Y.Doc()) }],
        links: [],
      });
    const update = () => {
      const doc = new Y.Doc();
      doc.getMap("x").set("k", 1);
      return Y.encodeStateAsUpdate(doc);
    };
    const kept = async () =>
      Object.fromEntries(
        (await store.goalDigests.loadAll()).map((r) => [
          r.modelId,
          [r.seq, r.digest, r.documentSeq],
        ]),
      );

    it("keeps the newest digest with its document's state, and none of a deleted model", async () => {
      await model("mA");
      await model("mB");
      await store.goalDigests.save([
        { modelId: "mA", seq: 0, digest: "a0" },
        { modelId: "mB", seq: 0, digest: "b0" },
        // Not a model (deleted meanwhile): not kept.
        { modelId: "gone", seq: 0, digest: "g0" },
      ]);
      expect(await kept()).toEqual({ mA: [0, "a0", 0], mB: [0, "b0", 0] });
      const seq = await store.appendUpdate("mA", update());
      // The document moved on: the digest says 0, the document says `seq`.
      expect((await kept()).mA).toEqual([0, "a0", seq]);
      await store.goalDigests.save([{ modelId: "mA", seq, digest: "a1" }]);
      // An older digest arriving late does not replace the newer one.
      await store.goalDigests.save([{ modelId: "mA", seq: 0, digest: "a0 late" }]);
      expect((await kept()).mA).toEqual([seq, "a1", seq]);
      expect(await store.deleteModel("mA")).toBe(true);
      expect(await kept()).toEqual({ mB: [0, "b0", 0] });
    });

    it("writes many digests in batches", async () => {
      const ids = Array.from({ length: 250 }, (_, i) => `m${i}`);
      for (const id of ids) await model(id);
      await store.goalDigests.save(ids.map((modelId, i) => ({ modelId, seq: 0, digest: `d${i}` })));
      const rows = await kept();
      expect(Object.keys(rows)).toHaveLength(250);
      expect(rows.m249).toEqual([0, "d249", 0]);
    });
  });
}
