import { goalStatus, type LogicNode, todayIso } from "@logic-canvas/shared";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import { formatDay } from "../ui/dates.ts";
import { Section } from "../ui/Section.tsx";
import { MeasurementList } from "./MeasurementList.tsx";
import { CyclePanel } from "./pdca/CyclePanel.tsx";
import { SmartEditor } from "./SmartEditor.tsx";
import { StatusBadge, StatusToday } from "./StatusBadge.tsx";
import { SubgroupsEditor } from "./SubgroupsEditor.tsx";
import { formatValue } from "./status-labels.ts";
import "./monitoring.css";
import "./subgroups.css";

/** The side panel's goal section: SMART editor, status and measurements of one goal, its subgroups. */
export function GoalPanel({
  node,
  binding,
  readOnly,
}: {
  node: LogicNode;
  binding: YjsFlowBinding;
  readOnly: boolean;
}) {
  const status = goalStatus(node, { today: todayIso() });
  const unit = node.smart?.unit;
  return (
    <div className="goal-panel" data-testid="goal-panel">
      <SmartEditor
        node={node}
        readOnly={readOnly}
        onPatch={(patch) => binding.updateSmart(node.id, patch)}
      />
      <Section title="Progress">
        <p className="goal-progress-line">
          <StatusBadge status={status.status} stale={status.stale} />
          {status.latest && (
            <span className="muted small">
              {" "}
              latest {formatValue(status.latest.value, unit)} on {formatDay(status.latest.date)}
              {status.expectedNow !== undefined &&
                `; the line from baseline to target is at ${formatValue(Math.round(status.expectedNow * 10) / 10, unit)} today`}
            </span>
          )}
        </p>
        <p className="goal-status-today">
          <StatusToday status={status} unit={unit} />
        </p>
        <MeasurementList node={node} binding={binding} readOnly={readOnly} />
      </Section>
      <SubgroupsEditor node={node} binding={binding} readOnly={readOnly} />
      <CyclePanel node={node} binding={binding} readOnly={readOnly} />
    </div>
  );
}
