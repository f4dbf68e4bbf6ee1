import { type GoalProgress, type LogicNode, todayIso } from "@logic-canvas/shared";
import { useState } from "react";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import { formatDay } from "../ui/dates.ts";
import { GoalChart } from "./GoalChart.tsx";
import { MeasurementForm } from "./MeasurementForm.tsx";
import { StatusBadge, StatusToday } from "./StatusBadge.tsx";
import { SubgroupStatusList } from "./SubgroupStatusList.tsx";
import { formatValue } from "./status-labels.ts";

/**
 * One goal's row of the progress table. It owns its "recording" state so opening the inline
 * form on one goal never re-renders the other rows.
 */
export function GoalRow({
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
        <SubgroupStatusList node={node} today={todayIso()} />
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
              subgroups={node.subgroups}
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
