import type { ProgressFilter, ProgressRow, WorkspaceProgressAnswer } from "@logic-canvas/shared";
import { CASCADE_EVENT, cascadePaths, PROGRESS_PAGE_MAX } from "@logic-canvas/shared/light";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, requestJson } from "../app/json-api.ts";
import { earlyAnswerPredatesStream, takeEarlyProgress } from "./early-progress.ts";

/**
 * The progress page's rows, a page at a time from the server, which sorts and filters them: a
 * district of 10,000 goals opens with its first 200. A change of filter or order asks again
 * from the start; "Show more" asks for the next page; a change in the cascade (the server's
 * event stream) reloads as many rows as are shown, from the start, since a cursor read after a
 * change may skip or repeat a row.
 */

/** Rows asked at first and per "Show more". */
export const PAGE_ROWS = 200;

export interface ProgressPages {
  rows: ProgressRow[];
  /** Rows matching the filter, and goals in all; null until the first answer. */
  total: number | null;
  unfiltered: number | null;
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  showMore: () => void;
}

/** The first page may already be on its way: the early script asked for it with the HTML. */
const askPage = (url: string) =>
  takeEarlyProgress<WorkspaceProgressAnswer>(url) ?? requestJson<WorkspaceProgressAnswer>(url);

const message = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

export function useProgressPages(workspaceId: string, filter: ProgressFilter): ProgressPages {
  const [answer, setAnswer] = useState<WorkspaceProgressAnswer | null>(null);
  const [rows, setRows] = useState<ProgressRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  /** Every request bumps it; an answer to an older one is dropped. */
  const seq = useRef(0);
  const shown = useRef(0);
  const inFlight = useRef(false);
  const again = useRef(false);
  const reloadLater = useRef(() => {});
  const latest = useRef({ workspaceId, filter, answer });
  latest.current = { workspaceId, filter, answer };

  const ask = useCallback((query: { limit: number; cursor?: string }, append: boolean) => {
    const mine = ++seq.current;
    inFlight.current = true;
    setLoading(true);
    const { workspaceId: id, filter: f } = latest.current;
    askPage(cascadePaths.progress(id, { ...f, ...query }))
      .then((a) => {
        if (mine !== seq.current) return;
        setAnswer(a);
        setRows((before) => {
          const next = append ? [...before, ...a.rows] : a.rows;
          shown.current = next.length;
          return next;
        });
        setError(null);
      })
      .catch((e: unknown) => mine === seq.current && setError(message(e)))
      .finally(() => {
        if (mine !== seq.current) return;
        inFlight.current = false;
        setLoading(false);
        if (again.current) {
          again.current = false;
          reloadLater.current();
        }
      });
  }, []);

  /** From the start, as many rows as are shown (at least a page). */
  const reload = useCallback(() => {
    const limit = Math.min(PROGRESS_PAGE_MAX, Math.max(PAGE_ROWS, shown.current));
    ask({ limit }, false);
  }, [ask]);
  reloadLater.current = reload;

  // A new filter or order: the first page of it (the rows shown stay until it comes).
  const filterKey = JSON.stringify(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter is read through `latest`; its key says when it changed
  useEffect(() => {
    shown.current = 0;
    again.current = false;
    reload();
  }, [workspaceId, filterKey, reload]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: another workspace starts empty
  useEffect(() => {
    setAnswer(null);
    setRows([]);
  }, [workspaceId]);
  useLiveReloads(workspaceId, reload, inFlight, again);

  const showMore = useCallback(() => {
    const cursor = latest.current.answer?.nextCursor;
    if (cursor) ask({ limit: PAGE_ROWS, cursor }, true);
  }, [ask]);

  return {
    rows,
    total: answer ? (answer.total ?? answer.rows.length) : null,
    unfiltered: answer ? (answer.unfiltered ?? answer.total ?? answer.rows.length) : null,
    hasMore: Boolean(answer?.nextCursor),
    loading,
    error,
    showMore,
  };
}

/**
 * Follows the workspace's cascade stream: each change reloads the rows shown, one request at a
 * time (a change heard while one is in flight sets `again`, which the request's end honours).
 */
function useLiveReloads(
  workspaceId: string,
  reload: () => void,
  inFlight: { current: boolean },
  again: { current: boolean },
): void {
  useEffect(() => {
    const source = new EventSource(cascadePaths.events(workspaceId));
    const changed = () => {
      if (inFlight.current) again.current = true;
      else reload();
    };
    source.addEventListener(CASCADE_EVENT, changed);
    // After a dropped connection the browser reconnects; what changed meanwhile is read again,
    // as is what changed since the early request's answer (`early-progress.ts`).
    let opened = false;
    source.addEventListener("open", () => {
      if (opened || earlyAnswerPredatesStream()) changed();
      opened = true;
    });
    return () => source.close();
  }, [workspaceId, reload, inFlight, again]);
}
