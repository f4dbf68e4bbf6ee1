import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, requestJson } from "../app/json-api.ts";
import type { AlignCandidate, CascadeAnswer, ModelAlignments } from "./cascade-types.ts";

/** The cascade routes as the pages call them; the session cookie (or a link token) says who asks. */

const enc = encodeURIComponent;
const bearer = (token?: string) => (token ? { authorization: `Bearer ${token}` } : undefined);

export function workspaceCascade(workspaceId: string): Promise<CascadeAnswer> {
  return requestJson(`/api/workspaces/${enc(workspaceId)}/cascade`);
}

export async function alignCandidates(modelId: string, token?: string): Promise<AlignCandidate[]> {
  const answer = await requestJson<{ candidates: AlignCandidate[] }>(
    `/api/models/${enc(modelId)}/align-candidates`,
    { headers: bearer(token) },
  );
  return answer.candidates;
}

export function modelAlignments(modelId: string, token?: string): Promise<ModelAlignments> {
  return requestJson(`/api/models/${enc(modelId)}/alignments`, { headers: bearer(token) });
}

/** The events URL the server pushes "something in this cascade changed" on. */
export const workspaceEventsUrl = (workspaceId: string) =>
  `/api/workspaces/${enc(workspaceId)}/cascade/events`;

/**
 * Loads `load()` and loads it again whenever the server says the cascade changed (an
 * EventSource on `eventsUrl`; the browser reconnects it by itself). Overlapping reloads are
 * folded into one, so a burst of measurements costs one request at a time.
 */
export function useLiveLoad<T>(
  load: () => Promise<T>,
  eventsUrl: string | null,
  deps: readonly unknown[],
): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(false);
  const again = useRef(false);
  const latestLoad = useRef(load);
  latestLoad.current = load;

  const reload = useCallback(() => {
    if (loading.current) {
      again.current = true;
      return;
    }
    loading.current = true;
    latestLoad
      .current()
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)))
      .finally(() => {
        loading.current = false;
        if (again.current) {
          again.current = false;
          reload();
        }
      });
  }, []);

  useEffect(() => {
    setData(null);
    reload();
    if (!eventsUrl) return;
    const source = new EventSource(eventsUrl);
    source.addEventListener("changed", () => reload());
    return () => source.close();
  }, [eventsUrl, reload, ...deps]);

  return { data, error, reload };
}
