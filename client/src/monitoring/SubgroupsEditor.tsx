import {
  type DatedValue,
  type LogicNode,
  MAX_SUBGROUPS,
  SUBGROUP_NAME_MAX,
  type Subgroup,
  subgroupNameKey,
  subgroupStatuses,
  todayIso,
  widenedSubgroupGaps,
} from "@logic-canvas/shared";
import { type FormEvent, useId, useState } from "react";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import { CommitField } from "../ui/CommitField.tsx";
import { DateField } from "../ui/DateField.tsx";
import { formatDay } from "../ui/dates.ts";
import { NumberField } from "../ui/NumberField.tsx";
import { Section } from "../ui/Section.tsx";
import { LazyGoalChart as GoalChart } from "./LazyGoalChart.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import { formatValue } from "./status-labels.ts";

/** Why a subgroup name cannot be saved on this goal, in words; null when it can. */
function nameProblem(name: string, others: readonly Subgroup[]): string | null {
  if (!name.trim()) return "Give the subgroup a name.";
  if (name.length > SUBGROUP_NAME_MAX)
    return `A subgroup name is at most ${SUBGROUP_NAME_MAX} characters.`;
  const key = subgroupNameKey(name);
  if (others.some((s) => subgroupNameKey(s.name) === key))
    return `This goal already tracks “${name.trim()}”.`;
  return null;
}

/**
 * A goal's subgroups (issue 18): add, rename and remove them, set each one's baseline and target
 * (a subgroup without a target is judged against the whole group's), and see each one's status
 * and whether its gap to the whole group is widening. Measurements are recorded in the form
 * below, with its subgroup picker.
 */
export function SubgroupsEditor({
  node,
  binding,
  readOnly,
}: {
  node: LogicNode;
  binding: YjsFlowBinding;
  readOnly: boolean;
}) {
  const subgroups = node.subgroups ?? [];
  const today = todayIso();
  const statuses = subgroupStatuses(node, { today });
  const gaps = widenedSubgroupGaps(node, { today });
  return (
    <Section title="Subgroups">
      <div className="subgroups" data-testid="subgroups">
        {subgroups.length === 0 && (
          <p className="muted small">
            Track groups of students beside the whole group, e.g. English learners or students with
            IEPs, each with its own baseline and target.
          </p>
        )}
        {gaps.map((gap) => (
          <p key={gap.subgroup.id} className="subgroup-gap" role="note" data-testid="subgroup-gap">
            ⚠ {gap.sentence}
          </p>
        ))}
        {statuses.map((entry) => (
          <SubgroupFields
            key={entry.subgroup.id}
            node={node}
            entry={entry}
            binding={binding}
            readOnly={readOnly}
          />
        ))}
        {!readOnly && <AddSubgroup node={node} binding={binding} />}
        {subgroups.length > 0 && <GoalChart node={node} width={300} height={190} />}
      </div>
    </Section>
  );
}

/** One subgroup: its status and latest value, name, baseline, target, and Remove. */
function SubgroupFields({
  node,
  entry: { subgroup, status, latest, stale },
  binding,
  readOnly,
}: {
  node: LogicNode;
  entry: ReturnType<typeof subgroupStatuses>[number];
  binding: YjsFlowBinding;
  readOnly: boolean;
}) {
  const subgroups = node.subgroups ?? [];
  return (
    <fieldset className="subgroup" data-testid="subgroup">
      <legend>{subgroup.name}</legend>
      <p className="goal-progress-line small">
        <StatusBadge status={status} stale={stale} />
        {latest && (
          <span className="muted">
            {" "}
            latest {formatValue(latest.value, node.smart?.unit)} on {formatDay(latest.date)}
          </span>
        )}
      </p>
      <CommitField
        label="Name"
        value={subgroup.name}
        readOnly={readOnly}
        maxLength={SUBGROUP_NAME_MAX}
        problemOf={(name) =>
          nameProblem(
            name,
            subgroups.filter((s) => s.id !== subgroup.id),
          )
        }
        onCommit={(name) => {
          if (name.trim() !== subgroup.name)
            binding.revisit.renameSubgroup(node.id, subgroup.id, name);
        }}
      />
      {(["baseline", "target"] as const).map((which) => (
        <SubgroupValue
          key={which}
          which={which}
          value={subgroup[which]}
          readOnly={readOnly}
          onChange={(value) => binding.revisit.setSubgroupValue(node.id, subgroup.id, which, value)}
        />
      ))}
      {!readOnly && (
        <button
          type="button"
          className="link-button danger-text"
          aria-label={`Remove the subgroup ${subgroup.name} and its measurements`}
          onClick={() => binding.revisit.removeSubgroup(node.id, subgroup.id)}
        >
          Remove subgroup
        </button>
      )}
    </fieldset>
  );
}

function SubgroupValue({
  which,
  value,
  readOnly,
  onChange,
}: {
  which: "baseline" | "target";
  value: DatedValue | undefined;
  readOnly: boolean;
  onChange: (value: DatedValue | null) => void;
}) {
  return (
    <fieldset className="dated-value">
      <legend>{which === "baseline" ? "Baseline" : "Target (empty: the whole group's)"}</legend>
      <NumberField
        label="Value"
        value={value?.value}
        readOnly={readOnly}
        testId={`subgroup-${which}-value`}
        onCommit={(v) =>
          onChange(
            v === undefined ? null : value?.date ? { value: v, date: value.date } : { value: v },
          )
        }
      />
      <DateField
        label="Date"
        value={value?.date}
        // A date alone says nothing: it is set once there is a value.
        readOnly={readOnly || value === undefined}
        testId={`subgroup-${which}-date`}
        onCommit={(date) => value && onChange({ value: value.value, date })}
        onClear={() => value && onChange({ value: value.value })}
      />
    </fieldset>
  );
}

function AddSubgroup({ node, binding }: { node: LogicNode; binding: YjsFlowBinding }) {
  const id = useId();
  const [name, setName] = useState("");
  const [error, setError] = useState("");
  const subgroups = node.subgroups ?? [];
  const full = subgroups.length >= MAX_SUBGROUPS;
  function submit(event: FormEvent) {
    event.preventDefault();
    const problem = nameProblem(name, subgroups);
    if (problem) {
      setError(problem);
      return;
    }
    if (!binding.revisit.addSubgroup(node.id, name.trim())) return;
    setName("");
    setError("");
  }
  if (full)
    return (
      <p className="muted small">
        A goal tracks at most {MAX_SUBGROUPS} subgroups; remove one to add another.
      </p>
    );
  return (
    <form className="subgroup-add" onSubmit={submit} aria-label="Add a subgroup">
      <label htmlFor={id}>New subgroup</label>
      <input
        id={id}
        value={name}
        maxLength={SUBGROUP_NAME_MAX}
        placeholder="e.g. English learners"
        data-testid="subgroup-name"
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setError("");
        }}
      />
      <button type="submit" data-testid="subgroup-add">
        Add subgroup
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
