import type { CafeSession } from "@logic-canvas/shared";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { CafeWatch } from "../collab/cafe-watch.ts";
import { useReviewContext } from "../review/review-context.ts";
import { type CafeApi, cafeApi } from "./cafe-api.ts";

const NONE: CafeSession[] = [];
const noop = () => () => {};

/** The model's café sessions, live (newest first); empty until the review document arrives. */
export function useCafes(): CafeSession[] {
  const binding = useReviewContext()?.binding;
  const watch = useMemo(() => (binding ? new CafeWatch(binding) : null), [binding]);
  useEffect(() => () => watch?.destroy(), [watch]);
  return useSyncExternalStore(watch?.subscribe ?? noop, watch?.getSnapshot ?? (() => NONE));
}

/** The café API as this person, or null outside an editor. */
export function useCafeApi(): CafeApi | null {
  const ctx = useReviewContext();
  const modelId = ctx?.modelId;
  const token = ctx?.token ?? "";
  const displayName = ctx?.displayName ?? "";
  return useMemo(
    () => (modelId ? cafeApi({ modelId, token, displayName }) : null),
    [modelId, token, displayName],
  );
}

const RESYNC_MS = 5 * 60_000;

/**
 * The server's time, ticking each second: this browser's clock plus the offset measured against
 * the server (again after a reconnect, a return to the tab, and every five minutes), so a round's
 * timer reads the same everywhere, whatever each computer's clock says.
 */
export function useServerNow(api: CafeApi | null): number {
  const [offset, setOffset] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!api) return;
    const measure = () => {
      api.clockOffset().then(setOffset, () => undefined);
    };
    measure();
    const every = setInterval(measure, RESYNC_MS);
    const visible = () => document.visibilityState === "visible" && measure();
    window.addEventListener("online", measure);
    document.addEventListener("visibilitychange", visible);
    return () => {
      clearInterval(every);
      window.removeEventListener("online", measure);
      document.removeEventListener("visibilitychange", visible);
    };
  }, [api]);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  return now + offset;
}

/** "Show this session": the History panel asks, the café dialog opens on it. */
let requested: string | null = null;
const listeners = new Set<() => void>();

export function requestCafe(id: string | null): void {
  requested = id;
  for (const listener of listeners) listener();
}

export function onCafeRequest(listener: (id: string | null) => void): () => void {
  const call = () => listener(requested);
  listeners.add(call);
  return () => listeners.delete(call);
}
