import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { GalleryPostRecord } from "../src/storage/gallery-types.ts";
import type { Store } from "../src/storage/types.ts";
import { type StoreFactory, useFreshStore } from "./storage-contract-fixtures.ts";

/**
 * The gallery part of the storage contract (gallery-types.ts): posting, moving a post, taking
 * it down, listing a gallery in order, and a model's deletion taking its post with it.
 */
export function describeGalleryContract(name: string, makeStore: StoreFactory): void {
  describe(`gallery storage contract: ${name}`, () => {
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
    const post = (modelId: string, workspaceId: string, at: string): GalleryPostRecord => ({
      modelId,
      workspaceId,
      postedBy: "acct-ann",
      postedByName: "Ann Admin",
      postedAt: at,
    });

    it("posts, lists a gallery oldest first, moves a post and takes it down", async () => {
      await model("mB");
      await model("ma");
      await store.gallery.post(post("mB", "S", "2026-02-01T00:00:00.000Z"));
      await store.gallery.post(post("ma", "S", "2026-02-01T00:00:00.000Z"));
      // Same time: ids compared bytewise, uppercase first, in both stores.
      expect((await store.gallery.postsIn("S")).map((p) => p.modelId)).toEqual(["mB", "ma"]);
      expect(await store.gallery.postOf("ma")).toEqual(post("ma", "S", "2026-02-01T00:00:00.000Z"));
      await store.gallery.post(post("ma", "S2", "2026-03-01T00:00:00.000Z"));
      expect((await store.gallery.postsIn("S")).map((p) => p.modelId)).toEqual(["mB"]);
      expect((await store.gallery.postOf("ma"))?.workspaceId).toBe("S2");
      expect(await store.gallery.takeDown("ma")).toBe(true);
      expect(await store.gallery.takeDown("ma")).toBe(false);
      expect(await store.gallery.postOf("ma")).toBeUndefined();
      expect(await store.gallery.postsIn("S2")).toEqual([]);
    });

    it("keeps no post for a model that does not exist, and drops it with its model", async () => {
      await store.gallery.post(post("ghost", "S", "2026-02-01T00:00:00.000Z"));
      expect(await store.gallery.postOf("ghost")).toBeUndefined();
      await model("m1");
      await store.gallery.post(post("m1", "S", "2026-02-01T00:00:00.000Z"));
      expect(await store.deleteModel("m1")).toBe(true);
      expect(await store.gallery.postOf("m1")).toBeUndefined();
      expect(await store.gallery.postsIn("S")).toEqual([]);
    });
  });
}
