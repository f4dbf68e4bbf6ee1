import { goalStatus, type LogicNode, todayIso, wholeGroupMeasurements } from "@logic-canvas/shared";
import { memo } from "react";
import { Sparkline } from "./Sparkline.tsx";
import { StatusBadge, StatusToday } from "./StatusBadge.tsx";
import { STATUS_COLOR } from "./status-labels.ts";
import "./monitoring.css";

/**
 * Status colour, sparkline and stale flag on a goal card. Memoised on the node object, which the
 * binding keeps identical until the node changes, so panning never recomputes it.
 */
function GoalCardProgressView({ node, today }: { node: LogicNode; today?: string }) {
  const status = goalStatus(node, { today: today ?? todayIso() });
  // The card shows the whole group; subgroups have their own lines in the panel's chart.
  const measurements = wholeGroupMeasurements(node.measurements);
  return (
    <span
      className="goal-progress"
      data-status={status.status}
      data-status-today={status.statusToday}
    >
      <StatusBadge status={status.status} stale={status.stale} compact />
      <StatusToday status={status} unit={node.smart?.unit} compact />
      {measurements.length > 0 && (
        <Sparkline
          measurements={measurements}
          baseline={node.smart?.baseline?.value}
          target={node.smart?.target?.value}
          color={STATUS_COLOR[status.status]}
        />
      )}
    </span>
  );
}

export const GoalCardProgress = memo(GoalCardProgressView);
