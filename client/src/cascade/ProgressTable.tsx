import { KIND_LABELS } from "@logic-canvas/shared";
import { StatusBadge } from "../monitoring/StatusBadge.tsx";
import { formatValue } from "../monitoring/status-labels.ts";
import { formatDay } from "../ui/dates.ts";
import type { ProgressRow } from "./cascade-types.ts";
import { modelHref } from "./GoalFacts.tsx";

/** The progress rows: goal and where it lives, status, latest value, when, next check-in. */
export function ProgressTable({
  rows,
  placeOf,
}: {
  rows: ProgressRow[];
  /** "Lincoln Elementary › Grade 3": a team's name says nothing without its school's. */
  placeOf: (row: ProgressRow) => string;
}) {
  return (
    <table className="ws-table cascade-table" data-testid="workspace-progress">
      <thead>
        <tr>
          <th scope="col">Goal</th>
          <th scope="col">School or team · model</th>
          <th scope="col">Status</th>
          <th scope="col" className="ws-count">
            Latest
          </th>
          <th scope="col" className="ws-count">
            Target
          </th>
          <th scope="col">Last measured</th>
          <th scope="col">Next check-in</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((g) => (
          <tr key={`${g.modelId}:${g.cardId}`} data-goal={`${g.modelId}:${g.cardId}`}>
            <th scope="row">
              <a href={modelHref(g)}>{g.title}</a>
              <span className="cascade-kind">{KIND_LABELS[g.kind].short}</span>
              {g.brokenUp > 0 && (
                <span className="cascade-warning is-broken">
                  {g.brokenUp === 1 ? "A broken alignment" : `${g.brokenUp} broken alignments`}
                </span>
              )}
            </th>
            <td>
              {placeOf(g)}
              <span className="muted small cascade-model"> {g.modelTitle}</span>
            </td>
            <td>
              <StatusBadge status={g.status} stale={g.stale} />
            </td>
            <td className="ws-count" data-testid="latest-value">
              {formatValue(g.latest?.value, g.unit ?? undefined)}
            </td>
            <td className="ws-count">
              {formatValue(g.target ?? undefined, g.unit ?? undefined)}
              {g.targetDate && <span className="muted small"> by {formatDay(g.targetDate)}</span>}
            </td>
            <td>{g.lastMeasured ? formatDay(g.lastMeasured) : "—"}</td>
            <td>{g.nextCheckIn ? formatDay(g.nextCheckIn) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
