import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  type ActionPlan,
  type ActionStatus,
  actionPlanProblem,
  BLOCKED_REASON_MAX,
  type LogicModel,
  type LogicNode,
} from "@logic-canvas/shared";
import { useId, useState } from "react";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import { CommitField } from "../ui/CommitField.tsx";
import { DateField } from "../ui/DateField.tsx";
import { Section } from "../ui/Section.tsx";
import { OwnerSelect } from "./OwnerSelect.tsx";
import "./plans.css";

function StatusField(props: {
  status: ActionStatus;
  readOnly: boolean;
  onStatus: (status: ActionStatus) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Status</label>
      <select
        id={id}
        value={props.status}
        disabled={props.readOnly}
        onChange={(e) => props.onStatus(e.target.value as ActionStatus)}
      >
        {ACTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {ACTION_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Writes a whole plan after the shared schema's check; the refusal, in words, is kept. */
function usePlanWriter(nodeId: string, binding: YjsFlowBinding) {
  const [problem, setProblem] = useState<string | null>(null);
  const save = (next: ActionPlan): boolean => {
    const cleaned = Object.fromEntries(
      Object.entries(next).filter(([, v]) => v !== undefined && v !== ""),
    ) as ActionPlan;
    const why = actionPlanProblem(cleaned);
    setProblem(why);
    if (why) return false;
    binding.updateNode(nodeId, { plan: Object.keys(cleaned).length ? cleaned : null });
    return true;
  };
  return { problem, setProblem, save };
}

/**
 * An activity's action plan in the card's editor: owner, start and due dates, status (a blocked
 * action says why). Each change writes the whole plan, checked first by the shared schema so a
 * refusal is shown in words rather than thrown.
 */
export function ActionPlanEditor({
  node,
  model,
  binding,
  readOnly,
}: {
  node: LogicNode;
  model: LogicModel;
  binding: YjsFlowBinding;
  readOnly: boolean;
}) {
  const plan: ActionPlan = node.plan ?? {};
  const { problem, setProblem, save } = usePlanWriter(node.id, binding);
  // A reason typed before "Blocked" is chosen waits here, so choosing it does not fail.
  const [pendingStatus, setPendingStatus] = useState<ActionStatus | null>(null);
  const status = pendingStatus ?? plan.status ?? "notStarted";

  return (
    <Section title="Action plan">
      <div className="action-plan" data-testid="action-plan">
        <OwnerSelect
          owner={plan.owner}
          model={model}
          readOnly={readOnly}
          onOwner={(owner) => save({ ...plan, owner })}
        />
        {(["start", "due"] as const).map((field) => (
          <DateField
            key={field}
            label={field === "start" ? "Start" : "Due"}
            value={plan[field]}
            readOnly={readOnly}
            onCommit={(date) => save({ ...plan, [field]: date })}
            onClear={() => save({ ...plan, [field]: undefined })}
          />
        ))}
        <StatusField
          status={status}
          readOnly={readOnly}
          onStatus={(next) => {
            if (next === "blocked") {
              // Blocked needs its reason first: ask for it, save once it is given.
              setPendingStatus("blocked");
              setProblem("Say why it is blocked, then leave the field to save.");
              return;
            }
            setPendingStatus(null);
            save({ ...plan, status: next, blockedReason: undefined });
          }}
        />
        {status === "blocked" && (
          <CommitField
            label="Blocked because…"
            value={plan.blockedReason ?? ""}
            readOnly={readOnly}
            multiline
            maxLength={BLOCKED_REASON_MAX}
            placeholder="What stops it, and who can help"
            onCommit={(reason) => {
              if (save({ ...plan, status: "blocked", blockedReason: reason.trim() }))
                setPendingStatus(null);
            }}
          />
        )}
        {problem && (
          <p className="field-problem" role="alert">
            {problem}
          </p>
        )}
      </div>
    </Section>
  );
}
