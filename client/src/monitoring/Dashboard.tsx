import {
  GOAL_KINDS,
  GOAL_STATUSES,
  type GoalProgress,
  KIND_LABELS,
  type LogicModel,
  type LogicNode,
  modelProgressSummary,
  todayIso,
} from "@logic-canvas/shared";
import { useDeferredValue, useMemo, useState } from "react";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import { formatDay } from "../ui/dates.ts";
import { CheckIns } from "./CheckIns.tsx";
import { GoalChart } from "./GoalChart.tsx";
import { MeasurementForm } from "./MeasurementForm.tsx";
import { StatusBadge, StatusToday } from "./StatusBadge.tsx";
import { formatValue, STATUS_LABEL } from "./status-labels.ts";
import "./monitoring.css";

function GoalRow({
  goal,
  node,
  binding,
  readOnly,
  onShow,
}: {
  goal: GoalProgress;
  node: LogicNode;
  binding: YjsFlowBinding;
  readOnly: boolean;
  onShow?: (nodeId: string) => void;
}) {
  const [recording, setRecording] = useState(false);
  const smart = node.smart;
  const unit = smart?.unit;
  const dated = (v?: { value: number; date?: string }) =>
    v ? `${formatValue(v.value, unit)}${v.date ? ` (${formatDay(v.date)})` : ""}` : "—";
  return (
    <tr data-testid="dashboard-goal" data-node-id={node.id} data-status={goal.status}>
      <th scope="row" className="goal-title">
        {onShow ? (
          <button type="button" className="link-button" onClick={() => onShow(node.id)}>
            {node.title}
          </button>
        ) : (
          node.title
        )}
        {smart?.indicator && <div className="muted small">{smart.indicator}</div>}
      </th>
      <td>{dated(smart?.baseline)}</td>
      <td data-testid="dashboard-latest">
        {goal.latest ? formatValue(goal.latest.value, unit) : "—"}
      </td>
      <td>{dated(smart?.target)}</td>
      <td>
        <StatusBadge status={goal.status} stale={goal.stale} />
        <StatusToday status={goal} unit={unit} />
      </td>
      <td data-testid="dashboard-last-measured">
        {goal.latest ? formatDay(goal.latest.date) : "never"}
        {goal.notMeasuredSinceLastCheckIn && (
          <div className="badge since-check-in" title="No measurement since the last check-in">
            not since check-in
          </div>
        )}
      </td>
      <td className="chart-cell">
        <GoalChart node={node} />
      </td>
      {!readOnly && (
        <td className="record-cell">
          {recording ? (
            <MeasurementForm
              submitLabel="Record"
              unitHint={unit}
              compact
              onCancel={() => setRecording(false)}
              onSave={(m) => {
                const ok = binding.addMeasurement(node.id, m);
                if (ok) setRecording(false);
                return ok;
              }}
            />
          ) : (
            <button type="button" onClick={() => setRecording(true)} data-testid="dashboard-record">
              Record…
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

/** The progress view: every goal by lane, with status, chart and the model's check-ins. */
export function Dashboard({
  binding,
  model,
  checkIns,
  readOnly,
  onShow,
}: {
  binding: YjsFlowBinding;
  model: LogicModel;
  checkIns: string[];
  readOnly: boolean;
  onShow?: (nodeId: string) => void;
}) {
  // Deferred: a collaborator's edit never waits for a dozen charts to re-render.
  const deferred = useDeferredValue(model);
  const today = todayIso();
  const summary = useMemo(
    () => modelProgressSummary(deferred, { today, checkIns }),
    [deferred, today, checkIns],
  );
  const nodes = useMemo(() => new Map(deferred.nodes.map((n) => [n.id, n])), [deferred]);
  return (
    <div className="dashboard" data-testid="dashboard">
      <div className="dashboard-head">
        <div>
          <h2>Progress</h2>
          <p className="status-counts" data-testid="status-counts">
            {GOAL_STATUSES.map((s) => (
              <span key={s} className={`count-chip status-${s}`} data-status={s}>
                {STATUS_LABEL[s]}: <strong>{summary.counts[s]}</strong>
              </span>
            ))}
            {summary.staleNodeIds.length > 0 && (
              <span className="count-chip stale-chip" data-testid="stale-count">
                Stale mid-journey goals: <strong>{summary.staleNodeIds.length}</strong>
              </span>
            )}
          </p>
        </div>
        <CheckIns binding={binding} checkIns={checkIns} summary={summary} readOnly={readOnly} />
      </div>
      {summary.goals.length === 0 && (
        <p className="panel-empty">
          This model has no goals yet. Add small-win, mid-journey or long-term goals on the canvas.
        </p>
      )}
      {GOAL_KINDS.map((kind) => {
        const goals = summary.goals.filter((g) => g.kind === kind);
        if (goals.length === 0) return null;
        return (
          <section key={kind} className={`dashboard-lane kind-${kind}`} data-lane={kind}>
            <h3>{KIND_LABELS[kind].label}</h3>
            <table className="dashboard-table">
              <thead>
                <tr>
                  <th scope="col">Goal</th>
                  <th scope="col">Baseline</th>
                  <th scope="col">Latest</th>
                  <th scope="col">Target</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last measured</th>
                  <th scope="col">Measurements against the line</th>
                  {!readOnly && <th scope="col">Record</th>}
                </tr>
              </thead>
              <tbody>
                {goals.map((goal) => {
                  const node = nodes.get(goal.nodeId);
                  return node ? (
                    <GoalRow
                      key={goal.nodeId}
                      goal={goal}
                      node={node}
                      binding={binding}
                      readOnly={readOnly}
                      onShow={onShow}
                    />
                  ) : null;
                })}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
