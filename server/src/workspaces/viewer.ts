import {
  type Account,
  ancestorsOf,
  higherRole,
  modelRoleFromGallery,
  modelRoleFromWorkspace,
  type Role,
  type WorkspaceRole,
  type WorkspaceView,
} from "@logic-canvas/shared";
import type { Store } from "../storage/types.ts";
import type { MembershipRecord, WorkspaceRecord } from "../storage/workspace-types.ts";

/**
 * One signed-in person's view of the workspace tree: what they see, what they manage, and the
 * model role their memberships give in each workspace. Read whole per request (a district's
 * tree and one person's memberships are small), so every answer is of one consistent state.
 */
export class WorkspaceViewer {
  private constructor(
    readonly account: Account,
    readonly tree: Map<string, WorkspaceRecord>,
    readonly memberships: MembershipRecord[],
  ) {}

  static async load(store: Store, account: Account): Promise<WorkspaceViewer> {
    const [all, memberships] = await Promise.all([
      store.workspaces.listWorkspaces(),
      store.workspaces.membershipsOf(account.id),
    ]);
    return new WorkspaceViewer(account, new Map(all.map((w) => [w.id, w])), memberships);
  }

  /** Their own role in exactly this workspace, if they belong to it. */
  roleIn(workspaceId: string): WorkspaceRole | null {
    return this.memberships.find((m) => m.workspaceId === workspaceId)?.role ?? null;
  }

  /** An admin of this workspace or of one above it manages it. */
  manages(workspaceId: string): boolean {
    const line = ancestorsOf(this.tree, workspaceId);
    return this.memberships.some((m) => m.role === "admin" && line.includes(m.workspaceId));
  }

  /** The model role their memberships give on a model in this workspace. */
  modelRole(workspaceId: string): Role | null {
    return modelRoleFromWorkspace(this.memberships, workspaceId, this.tree);
  }

  /** Their role on a model in `workspaceId` posted to the gallery of `postedTo` (gallery.ts). */
  postedModelRole(workspaceId: string, postedTo: string): Role | null {
    return higherRole(
      this.modelRole(workspaceId),
      modelRoleFromGallery(this.memberships, workspaceId, postedTo, this.tree),
    );
  }

  /** This workspace and every one below it, top first. */
  subtree(workspaceId: string): string[] {
    const out = [workspaceId];
    for (let i = 0; i < out.length; i += 1) {
      for (const w of this.tree.values()) if (w.parentId === out[i]) out.push(w.id);
    }
    return out;
  }

  /**
   * What the tree shows them: each workspace they belong to, the ones above it (the path, and
   * where a member comments) and the ones below it (which a member reads and an admin manages).
   * A guest sees the workspace they were invited to, not its surroundings.
   */
  visible(): WorkspaceView[] {
    const ids = new Set<string>();
    for (const m of this.memberships) {
      if (!this.tree.has(m.workspaceId)) continue;
      ids.add(m.workspaceId);
      if (m.role === "guest") continue;
      for (const id of ancestorsOf(this.tree, m.workspaceId)) ids.add(id);
      for (const id of this.subtree(m.workspaceId)) ids.add(id);
    }
    return [...this.tree.values()]
      .filter((w) => ids.has(w.id))
      .map((w) => ({
        id: w.id,
        name: w.name,
        kind: w.kind,
        parentId: w.parentId,
        archived: w.archived,
        myRole: this.roleIn(w.id),
        canManage: this.manages(w.id),
      }));
  }

  /** Whether the tree shows them this workspace. */
  sees(workspaceId: string): boolean {
    return this.visible().some((w) => w.id === workspaceId);
  }
}
