import {
  GOAL_KINDS,
  GOAL_STATUSES,
  type GoalProgress,
  KIND_LABELS,
  type LogicModel,
  type LogicNode,
  type ModelProgressSummary,
  modelProgressSummary,
  todayIso,
} from "@logic-canvas/shared";
import { useDeferredValue, useMemo } from "react";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import { CheckIns } from "./CheckIns.tsx";
import { GoalRow } from "./GoalRow.tsx";
import { CycleProgress } from "./pdca/CycleProgress.tsx";
import { STATUS_LABEL } from "./status-labels.ts";
import "./monitoring.css";
import "./subgroups.css";
import { requestMeasurementImport } from "../measurement-import/import-request.ts";

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
          <StatusCounts summary={summary} />
          {!readOnly && (
            <button
              type="button"
              className="link-button"
              data-testid="dashboard-import"
              onClick={requestMeasurementImport}
            >
              Import measurements from a spreadsheet…
            </button>
          )}
        </div>
        <CheckIns binding={binding} checkIns={checkIns} summary={summary} readOnly={readOnly} />
      </div>
      {summary.goals.length === 0 && (
        <p className="panel-empty">
          This model has no goals yet. Add small-win, mid-journey or long-term goals on the canvas.
        </p>
      )}
      <CycleProgress model={deferred} onShow={onShow} />
      {GOAL_KINDS.map((kind) => {
        const goals = summary.goals.filter((g) => g.kind === kind);
        if (goals.length === 0) return null;
        return (
          <GoalLane
            key={kind}
            kind={kind}
            goals={goals}
            nodes={nodes}
            binding={binding}
            readOnly={readOnly}
            onShow={onShow}
          />
        );
      })}
    </div>
  );
}

/** How many goals sit in each status, and how many mid-journey goals went stale. */
function StatusCounts({ summary }: { summary: ModelProgressSummary }) {
  return (
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
  );
}

/** One lane's table (small wins, mid-journey, long-term), in the order the canvas shows them. */
function GoalLane({
  kind,
  goals,
  nodes,
  binding,
  readOnly,
  onShow,
}: {
  kind: (typeof GOAL_KINDS)[number];
  goals: GoalProgress[];
  nodes: Map<string, LogicNode>;
  binding: YjsFlowBinding;
  readOnly: boolean;
  onShow?: (nodeId: string) => void;
}) {
  return (
    <section className={`dashboard-lane kind-${kind}`} data-lane={kind}>
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
}
