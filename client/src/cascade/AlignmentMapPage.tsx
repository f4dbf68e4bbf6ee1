import { GOAL_STATUSES } from "@logic-canvas/shared";
import { useMemo, useState } from "react";
import { STATUS_LABEL } from "../monitoring/status-labels.ts";
import { CascadeFrame, useWorkspaceList } from "./CascadeFrame.tsx";
import { alignmentMap, useLiveLoad } from "./cascade-client.ts";
import { cascadePaths } from "./cascade-types.ts";
import { MapView } from "./MapView.tsx";
import { countMatches, filterTree, type MapFilter, NO_MAP_FILTER, treeOf } from "./map-tree.ts";

/** The cascade of a workspace as a tree of goals, live, with its filters. */
export function AlignmentMapPage({ workspaceId }: { workspaceId: string }) {
  const { workspaces, error: listError } = useWorkspaceList();
  const { data, error } = useLiveLoad(
    () => alignmentMap(workspaceId),
    cascadePaths.events(workspaceId),
  );
  const [filter, setFilter] = useState<MapFilter>(NO_MAP_FILTER);
  const [open, setOpen] = useState(false);
  const tree = useMemo(() => (data ? treeOf(data) : []), [data]);
  const shown = useMemo(() => filterTree(tree, filter), [tree, filter]);
  const filtered = Boolean(filter.status || filter.school || filter.attention);
  const total = useMemo(() => countMatches(tree), [tree]);

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
        schools={data?.schools ?? []}
        open={open}
        onOpen={setOpen}
      />
      {data === null ? (
        <p className="muted">Loading the cascade…</p>
      ) : total === 0 ? (
        <p className="muted">
          No goals here yet. Goals appear once the models of this workspace and those below it have
          goal cards.
        </p>
      ) : (
        <>
          <p className="muted" role="status">
            {filtered
              ? `${countMatches(shown)} of ${total} goals match; the goals they align to are shown dimmed`
              : `${total} goals`}
          </p>
          <MapView roots={shown} open={open || filtered} />
        </>
      )}
    </CascadeFrame>
  );
}

function MapFilters({
  filter,
  onChange,
  schools,
  open,
  onOpen,
}: {
  filter: MapFilter;
  onChange: (change: Partial<MapFilter>) => void;
  schools: { id: string; name: string }[];
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
        aria-label="School"
        value={filter.school}
        onChange={(e) => onChange({ school: e.target.value })}
      >
        <option value="">Every school</option>
        {schools.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
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
