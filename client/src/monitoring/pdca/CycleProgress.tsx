import {
  checkDay,
  goalsByCyclePhase,
  type LogicModel,
  PHASE_LABELS,
  todayIso,
} from "@logic-canvas/shared";
import { useMemo } from "react";
import { formatDay } from "../../ui/dates.ts";
import "./pdca.css";

/**
 * The Progress view's PDCA list (issue 17): goals by the phase of their current cycle, with the
 * cycles whose Check date passed without a decision flagged first in their phase.
 */
export function CycleProgress({
  model,
  onShow,
}: {
  model: LogicModel;
  onShow?: (nodeId: string) => void;
}) {
  const today = todayIso();
  const groups = useMemo(() => goalsByCyclePhase(model, today), [model, today]);
  const overdue = groups.reduce((n, g) => n + g.rows.filter((r) => r.overdue).length, 0);
  if (groups.length === 0) return null;
  return (
    <section className="dashboard-lane cycle-progress" data-testid="cycle-progress">
      <h3>PDCA cycles by phase</h3>
      {overdue > 0 && (
        <p className="cycle-overdue-flag" data-testid="cycle-overdue-count">
          {overdue === 1
            ? "1 cycle's Check date passed without a decision"
            : `${overdue} cycles' Check dates passed without a decision`}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Goal</th>
            <th scope="col">Cycle</th>
            <th scope="col">Plan</th>
            <th scope="col">Check date</th>
          </tr>
        </thead>
        <tbody>
          {groups.flatMap((group) =>
            group.rows.map((row) => {
              const check = checkDay(row.cycle);
              return (
                <tr key={row.goal.id} data-phase={group.phase} data-overdue={row.overdue}>
                  <td>{PHASE_LABELS[group.phase]}</td>
                  <td>
                    {onShow ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onShow(row.goal.id)}
                      >
                        {row.goal.title}
                      </button>
                    ) : (
                      row.goal.title
                    )}
                  </td>
                  <td>{row.number}</td>
                  <td>{row.cycle.plan?.what || <span className="muted">not written</span>}</td>
                  <td>
                    {check ? formatDay(check) : <span className="muted">not set</span>}{" "}
                    {row.overdue && (
                      <span className="cycle-overdue-flag" data-testid="cycle-overdue-row">
                        Passed without a decision
                      </span>
                    )}
                  </td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </section>
  );
}
