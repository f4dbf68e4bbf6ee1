import type { ProgressFilter, ProgressRow, WorkspaceProgressAnswer } from "@logic-canvas/shared";
import { CASCADE_EVENT, cascadePaths, PROGRESS_PAGE_MAX } from "@logic-canvas/shared/light";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, requestJson } from "../app/json-api.ts";
import {
  earlyAnswerPredatesStream,
  earlyProgressNow,
  takeEarlyProgress,
} from "./early-progress.ts";

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

/**
 * The first page's URL, and its answer if the early request's came before this code did: the
 * rows are then drawn in the first render (early-progress.ts).
 */
function useEarlyPage(workspaceId: string, filter: ProgressFilter) {
  const url = cascadePaths.progress(workspaceId, { ...filter, limit: PAGE_ROWS });
  const [early] = useState(() => earlyProgressNow<WorkspaceProgressAnswer>(url));
  return { url, early };
}

export function useProgressPages(workspaceId: string, filter: ProgressFilter): ProgressPages {
  const { url: firstUrl, early } = useEarlyPage(workspaceId, filter);
  const [answer, setAnswer] = useState<WorkspaceProgressAnswer | null>(early ?? null);
  const [rows, setRows] = useState<ProgressRow[]>(early?.rows ?? []);
  const [loading, setLoading] = useState(!early);
  const [error, setError] = useState<string | null>(null);
  /** Every request bumps it; an answer to an older one is dropped. */
  const seq = useRef(0);
  const shown = useRef(early?.rows.length ?? 0);
  /** Drawn from the early answer: the first filter effect only takes it, asks nothing. */
  const primed = useRef(Boolean(early));
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
    // Taken, so the live stream reads the rows once more when it opens (early-progress.ts).
    if (primed.current) void takeEarlyProgress(firstUrl)?.catch(() => undefined);
    else {
      shown.current = 0;
      again.current = false;
      reload();
    }
    primed.current = false;
  }, [workspaceId, filterKey, reload]);

  const clear = useCallback(() => {
    setAnswer(null);
    setRows([]);
  }, []);
  useOnWorkspaceChange(workspaceId, clear);
  useLiveReloads(workspaceId, reload, inFlight, again);

  const showMore = useCallback(() => {
    const cursor = latest.current.answer?.nextCursor;
    if (cursor) ask({ limit: PAGE_ROWS, cursor }, true);
  }, [ask]);

  return { rows, ...countsOf(answer), loading, error, showMore };
}

/** Another workspace starts empty: `clear` when the workspace changes (not as the page mounts). */
function useOnWorkspaceChange(workspaceId: string, clear: () => void): void {
  const shownWorkspace = useRef(workspaceId);
  useEffect(() => {
    if (shownWorkspace.current === workspaceId) return;
    shownWorkspace.current = workspaceId;
    clear();
  }, [workspaceId, clear]);
}

/** What the last answer says of the rows beyond those shown. */
function countsOf(answer: WorkspaceProgressAnswer | null) {
  return {
    total: answer ? (answer.total ?? answer.rows.length) : null,
    unfiltered: answer ? (answer.unfiltered ?? answer.total ?? answer.rows.length) : null,
    hasMore: Boolean(answer?.nextCursor),
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
