import {
  currentCycle,
  cyclePhase,
  DECISION_LABELS,
  isCheckOverdue,
  type LogicNode,
  nextCycleDraft,
  type PdcaCycle,
  PHASE_LABELS,
  startCycleProblem,
  todayIso,
} from "@logic-canvas/shared";
import { useSyncExternalStore } from "react";
import type { YjsFlowBinding } from "../../canvas/yjs-flow-binding.ts";
import { formatDay } from "../../ui/dates.ts";
import { Section } from "../../ui/Section.tsx";
import { ActForm, CheckForm, type CurrentProps, DoForm, PlanForm } from "./CyclePhaseForms.tsx";
import "./pdca.css";

/**
 * A goal's PDCA cycles in the side panel (issue 17): start a cycle, fill Plan, Do and Check, and
 * decide (Act). The current cycle's phases are forms, its current phase outlined; earlier cycles
 * show as one line each with their decision and reason.
 */
export function CyclePanel({
  node,
  binding,
  readOnly,
}: {
  node: LogicNode;
  binding: YjsFlowBinding;
  readOnly: boolean;
}) {
  // The model's activities and check-in dates, for Do and Check.
  const snapshot = useSyncExternalStore(binding.subscribe, binding.getSnapshot);
  const cycles = node.cycles ?? [];
  const current = currentCycle(cycles);
  const earlier = cycles.slice(0, -1);
  const today = todayIso();
  const blocked = startCycleProblem(cycles);
  const adapting = nextCycleDraft(cycles).what !== "";
  return (
    <Section title="PDCA cycles">
      <div data-testid="cycle-panel">
        {earlier.length > 0 && (
          <ol className="cycle-list" aria-label="Earlier cycles">
            {earlier.map((cycle, index) => (
              <EarlierCycle key={cycle.id} cycle={cycle} number={index + 1} />
            ))}
          </ol>
        )}
        {current && (
          <CurrentCycle
            key={current.id}
            cycle={current}
            number={cycles.length}
            today={today}
            node={node}
            binding={binding}
            readOnly={readOnly}
            activities={snapshot.model.nodes.filter((n) => n.kind === "activity")}
            checkIns={snapshot.checkIns}
          />
        )}
        {!current && (
          <p className="muted small">
            Plan what you will try, do it, check the measurements at a check-in, then act: adopt,
            adapt or abandon.
          </p>
        )}
        {!readOnly && (
          <div className="cycle-row-actions">
            <button
              type="button"
              data-testid="start-cycle"
              disabled={blocked !== null}
              aria-describedby={blocked ? `${node.id}-cycle-blocked` : undefined}
              onClick={() => binding.revisit.startCycle(node.id)}
            >
              {current ? "Start the next cycle" : "Start a PDCA cycle"}
              {adapting && !blocked ? " (from the adapted plan)" : ""}
            </button>
            {blocked && current && (
              <span className="muted small" id={`${node.id}-cycle-blocked`}>
                Decide on cycle {cycles.length} first.
              </span>
            )}
          </div>
        )}
      </div>
    </Section>
  );
}

function EarlierCycle({ cycle, number }: { cycle: PdcaCycle; number: number }) {
  return (
    <li className="small">
      <strong>Cycle {number}</strong>: {cycle.plan?.what || "no plan written"}
      {cycle.act && (
        <>
          {" "}
          — <strong>{DECISION_LABELS[cycle.act.decision]}</strong>: {cycle.act.reason}
        </>
      )}
    </li>
  );
}

function CurrentCycle(props: CurrentProps) {
  const { cycle, number, today } = props;
  const phase = cyclePhase(cycle, today);
  const overdue = isCheckOverdue(cycle, today);
  const started = cycle.plan?.started;
  return (
    <div data-testid="current-cycle" data-phase={phase}>
      <p className="small">
        <strong>Cycle {number}</strong>
        {started && `, started ${formatDay(started)}`} — phase:{" "}
        <strong data-testid="cycle-phase">{PHASE_LABELS[phase]}</strong>{" "}
        {overdue && (
          <span className="cycle-overdue-flag" data-testid="cycle-overdue">
            Check date passed without a decision
          </span>
        )}
      </p>
      {/* Keyed on the saved phase, so a collaborator's save replaces a stale form. */}
      <PlanForm key={JSON.stringify(cycle.plan)} {...props} current={phase === "plan"} />
      <DoForm key={JSON.stringify(cycle.do)} {...props} current={phase === "do"} />
      <CheckForm key={JSON.stringify(cycle.check)} {...props} current={phase === "check"} />
      <ActForm
        key={JSON.stringify(cycle.act)}
        {...props}
        current={phase === "act" || phase === "closed"}
      />
    </div>
  );
}
