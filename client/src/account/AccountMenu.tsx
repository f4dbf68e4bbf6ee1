import type { Account } from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { accountApi } from "./account-api.ts";

/**
 * The home page's corner (and the workspace pages'): "Sign in" for a visitor (or "Set up" on a
 * new server), the account's name with a link to its page once signed in, and a way to their
 * workspaces from anywhere else. Link-only use needs none of it.
 */
export function AccountMenu({ inWorkspaces = false }: { inWorkspaces?: boolean }) {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [setupNeeded, setSetupNeeded] = useState(false);
  useEffect(() => {
    accountApi.me().then(setAccount, () => setAccount(null));
    accountApi.setupNeeded().then(setSetupNeeded, () => {});
  }, []);
  if (account === undefined) return null;
  if (account) {
    return (
      <nav className="account-menu" aria-label="Account">
        {inWorkspaces ? null : <a href="/workspaces">Your workspaces</a>}
        <a href="/my-actions">My actions</a>
        <a href="/account">
          Signed in as <strong>{account.name}</strong>
        </a>
        <button
          type="button"
          className="link-button"
          onClick={() => accountApi.signOut().then(() => window.location.reload())}
        >
          Sign out
        </button>
      </nav>
    );
  }
  return (
    <nav className="account-menu" aria-label="Account">
      {setupNeeded ? (
        <a href="/account/setup">Set up this server</a>
      ) : (
        <a href="/account/sign-in">Sign in</a>
      )}
    </nav>
  );
}
