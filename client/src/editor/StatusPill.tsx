import { useSyncExternalStore } from "react";
import type { CollabSession } from "../collab/session.ts";

const LABELS = {
  connecting: "Connecting…",
  saving: "Saving…",
  saved: "Saved",
  offline: "Offline — changes kept on this device",
  closed: "Disconnected",
} as const;

/** Always visible: whether the server has everything this browser changed. */
export function StatusPill({ session }: { session: CollabSession }) {
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return (
    <div
      className={`status status-${state.phase}`}
      role="status"
      aria-live="polite"
      data-testid="status"
    >
      <span className="status-dot" aria-hidden="true" />
      {LABELS[state.phase]}
    </div>
  );
}

/** The server's reason for closing or refusing, in words, with what to do next. */
export function ConnectionProblem({ session }: { session: CollabSession }) {
  const state = useSyncExternalStore(session.subscribe, session.getState);
  if (!state.problem) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="connection-problem">
      <span>{state.problem.message}</span>
      {!state.problem.retry && (
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      )}
    </div>
  );
}
