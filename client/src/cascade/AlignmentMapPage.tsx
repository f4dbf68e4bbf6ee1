import { GOAL_STATUSES, WORKSPACE_KIND_LABELS, type WorkspaceView } from "@logic-canvas/shared";
import { useMemo, useState } from "react";
import { STATUS_LABEL } from "../monitoring/status-labels.ts";
import { subtreeIds } from "../workspaces/tree.ts";
import { CascadeFrame, useWorkspaceList } from "./CascadeFrame.tsx";
import { useLiveLoad, workspaceCascade, workspaceEventsUrl } from "./cascade-client.ts";
import { MapView } from "./MapView.tsx";
import { buildTree, filterTree, type MapFilter, NO_MAP_FILTER } from "./map-tree.ts";

/** The cascade of a workspace as a tree of goals, live, with its filters. */
export function AlignmentMapPage({ workspaceId }: { workspaceId: string }) {
  const { workspaces, error: listError } = useWorkspaceList();
  const { data, error } = useLiveLoad(
    () => workspaceCascade(workspaceId),
    workspaceEventsUrl(workspaceId),
    [workspaceId],
  );
  const [filter, setFilter] = useState<MapFilter>(NO_MAP_FILTER);
  const [open, setOpen] = useState(false);
  const tree = useMemo(() => buildTree(data?.goals ?? []), [data]);
  const places = useMemo(
    () => (filter.place ? subtreeIds(workspaces, filter.place) : new Set<string>()),
    [workspaces, filter.place],
  );
  const shown = useMemo(() => filterTree(tree, filter, places), [tree, filter, places]);
  const filtered = filter !== NO_MAP_FILTER && (filter.status || filter.place || filter.attention);
  const below = workspaces.filter(
    (w) => w.id !== workspaceId && subtreeIds(workspaces, workspaceId).has(w.id),
  );

  return (
    <CascadeFrame
      workspaceId={workspaceId}
      workspaces={workspaces}
      page="alignment"
      title="Alignment map"
      error={error ?? listError}
    >
      <MapFilters
        filter={filter}
        onChange={(change) => setFilter((f) => ({ ...f, ...change }))}
        places={below}
        open={open}
        onOpen={setOpen}
      />
      {data === null ? (
        <p className="muted">Loading the cascade…</p>
      ) : data.goals.length === 0 ? (
        <p className="muted">
          No goals here yet. Goals appear once the models of this workspace and those below it have
          goal cards.
        </p>
      ) : (
        <>
          <p className="muted" role="status">
            {filtered
              ? `${countGoals(shown)} of ${data.goals.length} goals shown (dimmed goals are shown for context)`
              : `${data.goals.length} goals`}
          </p>
          <MapView roots={shown} open={open || Boolean(filtered)} />
        </>
      )}
    </CascadeFrame>
  );
}

function countGoals(nodes: ReturnType<typeof filterTree>): number {
  let n = 0;
  const walk = (list: typeof nodes) => {
    for (const node of list) {
      if (node.matches) n += 1;
      walk(node.children);
    }
  };
  walk(nodes);
  return n;
}

function MapFilters({
  filter,
  onChange,
  places,
  open,
  onOpen,
}: {
  filter: MapFilter;
  onChange: (change: Partial<MapFilter>) => void;
  places: WorkspaceView[];
  open: boolean;
  onOpen: (open: boolean) => void;
}) {
  return (
    <div className="ws-filters cascade-filters">
      <select
        aria-label="Status"
        value={filter.status}
        onChange={(e) => onChange({ status: e.target.value as MapFilter["status"] })}
      >
        <option value="">Every status</option>
        {GOAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABEL[s]}
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
      <label className="check">
        <input
          type="checkbox"
          checked={filter.attention}
          onChange={(e) => onChange({ attention: e.target.checked })}
        />
        Only what needs attention
      </label>
      <label className="check">
        <input type="checkbox" checked={open} onChange={(e) => onOpen(e.target.checked)} />
        Show every aligned goal
      </label>
    </div>
  );
}
