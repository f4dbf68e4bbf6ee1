import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Store } from "../src/storage/types.ts";
import {
  contents,
  createContractModel,
  type StoreFactory,
  update,
  useFreshStore,
} from "./storage-contract-fixtures.ts";

/**
 * A document's log (snapshot, appended updates, compaction), as every Store must keep it (run
 * from `describeStorageContract`, with the same fresh-store factory).
 */
export function describeDocumentLogContract(name: string, makeStore: StoreFactory): void {
  describe(`storage contract, document log: ${name}`, () => {
    let store: Store;
    useFreshStore(makeStore, (opened) => {
      store = opened;
    });

    const model = (id: string) => createContractModel(store, id);

    it("appends updates in order and loads snapshot plus updates", async () => {
      await model("a");
      const s1 = await store.appendUpdate("a", update("one"));
      const s2 = await store.appendUpdate("a", update("two"));
      expect(s2).toBeGreaterThan(s1);
      const stored = await store.loadDocument("a");
      expect(stored?.updates.map((u) => u.seq)).toEqual([s1, s2]);
      expect(contents(stored as NonNullable<typeof stored>)).toEqual(["initial", "one", "two"]);
      expect(await store.countUpdates("a")).toBe(2);
    });

    it("refuses appends to a document that does not exist", async () => {
      await expect(store.appendUpdate("nope", update("x"))).rejects.toThrow();
      await model("a");
      await store.deleteModel("a");
      await expect(store.appendUpdate("a", update("x"))).rejects.toThrow();
    });

    it("stores every one of many appends made at once, in order, and fails only the one to a missing document", async () => {
      await model("a");
      await model("b");
      const results = await Promise.allSettled([
        store.appendUpdate("a", update("one")),
        store.appendUpdate("b", update("b-one")),
        store.appendUpdate("gone", update("x")),
        store.appendUpdate("a", update("two")),
      ]);
      expect(results.map((r) => r.status)).toEqual([
        "fulfilled",
        "fulfilled",
        "rejected",
        "fulfilled",
      ]);
      const seq = (i: number) => (results[i] as PromiseFulfilledResult<number>).value;
      expect(seq(3)).toBeGreaterThan(seq(0));
      const a = await store.loadDocument("a");
      expect(a?.updates.map((u) => u.seq)).toEqual([seq(0), seq(3)]);
      expect(contents(a as NonNullable<typeof a>)).toEqual(["initial", "one", "two"]);
      const b = await store.loadDocument("b");
      expect(contents(b as NonNullable<typeof b>)).toEqual(["b-one", "initial"]);
    });

    it("compacts atomically, keeps later updates, and refuses a stale compaction", async () => {
      await model("a");
      await store.appendUpdate("a", update("one"));
      const s2 = await store.appendUpdate("a", update("two"));
      const loaded = await store.loadDocument("a");
      if (!loaded) throw new Error("missing");
      const merged = Y.mergeUpdates([
        loaded.snapshot as Uint8Array,
        ...loaded.updates.map((u) => u.data),
      ]);
      await store.appendUpdate("a", update("three"));
      expect(await store.compactDocument("a", loaded.snapshotSeq, s2, merged)).toBe(true);
      expect(await store.compactDocument("a", loaded.snapshotSeq, s2, update("wrong"))).toBe(false);
      const after = await store.loadDocument("a");
      expect(after?.snapshotSeq).toBe(s2);
      expect(after?.updates).toHaveLength(1);
      expect(contents(after as NonNullable<typeof after>)).toEqual([
        "initial",
        "one",
        "three",
        "two",
      ]);
      expect(await store.countUpdates("a")).toBe(1);
    });

    it("tells a document's state without its bytes, as loadDocument would", async () => {
      expect(await store.documentState("nope")).toBeUndefined();
      await model("a");
      const state = async () => {
        const stored = await store.loadDocument("a");
        if (!stored) throw new Error("missing");
        return {
          snapshotSeq: stored.snapshotSeq,
          lastSeq: stored.updates.at(-1)?.seq ?? stored.snapshotSeq,
          updateCount: stored.updates.length,
          updatedAt: stored.updatedAt,
        };
      };
      expect(await store.documentState("a")).toEqual(await state());
      await store.appendUpdate("a", update("one"));
      const s2 = await store.appendUpdate("a", update("two"));
      const before = await store.documentState("a");
      expect(before).toMatchObject({ lastSeq: s2, updateCount: 2 });
      expect(before).toEqual(await state());
      const loaded = await store.loadDocument("a");
      if (!loaded) throw new Error("missing");
      const merged = Y.mergeUpdates([
        loaded.snapshot as Uint8Array,
        ...loaded.updates.map((u) => u.data),
      ]);
      expect(await store.compactDocument("a", loaded.snapshotSeq, s2, merged)).toBe(true);
      // A compaction moves the snapshot up to the log's end: a state no earlier key matches.
      expect(await store.documentState("a")).toEqual({
        ...(await state()),
        snapshotSeq: s2,
        lastSeq: s2,
        updateCount: 0,
      });
    });

    it("stores binary updates byte for byte", async () => {
      await model("a");
      const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
      await store.appendUpdate("a", bytes);
      const stored = await store.loadDocument("a");
      expect([...(stored?.updates[0]?.data ?? [])]).toEqual([...bytes]);
    });
  });
}
