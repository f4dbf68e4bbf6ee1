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

/**
 * The answer the model page's early script (`public/assets/early-canvas-v1.js`) already asked
 * for, taken once, as `requestJson` would have returned or thrown it.
 */
async function earlyAnswer(): Promise<unknown> {
  const w = window as unknown as {
    __logicCanvasEarly?: { me?: Promise<{ status: number; body: unknown }> };
  };
  const early = w.__logicCanvasEarly?.me;
  if (!early) return requestJson("/api/accounts/me");
  if (w.__logicCanvasEarly) w.__logicCanvasEarly.me = undefined;
  const { status, body } = await early;
  if (status >= 200 && status < 300) return body;
  throw new ApiError(status, "early", `GET /api/accounts/me answered ${status}`);
}

async function ask(): Promise<Account | null> {
  try {
    const { account } = meSchema.parse(await earlyAnswer());
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
