import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { optionsFromEnv } from "../src/runtime/config.ts";
import { parseControlEvent } from "../src/scale/control.ts";
import { SqliteStore } from "../src/storage/sqlite.ts";
import { WorkspaceViewer } from "../src/workspaces/viewer.ts";

/** One person's view of the tree (what they see and manage) and the settings around it. */

let dir: string;
let store: SqliteStore;
const now = "2026-01-01T00:00:00.000Z";
const person = (id: string) => ({ id, name: `Person ${id}`, email: `${id}@example.org` });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "lc-viewer-"));
  store = new SqliteStore(join(dir, "v.sqlite"));
  const ws = (id: string, kind: "district" | "school" | "team", parentId: string | null) =>
    store.workspaces.createWorkspace({
      id,
      name: id,
      kind,
      parentId,
      archived: false,
      createdAt: now,
    });
  await ws("D", "district", null);
  await ws("S1", "school", "D");
  await ws("S2", "school", "D");
  await ws("T1", "team", "S1");
  await ws("E", "district", null);
  const member = (workspaceId: string, accountId: string, role: "admin" | "member" | "guest") =>
    store.workspaces.putMembership({
      workspaceId,
      accountId,
      role,
      name: accountId,
      email: `${accountId}@example.org`,
      createdAt: now,
    });
  await member("S1", "admin", "admin");
  await member("S1", "member", "member");
  await member("S1", "guest", "guest");
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a person's view of the workspace tree", () => {
  it("shows a member their workspace, the path above and everything below; no siblings", async () => {
    const viewer = await WorkspaceViewer.load(store, person("member"));
    expect(viewer.visible().map((w) => w.id)).toEqual(["D", "S1", "T1"]);
    expect(viewer.visible().find((w) => w.id === "S1")).toMatchObject({
      myRole: "member",
      canManage: false,
    });
    expect(viewer.modelRole("D")).toBe("commenter");
    expect(viewer.modelRole("S2")).toBeNull();
  });

  it("lets an admin manage their workspace and what is below, not what is above", async () => {
    const viewer = await WorkspaceViewer.load(store, person("admin"));
    expect(viewer.manages("S1")).toBe(true);
    expect(viewer.manages("T1")).toBe(true);
    expect(viewer.manages("D")).toBe(false);
    expect(viewer.subtree("S1")).toEqual(["S1", "T1"]);
  });

  it("shows a guest only the workspace they were invited to", async () => {
    const viewer = await WorkspaceViewer.load(store, person("guest"));
    expect(viewer.visible().map((w) => w.id)).toEqual(["S1"]);
    expect(viewer.modelRole("S1")).toBeNull();
  });
});

describe("settings and events around workspaces", () => {
  it("reads MODEL_CREATION and refuses a value it does not know, in words", () => {
    expect(optionsFromEnv({}).modelCreation).toBeUndefined();
    expect(optionsFromEnv({ MODEL_CREATION: "members" }).modelCreation).toBe("members");
    expect(() => optionsFromEnv({ MODEL_CREATION: "admins" })).toThrow(
      'MODEL_CREATION must be anyone or members, got "admins"',
    );
  });

  it("carries a re-check of one account, or of everyone, between processes", () => {
    expect(parseControlEvent({ type: "recheck-account", accountId: "a1" })).toEqual({
      type: "recheck-account",
      accountId: "a1",
    });
    expect(parseControlEvent({ type: "recheck-account", accountId: null })).toEqual({
      type: "recheck-account",
      accountId: null,
    });
    expect(parseControlEvent({ type: "recheck-account", accountId: 5 })).toBeNull();
  });
});
