import type { ProgressFilter, ProgressSort, WorkspaceView } from "@logic-canvas/shared";
// The light surface only: this page loads no zod (issue 16, shared/src/light.ts).
import {
  cascadePaths,
  GOAL_KINDS,
  GOAL_STATUSES,
  KIND_LABELS,
  PROGRESS_SORTS,
  WORKSPACE_KIND_LABELS,
} from "@logic-canvas/shared/light";
import { useEffect, useMemo, useState } from "react";
import { STATUS_LABEL } from "../monitoring/status-labels.ts";
import { subtreeIds } from "../workspaces/tree.ts";
import { CascadeFrame, useWorkspaceList } from "./CascadeFrame.tsx";
import type { ProgressRow } from "./cascade-types.ts";
import { ProgressTable } from "./ProgressTable.tsx";
import { PAGE_ROWS, useProgressPages } from "./progress-pages.ts";

/** Typing waits this long before the server is asked again. */
const SEARCH_DELAY_MS = 250;
const n = (x: number) => x.toLocaleString("en");

/** "Showing 200 of 1,234 matching goals (10,000 in all)": what is listed, honestly counted. */
export function progressCount(shown: number, total: number, unfiltered: number): string {
  const goals = (x: number) => `${n(x)} ${x === 1 ? "goal" : "goals"}`;
  const of =
    total === unfiltered ? goals(total) : `${n(total)} matching (${goals(unfiltered)} in all)`;
  if (shown >= total)
    return total === unfiltered ? goals(total) : `${n(total)} of ${goals(unfiltered)} match`;
  return `Showing ${n(shown)} of ${of}`;
}

/** Every goal of every model at or below the workspace, one row each, live; sorted on the server. */
export function ProgressPage({ workspaceId }: { workspaceId: string }) {
  const { workspaces, error: listError } = useWorkspaceList();
  const [filter, setFilter] = useState<ProgressFilter>({});
  const pages = useProgressPages(workspaceId, filter);
  const set = (change: Partial<ProgressFilter>) => setFilter((f) => ({ ...f, ...change }));
  const here = useMemo(() => subtreeIds(workspaces, workspaceId), [workspaces, workspaceId]);
  const placeOf = useMemo(() => {
    const byId = new Map(workspaces.map((w) => [w.id, w]));
    return (row: ProgressRow) => {
      const parent = byId.get(byId.get(row.workspaceId)?.parentId ?? "");
      return row.workspaceKind === "team" && parent
        ? `${parent.name} › ${row.workspaceName}`
        : row.workspaceName;
    };
  }, [workspaces]);
  const { rows, total, unfiltered } = pages;

  return (
    <CascadeFrame
      workspaceId={workspaceId}
      workspaces={workspaces}
      page="progress"
      title="Progress"
      error={pages.error ?? listError}
      actions={
        total === 0 ? (
          <button type="button" disabled>
            Export CSV
          </button>
        ) : (
          // The server's CSV of every row of the current filter, in the current order.
          <a className="button" href={cascadePaths.progressCsv(workspaceId, filter)} download>
            Export CSV
          </a>
        )
      }
    >
      <ProgressFilters
        filter={filter}
        onChange={set}
        places={workspaces.filter((w) => w.id !== workspaceId && here.has(w.id))}
      />
      {total === null || unfiltered === null ? (
        <p className="muted">Loading goals…</p>
      ) : (
        <div aria-busy={pages.loading}>
          <p className="muted" role="status">
            {progressCount(rows.length, total, unfiltered)}
          </p>
          {rows.length > 0 && (
            <ProgressTable
              rows={rows}
              placeOf={placeOf}
              sort={filter.sort ?? "attention"}
              onSort={(sort) => set({ sort })}
            />
          )}
          {pages.hasMore && (
            <button type="button" onClick={pages.showMore} disabled={pages.loading}>
              Show {n(Math.min(PAGE_ROWS, total - rows.length))} more
            </button>
          )}
        </div>
      )}
    </CascadeFrame>
  );
}

function ProgressFilters({
  filter,
  onChange,
  places,
}: {
  filter: ProgressFilter;
  onChange: (change: Partial<ProgressFilter>) => void;
  places: WorkspaceView[];
}) {
  const [text, setText] = useState(filter.q ?? "");
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text starts a search
  useEffect(() => {
    if (text === (filter.q ?? "")) return;
    const timer = setTimeout(() => onChange({ q: text || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <div className="ws-filters cascade-filters">
      <input
        type="search"
        aria-label="Search goals"
        placeholder="Search goals, models, schools"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <FilterSelect
        label="Sort"
        value={filter.sort ?? "attention"}
        options={Object.entries(PROGRESS_SORTS)}
        onChange={(sort) => onChange({ sort: sort as ProgressSort })}
      />
      <FilterSelect
        label="Status"
        any="Every status"
        value={filter.status ?? ""}
        options={GOAL_STATUSES.map((s) => [s, STATUS_LABEL[s]])}
        onChange={(status) => onChange({ status: status as ProgressFilter["status"] })}
      />
      <FilterSelect
        label="Lane"
        any="Every goal lane"
        value={filter.kind ?? ""}
        options={GOAL_KINDS.map((k) => [k, KIND_LABELS[k].label])}
        onChange={(kind) => onChange({ kind: kind as ProgressFilter["kind"] })}
      />
      <FilterSelect
        label="School or team"
        any="Every school and team"
        value={filter.place ?? ""}
        options={places.map((p) => [p.id, `${WORKSPACE_KIND_LABELS[p.kind]}: ${p.name}`])}
        onChange={(place) => onChange({ place })}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={filter.attention ?? false}
          onChange={(e) => onChange({ attention: e.target.checked || undefined })}
        />
        Only what needs attention
      </label>
    </div>
  );
}

/**
 * One of the filters: a labelled choice among `options` ([value, words]); `any`, when given, is
 * the first choice and stands for no filter (undefined).
 */
function FilterSelect(props: {
  label: string;
  value: string;
  options: [string, string][];
  any?: string;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <select
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value || undefined)}
    >
      {props.any !== undefined && <option value="">{props.any}</option>}
      {props.options.map(([value, words]) => (
        <option key={value} value={value}>
          {words}
        </option>
      ))}
    </select>
  );
}
