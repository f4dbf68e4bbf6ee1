import { GOAL_STATUSES, MAP_UNALIGNED_PAGE } from "@logic-canvas/shared";
import { useCallback, useMemo, useState } from "react";
import { STATUS_LABEL } from "../monitoring/status-labels.ts";
import { CascadeFrame, useWorkspaceList } from "./CascadeFrame.tsx";
import { alignmentMap, useLiveLoad } from "./cascade-client.ts";
import { type AlignmentMapAnswer, cascadePaths, type MapNodeView } from "./cascade-types.ts";
import { MapView } from "./MapView.tsx";
import { countMatches, type MapFilter, mapQueryOf, NO_MAP_FILTER, treeOf } from "./map-tree.ts";
import { useUnfold } from "./map-unfold.ts";

/** The goals aligned to nothing asked for after the first page, for one answer of the map. */
interface MoreUnaligned {
  after: AlignmentMapAnswer;
  nodes: MapNodeView[];
  next: number | null;
}

/**
 * The cascade of a workspace as a tree of goals, live, filtered on the server. A district's map
 * comes in parts: the goals below a school's goals are asked for when the person opens them,
 * and the goals aligned to nothing a page at a time.
 */
export function AlignmentMapPage({ workspaceId }: { workspaceId: string }) {
  const { workspaces, error: listError } = useWorkspaceList();
  const [filter, setFilter] = useState<MapFilter>(NO_MAP_FILTER);
  const [open, setOpen] = useState(false);
  const query = mapQueryOf(filter, open);
  const queryKey = JSON.stringify(query);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the query
  const load = useCallback(() => alignmentMap(workspaceId, query), [workspaceId, queryKey]);
  const { data, error } = useLiveLoad(load, cascadePaths.events(workspaceId), queryKey);
  const unfold = useUnfold(workspaceId, query, data);
  const { tree, next, unalignedShown, unalignedTotal, showMore } = useUnalignedPages(
    workspaceId,
    query,
    data,
  );
  const filtered = Boolean(filter.status || filter.school || filter.attention);
  const counted = countMatches(tree);

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
      ) : tree.length === 0 ? (
        <p className="muted">
          {filtered
            ? "No goal matches these filters."
            : "No goals here yet. Goals appear once the models of this workspace and those below it have goal cards."}
        </p>
      ) : (
        <>
          <p className="muted" role="status">
            {filtered
              ? `${counted} goals match; the goals they align to are shown dimmed`
              : `${counted} goals`}
            {unalignedTotal > unalignedShown &&
              `; ${unalignedShown} of the ${unalignedTotal} goals that align to nothing here are listed`}
          </p>
          <MapView roots={tree} open={open || filtered} unfold={unfold} />
          {next !== null && (
            <button type="button" onClick={showMore}>
              Show {Math.min(MAP_UNALIGNED_PAGE, unalignedTotal - unalignedShown)} more goals that
              align to nothing
            </button>
          )}
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

/**
 * The map's tree with the goals aligned to nothing a page at a time: "Show more" asks the next
 * page and keeps it for this answer; a new answer (live change, new filter) starts again.
 */
function useUnalignedPages(
  workspaceId: string,
  query: ReturnType<typeof mapQueryOf>,
  data: AlignmentMapAnswer | null,
) {
  const [more, setMore] = useState<MoreUnaligned | null>(null);
  const current = more && more.after === data ? more : null;
  const tree = useMemo(
    () =>
      data
        ? treeOf({ roots: data.roots, unaligned: [...data.unaligned, ...(current?.nodes ?? [])] })
        : [],
    [data, current],
  );
  const next = current ? current.next : (data?.unalignedNext ?? null);
  const unalignedShown = (data?.unaligned.length ?? 0) + (current?.nodes.length ?? 0);
  const unalignedTotal = data?.unalignedTotal ?? unalignedShown;
  const showMore = () => {
    if (!data || next === null) return;
    alignmentMap(workspaceId, { ...query, more: next })
      .then((page) =>
        setMore({
          after: data,
          nodes: [...(current?.nodes ?? []), ...page.unaligned],
          next: page.unalignedNext ?? null,
        }),
      )
      .catch(() => undefined);
  };
  return { tree, next, unalignedShown, unalignedTotal, showMore };
}
