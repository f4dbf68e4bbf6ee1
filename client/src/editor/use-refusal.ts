import type { CloseExplanation } from "@logic-canvas/shared";
import { useCallback, useSyncExternalStore } from "react";
import type { CollabSession } from "../collab/session.ts";

/** The close that means the model's stored data cannot be opened (see shared/close-reasons.ts). */
export const UNREADABLE = "document-unreadable";

/** Why the server refused to open this model's document, or undefined while it has not. */
export function useRefusal(session: CollabSession | null): CloseExplanation | undefined {
  const subscribe = useCallback(
    (listener: () => void) => (session ? session.subscribe(listener) : () => {}),
    [session],
  );
  const state = useSyncExternalStore(subscribe, () => session?.getState());
  return state?.problem?.code === UNREADABLE ? state.problem : undefined;
}

/**
 * After a restore or an import: this browser's copy of the model goes (the server's recovered
 * state is what opens, not the copy from before), then the page opens the model afresh.
 */
export async function reopenRecovered(session: CollabSession): Promise<void> {
  await session.local.clearData().catch(() => undefined);
  window.location.reload();
}

/** The server's words when the owner deleted this model while it was open here; else undefined. */
export function useDeleted(session: CollabSession | null): string | undefined {
  const subscribe = useCallback(
    (listener: () => void) => (session ? session.subscribe(listener) : () => {}),
    [session],
  );
  const state = useSyncExternalStore(subscribe, () => session?.getState());
  return state?.problem?.code === "model-deleted" ? state.problem.message : undefined;
}
