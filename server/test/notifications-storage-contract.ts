import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { NotificationRecord } from "../src/storage/notifications-types.ts";
import type { Store } from "../src/storage/types.ts";
import { type StoreFactory, useFreshStore } from "./storage-contract-fixtures.ts";

/**
 * The inbox part of the storage contract (notifications-types.ts): adding with dedupe, the cap
 * per inbox, newest first, reading and marking only one's own items, digest settings and their
 * claim, and a model's deletion taking its items with it.
 */
export function describeNotificationsContract(name: string, makeStore: StoreFactory): void {
  describe(`notifications storage contract: ${name}`, () => {
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
        },
        documents: [{ name: id, snapshot: Y.encodeStateAsUpdate(new Y.Doc()) }],
        links: [],
      });
    const item = (id: string, personId: string, at: string, over = {}): NotificationRecord => ({
      id,
      personId,
      dedupeKey: `mention:m1:${id}`,
      kind: "mention",
      modelId: "m1",
      body: JSON.stringify({ text: id }),
      createdAt: at,
      readAt: null,
      ...over,
    });
    const ids = (records: NotificationRecord[]) => records.map((r) => r.id);

    it("adds once per key, lists newest first and keeps the newest per inbox", async () => {
      await model("m1");
      expect(
        await store.notifications.add(
          [
            item("a", "bob", "2026-02-01T00:00:00.000Z"),
            item("B", "bob", "2026-02-02T00:00:00.000Z"),
            item("c", "ann", "2026-02-02T00:00:00.000Z"),
          ],
          10,
        ),
      ).toEqual(["bob", "ann"]);
      // The same event again (another id, same key): nothing new.
      expect(
        await store.notifications.add(
          [item("a2", "bob", "2026-02-03T00:00:00.000Z", { dedupeKey: "mention:m1:a" })],
          10,
        ),
      ).toEqual([]);
      expect(ids(await store.notifications.list("bob", 10))).toEqual(["B", "a"]);
      expect(await store.notifications.list("bob", 10)).toContainEqual(
        item("a", "bob", "2026-02-01T00:00:00.000Z"),
      );
      await store.notifications.add([item("d", "bob", "2026-02-04T00:00:00.000Z")], 2);
      expect(ids(await store.notifications.list("bob", 10))).toEqual(["d", "B"]);
      expect(ids(await store.notifications.list("ann", 10))).toEqual(["c"]);
    });

    it("marks only the person's own items read, and counts what is unread", async () => {
      await model("m1");
      await store.notifications.add(
        [
          item("a", "bob", "2026-02-01T00:00:00.000Z"),
          item("b", "bob", "2026-02-02T00:00:00.000Z"),
          item("c", "ann", "2026-02-02T00:00:00.000Z"),
        ],
        10,
      );
      // Ann names Bob's item: nothing changes.
      expect(await store.notifications.markRead("ann", ["a"], "2026-03-01T00:00:00.000Z")).toBe(0);
      expect(await store.notifications.unreadCount("bob")).toBe(2);
      expect(
        await store.notifications.markRead("bob", ["a", "a"], "2026-03-01T00:00:00.000Z"),
      ).toBe(1);
      expect(await store.notifications.unreadCount("bob")).toBe(1);
      expect(
        ids(await store.notifications.unreadSince("bob", "2026-01-01T00:00:00.000Z", 10)),
      ).toEqual(["b"]);
      expect(await store.notifications.markAllRead("bob", "2026-03-02T00:00:00.000Z")).toBe(1);
      expect(await store.notifications.unreadCount("bob")).toBe(0);
      expect(await store.notifications.unreadCount("ann")).toBe(1);
      const [a] = await store.notifications.list("bob", 1);
      expect(a?.readAt).toBe("2026-03-02T00:00:00.000Z");
    });

    it("keeps no item for a model that does not exist, and drops items with their model", async () => {
      expect(
        await store.notifications.add([item("a", "bob", "2026-02-01T00:00:00.000Z")], 10),
      ).toEqual([]);
      await model("m1");
      await store.notifications.add([item("a", "bob", "2026-02-01T00:00:00.000Z")], 10);
      expect(await store.deleteModel("m1")).toBe(true);
      expect(await store.notifications.list("bob", 10)).toEqual([]);
    });

    it("keeps digest settings and lets one claim each period", async () => {
      expect(await store.notifications.getSettings("bob")).toBeUndefined();
      await store.notifications.setSettings(
        "bob",
        "bob@example.org",
        "daily",
        "2026-02-01T00:00:00.000Z",
      );
      await store.notifications.setSettings(
        "ann",
        "ann@example.org",
        "off",
        "2026-02-01T00:00:00.000Z",
      );
      expect((await store.notifications.digestSubscribers()).map((s) => s.personId)).toEqual([
        "bob",
      ]);
      const t1 = "2026-02-02T00:00:00.000Z";
      expect(await store.notifications.claimDigest("bob", "2026-02-01T00:00:00.000Z", t1)).toBe(
        true,
      );
      // A second process holding the old time loses.
      expect(await store.notifications.claimDigest("bob", "2026-02-01T00:00:00.000Z", t1)).toBe(
        false,
      );
      expect(await store.notifications.getSettings("bob")).toEqual({
        personId: "bob",
        email: "bob@example.org",
        digest: "daily",
        lastDigestAt: t1,
      });
      // Someone who opted out is never claimed.
      expect(await store.notifications.claimDigest("ann", "2026-02-01T00:00:00.000Z", t1)).toBe(
        false,
      );
    });
  });
}
