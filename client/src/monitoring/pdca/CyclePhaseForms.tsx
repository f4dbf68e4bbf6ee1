import {
  CYCLE_REASON_MAX,
  CYCLE_TEXT_MAX,
  DECISION_LABELS,
  decisionProblem,
  type LogicNode,
  measurementsOfCycle,
  PDCA_DECISIONS,
  type PdcaCycle,
  type PdcaDecision,
  suggestCheckDate,
} from "@logic-canvas/shared";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import type { YjsFlowBinding } from "../../canvas/yjs-flow-binding.ts";
import { formatDay } from "../../ui/dates.ts";
import { formatValue } from "../status-labels.ts";

/** One form per phase of the current cycle; each saves its phase as one change. */

export interface CurrentProps {
  cycle: PdcaCycle;
  number: number;
  today: string;
  node: LogicNode;
  binding: YjsFlowBinding;
  readOnly: boolean;
  activities: LogicNode[];
  checkIns: string[];
}

type PhaseProps = CurrentProps & { current: boolean };

function Phase(props: {
  legend: string;
  current: boolean;
  onSubmit?: () => void;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit?.();
  };
  return (
    <form onSubmit={submit}>
      <fieldset className="cycle-phase" data-current={props.current}>
        <legend>
          {props.legend}
          {props.current && <span className="visually-hidden"> (current phase)</span>}
        </legend>
        {props.children}
      </fieldset>
    </form>
  );
}

export function PlanForm({ cycle, node, binding, readOnly, current }: PhaseProps) {
  const id = useId();
  const [what, setWhat] = useState(cycle.plan?.what ?? "");
  const [until, setUntil] = useState(cycle.plan?.until ?? "");
  return (
    <Phase
      legend="Plan"
      current={current}
      onSubmit={() =>
        binding.revisit.savePlan(node.id, cycle.id, { what, until: until || undefined })
      }
    >
      <label htmlFor={`${id}-what`}>What we will try</label>
      <textarea
        id={`${id}-what`}
        rows={2}
        maxLength={CYCLE_TEXT_MAX}
        readOnly={readOnly}
        value={what}
        onChange={(e) => setWhat(e.target.value)}
      />
      <label htmlFor={`${id}-until`}>Until</label>
      <input
        id={`${id}-until`}
        type="date"
        readOnly={readOnly}
        value={until}
        onChange={(e) => setUntil(e.target.value)}
      />
      {!readOnly && <button type="submit">Save the plan</button>}
    </Phase>
  );
}

export function DoForm({ cycle, node, binding, readOnly, current, activities }: PhaseProps) {
  const [chosen, setChosen] = useState(new Set(cycle.do?.activities ?? []));
  const byId = new Map(activities.map((a) => [a.id, a]));
  const toggle = (activity: LogicNode, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(activity.id);
    else next.delete(activity.id);
    setChosen(next);
  };
  const gone = [...chosen].filter((a) => !byId.has(a)).length;
  return (
    <Phase
      legend="Do: the activities involved"
      current={current}
      onSubmit={() =>
        binding.revisit.saveDo(node.id, cycle.id, {
          activities: [...chosen].filter((a) => byId.has(a)),
        })
      }
    >
      {activities.length === 0 && <p className="muted small">The model has no activities yet.</p>}
      <ul className="cycle-activities">
        {activities.map((activity) => (
          <li key={activity.id}>
            <label>
              <input
                type="checkbox"
                disabled={readOnly}
                checked={chosen.has(activity.id)}
                onChange={(e) => toggle(activity, e.target.checked)}
              />
              {activity.title}
            </label>
          </li>
        ))}
      </ul>
      {gone > 0 && <p className="muted small">{gone} linked activity was deleted since.</p>}
      {!readOnly && activities.length > 0 && <button type="submit">Save the activities</button>}
    </Phase>
  );
}

export function CheckForm(props: PhaseProps) {
  const { cycle, node, binding, readOnly, current, checkIns } = props;
  const id = useId();
  const [date, setDate] = useState(cycle.check?.date ?? "");
  const [findings, setFindings] = useState(cycle.check?.findings ?? "");
  const from = cycle.plan?.until ?? cycle.plan?.started ?? props.today;
  const suggested = suggestCheckDate(checkIns, from);
  const shown = measurementsOfCycle(
    { ...cycle, check: { date: date || undefined } },
    node.measurements,
  );
  return (
    <Phase
      legend="Check"
      current={current}
      onSubmit={() =>
        binding.revisit.saveCheck(node.id, cycle.id, { date: date || undefined, findings })
      }
    >
      <label htmlFor={`${id}-date`}>Check date (a check-in)</label>
      <div className="cycle-row-actions">
        <select
          id={`${id}-date`}
          disabled={readOnly}
          value={date}
          onChange={(e) => setDate(e.target.value)}
        >
          <option value="">Not set</option>
          {[...new Set([...checkIns, ...(date ? [date] : [])])].sort().map((d) => (
            <option key={d} value={d}>
              {formatDay(d)}
            </option>
          ))}
        </select>
        {!readOnly && suggested && suggested !== date && (
          <button type="button" className="link-button" onClick={() => setDate(suggested)}>
            Use the next check-in, {formatDay(suggested)}
          </button>
        )}
      </div>
      {checkIns.length === 0 && (
        <p className="muted small">Add check-in dates in the Progress view to choose one here.</p>
      )}
      <p className="small">Measurements in this cycle:</p>
      <ul className="small" data-testid="cycle-measurements">
        {shown.map((m) => (
          <li key={`${m.date}-${m.value}`}>
            {formatDay(m.date)}: {formatValue(m.value, node.smart?.unit)}
            {m.note ? ` (${m.note})` : ""}
          </li>
        ))}
        {shown.length === 0 && <li className="muted">None yet.</li>}
      </ul>
      <label htmlFor={`${id}-findings`}>What we saw</label>
      <textarea
        id={`${id}-findings`}
        rows={2}
        maxLength={CYCLE_TEXT_MAX}
        readOnly={readOnly}
        value={findings}
        onChange={(e) => setFindings(e.target.value)}
      />
      {!readOnly && <button type="submit">Save the check</button>}
    </Phase>
  );
}

export function ActForm({ cycle, node, binding, readOnly, current, today }: PhaseProps) {
  const id = useId();
  const [decision, setDecision] = useState<PdcaDecision>(cycle.act?.decision ?? "adopt");
  const [reason, setReason] = useState(cycle.act?.reason ?? "");
  const problem = decisionProblem(cycle, reason, today);
  return (
    <Phase
      legend="Act: decide"
      current={current}
      onSubmit={() => !problem && binding.revisit.decide(node.id, cycle.id, { decision, reason })}
    >
      <fieldset className="cycle-decisions">
        <legend className="visually-hidden">Decision</legend>
        {PDCA_DECISIONS.map((d) => (
          <label key={d}>
            <input
              type="radio"
              name={`${id}-decision`}
              value={d}
              disabled={readOnly}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />{" "}
            {DECISION_LABELS[d]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-reason`}>Why</label>
      <textarea
        id={`${id}-reason`}
        rows={2}
        maxLength={CYCLE_REASON_MAX}
        readOnly={readOnly}
        value={reason}
        aria-describedby={`${id}-problem`}
        onChange={(e) => setReason(e.target.value)}
      />
      {!readOnly && (
        <>
          <p className="muted small" id={`${id}-problem`}>
            {problem ?? (cycle.act ? "Decided; saving again changes the decision." : "")}
          </p>
          <button type="submit" disabled={problem !== null}>
            {cycle.act ? "Change the decision" : "Record the decision"}
          </button>
        </>
      )}
    </Phase>
  );
}
