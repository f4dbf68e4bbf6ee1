import type { Account } from "@logic-canvas/shared";
import { newWorkspaceId } from "../access/tokens.ts";
import type { Store } from "../storage/types.ts";

/**
 * What workspaces do on account events: the first-run page's admin gets the district they
 * named, as its admin; an account made by SSO sign-in with an email of the allowed domain
 * becomes a member of the district (the domain rule).
 */
export function workspaceAccountHooks(store: Store) {
  return {
    async onSetup(admin: Account, district: { name: string }): Promise<void> {
      const now = new Date().toISOString();
      const id = newWorkspaceId();
      await store.workspaces.createWorkspace({
        id,
        name: district.name,
        kind: "district",
        parentId: null,
        archived: false,
        createdAt: now,
      });
      await store.workspaces.putMembership({
        workspaceId: id,
        accountId: admin.id,
        role: "admin",
        name: admin.name,
        email: admin.email,
        createdAt: now,
      });
    },

    async onFirstSignIn(account: Account, how: { inAllowedDomain: boolean }): Promise<void> {
      if (!how.inAllowedDomain) return;
      // The district the server was set up with: the first one made.
      const district = (await store.workspaces.listWorkspaces()).find((w) => w.parentId === null);
      if (!district) return;
      await store.workspaces.putMembership({
        workspaceId: district.id,
        accountId: account.id,
        role: "member",
        name: account.name,
        email: account.email,
        createdAt: new Date().toISOString(),
      });
    },
  };
}
