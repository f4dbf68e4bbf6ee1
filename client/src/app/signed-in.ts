import { type Account, meSchema } from "@logic-canvas/shared";
import { useEffect, useSyncExternalStore } from "react";
import { ApiError, requestJson } from "./json-api.ts";

/**
 * Whether this page's person is signed in, and as whom (`GET /api/accounts/me`). A signed-in
 * person is their account everywhere: the server stamps their comments, votes, presence and
 * revisions with it, whatever the browser says, and they are never asked for a display name.
 * Asked once per page; the last answer is kept in this browser so that a model opened offline
 * still shows the person under their account's name.
 */

const LAST_KEY = "logic-canvas:account";

/** undefined until the server (or, offline, this browser's memory) has answered. */
let known: Account | null | undefined;
let asking: Promise<Account | null> | undefined;
const listeners = new Set<() => void>();

function lastKnown(): Account | null {
  try {
    const parsed = meSchema.safeParse({
      account: JSON.parse(localStorage.getItem(LAST_KEY) ?? "null"),
    });
    return parsed.success ? parsed.data.account : null;
  } catch {
    return null;
  }
}

async function ask(): Promise<Account | null> {
  try {
    const { account } = meSchema.parse(await requestJson("/api/accounts/me"));
    if (account) localStorage.setItem(LAST_KEY, JSON.stringify(account));
    else localStorage.removeItem(LAST_KEY);
    return account;
  } catch (error) {
    // No network: whoever was signed in here last. Any other failure: nobody.
    return error instanceof ApiError && error.status === 0 ? lastKnown() : null;
  }
}

/** The signed-in account, or null for someone who came by a link only. */
export function loadSignedIn(): Promise<Account | null> {
  asking ??= ask().then((account) => {
    known = account;
    for (const listener of listeners) listener();
    return account;
  });
  return asking;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The signed-in account; undefined while it is being asked. */
export function useSignedIn(): Account | null | undefined {
  useEffect(() => void loadSignedIn(), []);
  return useSyncExternalStore(subscribe, () => known);
}
