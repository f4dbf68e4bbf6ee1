import {
  ROLE_LABELS,
  WORKSPACE_KIND_LABELS,
  type WorkspaceModel,
  type WorkspaceView,
} from "@logic-canvas/shared";
import { useState } from "react";
import { formatMoment } from "../ui/dates.ts";
import {
  filterModels,
  type ModelFilter,
  NO_MODEL_FILTER,
  STATUS_FILTERS,
  type StatusFilter,
} from "./model-filter.ts";

const COUNTS = [
  ["on-track", "On track"],
  ["at-risk", "At risk"],
  ["off-track", "Off track"],
  ["not-measured", "Not measured"],
] as const;

/** The selected workspace's models (and those below it) with search, sort and filters. */
export function ModelList({
  models,
  places,
}: {
  models: WorkspaceModel[];
  /** The schools and teams below the selected workspace, to filter by. */
  places: WorkspaceView[];
}) {
  const [filter, setFilter] = useState<ModelFilter>(NO_MODEL_FILTER);
  const set = (change: Partial<ModelFilter>) => setFilter((f) => ({ ...f, ...change }));
  const shown = filterModels(models, filter);
  return (
    <section className="ws-models" aria-labelledby="ws-models-title">
      <h2 id="ws-models-title">Models</h2>
      <div className="ws-filters">
        <input
          type="search"
          aria-label="Search models"
          placeholder="Search by title"
          value={filter.text}
          onChange={(e) => set({ text: e.target.value })}
        />
        <select
          aria-label="Sort"
          value={filter.sort}
          onChange={(e) => set({ sort: e.target.value as ModelFilter["sort"] })}
        >
          <option value="edited">Last edited first</option>
          <option value="title">By title</option>
        </select>
        <select
          aria-label="School or team"
          value={filter.place}
          onChange={(e) => set({ place: e.target.value })}
        >
          <option value="">Every school and team</option>
          {places.map((p) => (
            <option key={p.id} value={p.id}>
              {WORKSPACE_KIND_LABELS[p.kind]}: {p.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Status"
          value={filter.status}
          onChange={(e) => set({ status: e.target.value as StatusFilter })}
        >
          {Object.entries(STATUS_FILTERS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <p className="muted" role="status">
        {shown.length === models.length
          ? `${models.length} ${models.length === 1 ? "model" : "models"}`
          : `${shown.length} of ${models.length} models shown`}
      </p>
      {shown.length > 0 && <ModelTable models={shown} />}
    </section>
  );
}

function ModelTable({ models }: { models: WorkspaceModel[] }) {
  return (
    <table className="ws-table" data-testid="workspace-models">
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">Workspace</th>
          <th scope="col">Last edited</th>
          {COUNTS.map(([key, label]) => (
            <th scope="col" key={key} className="ws-count">
              {label}
            </th>
          ))}
          <th scope="col" className="ws-count">
            Stale
          </th>
        </tr>
      </thead>
      <tbody>
        {models.map((m) => (
          <tr key={m.id}>
            <th scope="row">
              <a href={`/m/${m.id}`}>{m.title}</a>{" "}
              <span className={`role-badge role-${m.role}`}>{ROLE_LABELS[m.role]}</span>
            </th>
            <td>{m.workspaceName}</td>
            <td>{formatMoment(m.updatedAt)}</td>
            {COUNTS.map(([key]) => (
              <td key={key} className={`ws-count ws-${key}`}>
                {m.counts[key] + (key === "on-track" ? m.counts.achieved : 0)}
              </td>
            ))}
            <td className="ws-count ws-stale">{m.stale}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
