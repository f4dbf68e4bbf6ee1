import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, requestJson } from "../app/json-api.ts";
import {
  type AlignableGoal,
  type Alignment,
  type AlignmentContextAnswer,
  type AlignmentMapAnswer,
  CASCADE_EVENT,
  cascadePaths,
  type MapQuery,
  type RollupAnswer,
} from "./cascade-types.ts";

/** The cascade routes as the pages call them; the session cookie (or a link token) says who asks. */

const bearer = (token?: string) => (token ? { authorization: `Bearer ${token}` } : undefined);

export const alignmentMap = (
  workspaceId: string,
  query: MapQuery = {},
): Promise<AlignmentMapAnswer> => requestJson(cascadePaths.map(workspaceId, query));

export async function alignableGoals(
  modelId: string,
  cardId: string,
  query: string,
  token?: string,
): Promise<AlignableGoal[]> {
  const answer = await requestJson<{ goals: AlignableGoal[] }>(
    cascadePaths.alignable(modelId, cardId, query),
    { headers: bearer(token) },
  );
  return answer.goals;
}

export function saveAlignments(
  modelId: string,
  cardId: string,
  alignsTo: Alignment[],
  token?: string,
): Promise<unknown> {
  return requestJson(cascadePaths.alignments(modelId, cardId), {
    method: "PUT",
    headers: bearer(token),
    body: { alignsTo },
  });
}

export const alignmentContext = (
  modelId: string,
  token?: string,
): Promise<AlignmentContextAnswer> =>
  requestJson(cascadePaths.context(modelId), { headers: bearer(token) });

export const goalRollup = (
  modelId: string,
  cardId: string,
  token?: string,
): Promise<RollupAnswer> =>
  requestJson(cascadePaths.rollup(modelId, cardId), { headers: bearer(token) });

/**
 * Loads `load()`, and again whenever the server's event stream at `eventsUrl` says the cascade
 * changed (the browser reconnects an EventSource by itself), or `key` changes (new filters: what
 * is shown stays until the new answer comes). Overlapping reloads fold into one, so a burst of
 * measurements costs one request at a time.
 */
export function useLiveLoad<T>(
  load: () => Promise<T>,
  eventsUrl: string | null,
  key = "",
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
    source.addEventListener(CASCADE_EVENT, () => reload());
    // After a dropped connection the browser reconnects; what changed meanwhile is read again.
    let opened = false;
    source.addEventListener("open", () => {
      if (opened) reload();
      opened = true;
    });
    return () => source.close();
  }, [eventsUrl, reload]);

  const firstKey = useRef(key);
  useEffect(() => {
    if (key === firstKey.current) return;
    firstKey.current = key;
    reload();
  }, [key, reload]);

  return { data, error, reload };
}
