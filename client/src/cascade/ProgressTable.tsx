import type { ProgressSort } from "@logic-canvas/shared";
import { KIND_LABELS } from "@logic-canvas/shared/light";
import type { ReactNode } from "react";
import { modelHref } from "../app/routes.ts";
import { StatusBadge } from "../monitoring/StatusBadge.tsx";
import { formatValue } from "../monitoring/status-labels.ts";
import { formatDay } from "../ui/dates.ts";
import type { ProgressRow } from "./cascade-types.ts";

/**
 * A column header that sorts by its column: a button (reachable by keyboard), and `aria-sort` on
 * the column the rows are sorted by, so a screen reader says so. Each order has one direction,
 * the one a leader reads first (worst status, oldest measurement, soonest check-in, A to Z).
 */
function SortHeader(props: {
  column: ProgressSort;
  sort: ProgressSort;
  onSort: (sort: ProgressSort) => void;
  children: ReactNode;
  className?: string;
}) {
  const active = props.sort === props.column;
  return (
    <th scope="col" className={props.className} aria-sort={active ? "ascending" : undefined}>
      <button
        type="button"
        className={`sort-header${active ? " is-sorted" : ""}`}
        onClick={() => props.onSort(props.column)}
      >
        {props.children}
        {active && <span aria-hidden="true"> ▲</span>}
      </button>
    </th>
  );
}

/** The progress rows: goal and where it lives, status, latest value, when, next check-in. */
export function ProgressTable({
  rows,
  placeOf,
  sort,
  onSort,
}: {
  rows: ProgressRow[];
  /** "Lincoln Elementary › Grade 3": a team's name says nothing without its school's. */
  placeOf: (row: ProgressRow) => string;
  sort: ProgressSort;
  onSort: (sort: ProgressSort) => void;
}) {
  const header = { sort, onSort };
  return (
    <table className="ws-table cascade-table" data-testid="workspace-progress">
      <thead>
        <tr>
          <SortHeader column="title" {...header}>
            Goal
          </SortHeader>
          <SortHeader column="place" {...header}>
            School or team · model
          </SortHeader>
          <SortHeader column="status" {...header}>
            Status
          </SortHeader>
          <th scope="col" className="ws-count">
            Latest
          </th>
          <th scope="col" className="ws-count">
            Target
          </th>
          <SortHeader column="measured" {...header}>
            Last measured
          </SortHeader>
          <SortHeader column="checkIn" {...header}>
            Next check-in
          </SortHeader>
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
              {/* Why a goal on track may still need attention: the 84 % trap, say. */}
              {g.warnings?.map((w) => (
                <span key={w.message} className="cascade-warning" data-testid="progress-warning">
                  {w.message}
                </span>
              ))}
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
