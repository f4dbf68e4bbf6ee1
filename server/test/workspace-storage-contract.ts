import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Store } from "../src/storage/types.ts";
import type { InvitationRecord, WorkspaceRecord } from "../src/storage/workspace-types.ts";
import { type StoreFactory, useFreshStore } from "./storage-contract-fixtures.ts";

/**
 * The workspace part of the storage contract (workspace-types.ts): every store must pass it.
 * Run beside `describeStorageContract` with the same kind of factory.
 */
export function describeWorkspaceContract(name: string, makeStore: StoreFactory): void {
  describe(`workspace storage contract: ${name}`, () => {
    let store: Store;
    useFreshStore(makeStore, (opened) => {
      store = opened;
    });

    const now = "2026-01-01T00:00:00.000Z";
    const later = "2026-01-02T00:00:00.000Z";
    const ws = (id: string, kind: WorkspaceRecord["kind"], parentId: string | null) =>
      store.workspaces.createWorkspace({
        id,
        name: `Name ${id}`,
        kind,
        parentId,
        archived: false,
        createdAt: now,
      });
    const invitation = (id: string, email: string | null): InvitationRecord => ({
      id,
      workspaceId: "D",
      email,
      role: "member",
      tokenHash: `hash-${id}`,
      token: `token-${id}`,
      status: "pending",
      createdAt: now,
      expiresAt: later,
      invitedBy: "acct-admin",
      answeredAt: null,
      answeredBy: null,
      emailed: email !== null,
    });
    const member = (
      workspaceId: string,
      accountId: string,
      role: "admin" | "member" | "guest",
    ) => ({
      workspaceId,
      accountId,
      role,
      name: `Person ${accountId}`,
      email: `${accountId}@example.org`,
      createdAt: now,
    });

    it("creates, lists, renames, moves and archives workspaces", async () => {
      await ws("D", "district", null);
      await ws("S", "school", "D");
      await ws("T", "team", "S");
      expect((await store.workspaces.listWorkspaces()).map((w) => w.id)).toEqual(["D", "S", "T"]);
      expect(await store.workspaces.getWorkspace("T")).toEqual({
        id: "T",
        name: "Name T",
        kind: "team",
        parentId: "S",
        archived: false,
        createdAt: now,
      });
      await ws("S2", "school", "D");
      const moved = await store.workspaces.updateWorkspace("T", {
        parentId: "S2",
        name: "Grade 3",
      });
      expect(moved).toMatchObject({ parentId: "S2", name: "Grade 3", archived: false });
      const archived = await store.workspaces.updateWorkspace("S", { archived: true });
      expect(archived?.archived).toBe(true);
      expect(await store.workspaces.getWorkspace("nope")).toBeUndefined();
      expect(await store.workspaces.updateWorkspace("nope", { name: "x" })).toBeUndefined();
    });

    it("adds members, changes a role in place, lists both ways and removes", async () => {
      await ws("D", "district", null);
      await ws("S", "school", "D");
      await store.workspaces.putMembership(member("D", "a", "admin"));
      await store.workspaces.putMembership(member("S", "a", "member"));
      await store.workspaces.putMembership(member("S", "b", "guest"));
      await store.workspaces.putMembership({ ...member("S", "b", "member"), name: "Bea" });
      expect(await store.workspaces.listMembers("S")).toEqual([
        member("S", "a", "member"),
        { ...member("S", "b", "member"), name: "Bea" },
      ]);
      expect((await store.workspaces.membershipsOf("a")).map((m) => m.workspaceId)).toEqual([
        "D",
        "S",
      ]);
      expect(await store.workspaces.removeMembership("S", "b")).toBe(true);
      expect(await store.workspaces.removeMembership("S", "b")).toBe(false);
      expect(await store.workspaces.membershipsOf("b")).toEqual([]);
    });

    it("keeps invitations, finds them by hash, and answers a pending one once", async () => {
      await ws("D", "district", null);
      await store.workspaces.createInvitation(invitation("i1", "x@example.org"));
      await store.workspaces.createInvitation(invitation("i2", null));
      expect(await store.workspaces.findInvitationByTokenHash("hash-i2")).toEqual(
        invitation("i2", null),
      );
      expect(await store.workspaces.findInvitationByTokenHash("hash-none")).toBeUndefined();
      const accepted = await store.workspaces.answerInvitation("i1", "accepted", later, "acct-x");
      expect(accepted).toMatchObject({
        status: "accepted",
        answeredAt: later,
        answeredBy: "acct-x",
      });
      // Answered already: a second answer (decline, or accept by someone else) changes nothing.
      expect(await store.workspaces.answerInvitation("i1", "declined", later, "y")).toBeUndefined();
      const listed = await store.workspaces.listInvitations("D");
      expect(listed.map((i) => [i.id, i.status, i.emailed])).toEqual([
        ["i1", "accepted", true],
        ["i2", "pending", false],
      ]);
    });

    it("records a model's workspace and lists the models of several workspaces", async () => {
      const model = async (id: string, workspaceId: string | null) =>
        store.createModel({
          model: { id, title: `Model ${id}`, createdAt: now, updatedAt: now, workspaceId },
          documents: [{ name: id, snapshot: Y.encodeStateAsUpdate(new Y.Doc()) }],
          links: [],
        });
      await ws("D", "district", null);
      await ws("S", "school", "D");
      await model("m1", "D");
      await model("m2", "S");
      await model("m3", null);
      expect((await store.getModel("m1"))?.workspaceId).toBe("D");
      expect((await store.getModel("m3"))?.workspaceId).toBeNull();
      await store.workspaces.setModelWorkspace("m3", "S");
      const inS = await store.workspaces.listModelsIn(["S"]);
      expect(inS.map((m) => [m.id, m.workspaceId])).toEqual([
        ["m2", "S"],
        ["m3", "S"],
      ]);
      expect((await store.workspaces.listModelsIn(["D", "S"])).length).toBe(3);
      expect(await store.workspaces.listModelsIn([])).toEqual([]);
      await store.deleteModel("m2");
      expect((await store.workspaces.listModelsIn(["S"])).map((m) => m.id)).toEqual(["m3"]);
    });
  });
}
