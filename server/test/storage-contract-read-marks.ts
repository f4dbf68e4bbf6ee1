import { describe, expect, it } from "vitest";
import type { Store } from "../src/storage/types.ts";
import { type StoreFactory, useFreshStore } from "./storage-contract-fixtures.ts";

/**
 * Signed-in people's unread markers, as every Store must keep them (run from
 * `describeStorageContract`, with the same fresh-store factory).
 */
export function describeReadMarksContract(name: string, makeStore: StoreFactory): void {
  describe(`storage contract, read marks: ${name}`, () => {
    let store: Store;
    useFreshStore(makeStore, (opened) => {
      store = opened;
    });

    const now = "2026-01-01T00:00:00.000Z";
    async function model(id: string) {
      await store.createModel({
        model: { id, title: `Model ${id}`, createdAt: now, updatedAt: now },
        documents: [],
        links: [],
      });
    }
    const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, "0")}:00.000Z`;

    it("keeps each account's marks per model, apart from everyone else's", async () => {
      await model("a");
      await model("b");
      expect(await store.readMarks.get("acct-1", "a")).toEqual({});
      expect(await store.readMarks.merge("acct-1", "a", { t1: at(1), t2: at(2) }, 100)).toBe(true);
      expect(await store.readMarks.merge("acct-2", "a", { t1: at(5) }, 100)).toBe(true);
      expect(await store.readMarks.merge("acct-1", "b", { t9: at(9) }, 100)).toBe(true);
      expect(await store.readMarks.get("acct-1", "a")).toEqual({ t1: at(1), t2: at(2) });
      expect(await store.readMarks.get("acct-2", "a")).toEqual({ t1: at(5) });
      expect(await store.readMarks.get("acct-1", "b")).toEqual({ t9: at(9) });
    });

    it("merges marks from two devices: each thread keeps the later time", async () => {
      await model("a");
      await store.readMarks.merge("acct", "a", { t1: at(30), t2: at(10) }, 100);
      // The other device read t1 earlier and t2 later, and a thread the first had not.
      await store.readMarks.merge("acct", "a", { t1: at(20), t2: at(40), t3: at(5) }, 100);
      expect(await store.readMarks.get("acct", "a")).toEqual({ t1: at(30), t2: at(40), t3: at(5) });
      // Times compare as the strings the review document holds, byte by byte.
      await store.readMarks.merge("acct", "a", { t1: "2026-03-01T10:30:00.001Z" }, 100);
      expect((await store.readMarks.get("acct", "a")).t1).toBe("2026-03-01T10:30:00.001Z");
    });

    it("refuses, changing nothing, a merge that would pass the cap of threads", async () => {
      await model("a");
      expect(await store.readMarks.merge("acct", "a", { t1: at(1), t2: at(2) }, 3)).toBe(true);
      const tooMany = { t1: at(9), t3: at(3), t4: at(4) };
      expect(await store.readMarks.merge("acct", "a", tooMany, 3)).toBe(false);
      expect(await store.readMarks.get("acct", "a")).toEqual({ t1: at(1), t2: at(2) });
      // Newer times on threads already marked never count against the cap.
      expect(await store.readMarks.merge("acct", "a", { t1: at(9), t3: at(3) }, 3)).toBe(true);
      // The cap is per model: another model starts from none.
      await model("b");
      expect(await store.readMarks.merge("acct", "b", tooMany, 3)).toBe(true);
    });

    it("forgets a model's marks with the model, and keeps none for a model that is gone", async () => {
      await model("a");
      await model("b");
      await store.readMarks.merge("acct", "a", { t1: at(1) }, 100);
      await store.readMarks.merge("acct", "b", { t1: at(1) }, 100);
      await store.deleteModel("a");
      expect(await store.readMarks.get("acct", "a")).toEqual({});
      expect(await store.readMarks.get("acct", "b")).toEqual({ t1: at(1) });
      expect(await store.readMarks.merge("acct", "a", { t2: at(2) }, 100)).toBe(true);
      expect(await store.readMarks.get("acct", "a")).toEqual({});
    });

    it("keeps a thread named like an object's own property as an ordinary thread", async () => {
      await model("a");
      // As a JSON body arrives: "__proto__" an own key, not the object's prototype.
      const marks = JSON.parse(`{"__proto__":"${at(1)}","constructor":"${at(2)}"}`);
      await store.readMarks.merge("acct", "a", marks, 100);
      expect(Object.entries(await store.readMarks.get("acct", "a")).sort()).toEqual([
        ["__proto__", at(1)],
        ["constructor", at(2)],
      ]);
    });
  });
}
