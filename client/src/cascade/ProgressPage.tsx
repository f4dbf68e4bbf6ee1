import {
  GOAL_KINDS,
  GOAL_STATUSES,
  KIND_LABELS,
  progressToCsv,
  WORKSPACE_KIND_LABELS,
  type WorkspaceView,
} from "@logic-canvas/shared";
import { useMemo, useState } from "react";
import { downloadBlob, fileNameFor } from "../exports/download.ts";
import { STATUS_LABEL } from "../monitoring/status-labels.ts";
import { subtreeIds } from "../workspaces/tree.ts";
import { CascadeFrame, useWorkspaceList } from "./CascadeFrame.tsx";
import { useLiveLoad, workspaceProgress } from "./cascade-client.ts";
import { cascadePaths, type ProgressRow } from "./cascade-types.ts";
import { ProgressTable } from "./ProgressTable.tsx";
import {
  NO_PROGRESS_FILTER,
  PROGRESS_SORTS,
  type ProgressFilter,
  type ProgressSort,
  progressRows,
} from "./progress-rows.ts";

/** Rows drawn at first and per "Show more": a district of 10,000 goals still opens at once. */
const PAGE_ROWS = 200;

/** Every goal of every model at or below the workspace, one row each, live. */
export function ProgressPage({ workspaceId }: { workspaceId: string }) {
  const { workspaces, error: listError } = useWorkspaceList();
  const { data, error } = useLiveLoad(
    () => workspaceProgress(workspaceId),
    cascadePaths.events(workspaceId),
  );
  const [filter, setFilter] = useState<ProgressFilter>(NO_PROGRESS_FILTER);
  const [limit, setLimit] = useState(PAGE_ROWS);
  const set = (change: Partial<ProgressFilter>) => {
    setFilter((f) => ({ ...f, ...change }));
    setLimit(PAGE_ROWS);
  };
  const here = useMemo(() => subtreeIds(workspaces, workspaceId), [workspaces, workspaceId]);
  const goals = data?.rows ?? [];
  const rows = useMemo(() => {
    const places = filter.place ? subtreeIds(workspaces, filter.place) : null;
    return progressRows(goals, filter, places);
  }, [goals, filter, workspaces]);
  const workspace = workspaces.find((w) => w.id === workspaceId);
  const placeOf = useMemo(() => {
    const byId = new Map(workspaces.map((w) => [w.id, w]));
    return (row: ProgressRow) => {
      const parent = byId.get(byId.get(row.workspaceId)?.parentId ?? "");
      return row.workspaceKind === "team" && parent
        ? `${parent.name} › ${row.workspaceName}`
        : row.workspaceName;
    };
  }, [workspaces]);
  const exportCsv = () =>
    downloadBlob(
      new Blob([progressToCsv(rows)], { type: "text/csv;charset=utf-8" }),
      fileNameFor(`${workspace?.name ?? "workspace"} progress`, "csv"),
    );

  return (
    <CascadeFrame
      workspaceId={workspaceId}
      workspaces={workspaces}
      page="progress"
      title="Progress"
      error={error ?? listError}
      actions={
        <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
          Export CSV
        </button>
      }
    >
      <ProgressFilters
        filter={filter}
        onChange={set}
        places={workspaces.filter((w) => w.id !== workspaceId && here.has(w.id))}
      />
      {data === null ? (
        <p className="muted">Loading goals…</p>
      ) : (
        <>
          <p className="muted" role="status">
            {rows.length === goals.length
              ? `${goals.length} ${goals.length === 1 ? "goal" : "goals"}`
              : `${rows.length} of ${goals.length} goals shown`}
            {rows.length > limit && `; the first ${limit} are listed`}
          </p>
          {rows.length > 0 && <ProgressTable rows={rows.slice(0, limit)} placeOf={placeOf} />}
          {rows.length > limit && (
            <button type="button" onClick={() => setLimit((l) => l + PAGE_ROWS)}>
              Show {Math.min(PAGE_ROWS, rows.length - limit)} more
            </button>
          )}
        </>
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
  return (
    <div className="ws-filters cascade-filters">
      <input
        type="search"
        aria-label="Search goals"
        placeholder="Search goals, models, schools"
        value={filter.text}
        onChange={(e) => onChange({ text: e.target.value })}
      />
      <select
        aria-label="Sort"
        value={filter.sort}
        onChange={(e) => onChange({ sort: e.target.value as ProgressSort })}
      >
        {Object.entries(PROGRESS_SORTS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <select
        aria-label="Status"
        value={filter.status}
        onChange={(e) => onChange({ status: e.target.value as ProgressFilter["status"] })}
      >
        <option value="">Every status</option>
        {GOAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABEL[s]}
          </option>
        ))}
      </select>
      <select
        aria-label="Lane"
        value={filter.kind}
        onChange={(e) => onChange({ kind: e.target.value as ProgressFilter["kind"] })}
      >
        <option value="">Every goal lane</option>
        {GOAL_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k].label}
          </option>
        ))}
      </select>
      <select
        aria-label="School or team"
        value={filter.place}
        onChange={(e) => onChange({ place: e.target.value })}
      >
        <option value="">Every school and team</option>
        {places.map((p) => (
          <option key={p.id} value={p.id}>
            {WORKSPACE_KIND_LABELS[p.kind]}: {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
