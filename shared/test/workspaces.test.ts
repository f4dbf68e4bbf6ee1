import { describe, expect, it } from "vitest";
import {
  ancestorsOf,
  effectiveModelRole,
  locateModel,
  MODEL_LOCATIONS,
  modelRoleFromWorkspace,
  parentKindOf,
  WORKSPACE_ROLES,
  type WorkspaceNode,
  workspaceRoleTable,
} from "../src/workspaces.ts";

/** district D → schools S1, S2 → teams T1 (under S1), T2 (under S2); another district E. */
const node = (id: string, parentId: string | null): [string, Pick<WorkspaceNode, "parentId">] => [
  id,
  { parentId },
];
const TREE = new Map([
  node("D", null),
  node("S1", "D"),
  node("S2", "D"),
  node("T1", "S1"),
  node("T2", "S2"),
  node("E", null),
]);

describe("the workspace tree", () => {
  it("has three named levels, each under the one before", () => {
    expect(parentKindOf("district")).toBeNull();
    expect(parentKindOf("school")).toBe("district");
    expect(parentKindOf("team")).toBe("school");
  });

  it("walks up to the root and stops on a loop", () => {
    expect(ancestorsOf(TREE, "T1")).toEqual(["T1", "S1", "D"]);
    const loop = new Map([node("a", "b"), node("b", "a")]);
    expect(ancestorsOf(loop, "a")).toEqual(["a", "b"]);
  });

  it("places a model's workspace relative to a member's", () => {
    expect(locateModel(TREE, "S1", "S1")).toBe("own");
    expect(locateModel(TREE, "T1", "D")).toBe("above");
    expect(locateModel(TREE, "T1", "S1")).toBe("above");
    expect(locateModel(TREE, "D", "T2")).toBe("below");
    expect(locateModel(TREE, "S1", "S2")).toBe("sibling");
    expect(locateModel(TREE, "T1", "T2")).toBe("unrelated");
    expect(locateModel(TREE, "D", "E")).toBe("unrelated");
  });
});

describe("workspace role → model role", () => {
  it("makes an admin owner at and below, nothing above or beside", () => {
    const admin = [{ workspaceId: "S1", role: "admin" as const }];
    expect(modelRoleFromWorkspace(admin, "S1", TREE)).toBe("owner");
    expect(modelRoleFromWorkspace(admin, "T1", TREE)).toBe("owner");
    expect(modelRoleFromWorkspace(admin, "D", TREE)).toBeNull();
    expect(modelRoleFromWorkspace(admin, "S2", TREE)).toBeNull();
  });

  it("makes a member editor at home, commenter above, viewer below", () => {
    const member = [{ workspaceId: "S1", role: "member" as const }];
    expect(modelRoleFromWorkspace(member, "S1", TREE)).toBe("editor");
    expect(modelRoleFromWorkspace(member, "D", TREE)).toBe("commenter");
    expect(modelRoleFromWorkspace(member, "T1", TREE)).toBe("viewer");
    expect(modelRoleFromWorkspace(member, "S2", TREE)).toBeNull();
    expect(modelRoleFromWorkspace(member, "T2", TREE)).toBeNull();
  });

  it("gives a guest nothing, and a model outside every workspace nothing", () => {
    const guest = [{ workspaceId: "S1", role: "guest" as const }];
    for (const ws of ["D", "S1", "T1", "S2"])
      expect(modelRoleFromWorkspace(guest, ws, TREE)).toBeNull();
    expect(modelRoleFromWorkspace([{ workspaceId: "D", role: "admin" }], null, TREE)).toBeNull();
  });

  it("takes the highest of several memberships", () => {
    const both = [
      { workspaceId: "T1", role: "member" as const },
      { workspaceId: "S1", role: "admin" as const },
    ];
    expect(modelRoleFromWorkspace(both, "T1", TREE)).toBe("owner");
    expect(modelRoleFromWorkspace(both, "D", TREE)).toBe("commenter");
  });

  it("takes the higher of the link's role and the workspace's", () => {
    expect(effectiveModelRole("viewer", "editor")).toBe("editor");
    expect(effectiveModelRole("owner", "commenter")).toBe("owner");
    expect(effectiveModelRole(null, "viewer")).toBe("viewer");
    expect(effectiveModelRole(null, null)).toBeNull();
  });

  it("prints the rule as a markdown table, one row per role", () => {
    const table = workspaceRoleTable();
    const lines = table.split("\n");
    expect(lines).toHaveLength(2 + WORKSPACE_ROLES.length);
    expect(lines[0]?.split("|").length).toBe(MODEL_LOCATIONS.length + 3);
    expect(lines[2]).toBe("| admin | owner | — | owner | — | — |");
    expect(table).toContain("| member | editor | commenter | viewer | — | — |");
    expect(table).toContain("| guest | — | — | — | — | — |");
  });
});
