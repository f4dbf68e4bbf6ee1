import type { InboxResponse } from "@logic-canvas/shared";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ApiError } from "../app/json-api.ts";
import { useSignedIn } from "../app/signed-in.ts";
import { personHeaders } from "../collab/review-person.ts";
import {
  followInbox,
  loadInbox,
  markAllRead,
  markRead,
  type PersonHeaders,
} from "./inbox-client.ts";

export interface InboxState {
  /** Null until loaded, or when this browser is nobody yet (no account, no name). */
  inbox: InboxResponse | null;
  error: string | null;
  signedIn: boolean;
  markRead: (id: string) => Promise<void>;
  markAllRead: () => Promise<void>;
}

/**
 * The person's inbox, kept live: loaded once, then again on every event of its stream (which
 * carries the unread count, so the badge moves at once). `displayName` names a browser without
 * an account; a signed-in person is their account whatever it says.
 */
export function useInbox(displayName: string): InboxState {
  const account = useSignedIn();
  const headers: PersonHeaders | null = useMemo(() => {
    if (account === undefined) return null;
    if (account) return {};
    const named = personHeaders(displayName);
    return Object.keys(named).length > 0 ? named : null;
  }, [account, displayName]);
  const [inbox, setInbox] = useState<InboxResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (!headers) return;
    try {
      setInbox(await loadInbox(headers));
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setInbox(null);
      else setError(e instanceof Error ? e.message : "The inbox could not be loaded.");
    }
  }, [headers]);

  useEffect(() => {
    if (!headers) return;
    const stop = new AbortController();
    void refresh();
    void followInbox(
      headers,
      (event) => {
        setInbox((old) => (old ? { ...old, unread: event.unread } : old));
        void refresh();
      },
      stop.signal,
    );
    return () => stop.abort();
  }, [headers, refresh]);

  const act = useCallback(
    async (run: (h: PersonHeaders) => Promise<InboxResponse>) => {
      if (!headers) return;
      try {
        setInbox(await run(headers));
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : "That did not work; try again.");
      }
    },
    [headers],
  );

  return {
    inbox: headers ? inbox : null,
    error,
    signedIn: Boolean(account),
    markRead: (id) => act((h) => markRead(h, [id])),
    markAllRead: () => act(markAllRead),
  };
}
