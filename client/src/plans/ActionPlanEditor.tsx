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
import { useReviewSnapshot } from "../review/review-hooks.ts";
import { CommitField } from "../ui/CommitField.tsx";
import { DateField } from "../ui/DateField.tsx";
import { Section } from "../ui/Section.tsx";
import { ownerCandidates } from "./owner-candidates.ts";
import { useModelMembers } from "./use-model-members.ts";
import "./plans.css";

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
  const snapshot = useReviewSnapshot();
  const members = useModelMembers();
  const people = ownerCandidates(snapshot, model, members);
  const [problem, setProblem] = useState<string | null>(null);
  const ownerId = useId();
  const statusId = useId();
  // A reason typed before "Blocked" is chosen waits here, so choosing it does not fail.
  const [pendingStatus, setPendingStatus] = useState<ActionStatus | null>(null);

  const save = (next: ActionPlan) => {
    const cleaned = Object.fromEntries(
      Object.entries(next).filter(([, v]) => v !== undefined && v !== ""),
    ) as ActionPlan;
    const why = actionPlanProblem(cleaned);
    setProblem(why);
    if (why) return false;
    binding.updateNode(node.id, { plan: Object.keys(cleaned).length ? cleaned : null });
    return true;
  };
  const status = pendingStatus ?? plan.status ?? "notStarted";

  return (
    <Section title="Action plan">
      <div className="action-plan" data-testid="action-plan">
        <div className="field">
          <label htmlFor={ownerId}>Owner</label>
          <select
            id={ownerId}
            value={plan.owner?.id ?? ""}
            disabled={readOnly}
            onChange={(e) => {
              const owner = people.find((p) => p.id === e.target.value);
              save({ ...plan, owner });
            }}
          >
            <option value="">Nobody yet</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {snapshot.me?.id === p.id ? " (me)" : ""}
              </option>
            ))}
          </select>
        </div>
        <DateField
          label="Start"
          value={plan.start}
          readOnly={readOnly}
          onCommit={(start) => save({ ...plan, start })}
          onClear={() => save({ ...plan, start: undefined })}
        />
        <DateField
          label="Due"
          value={plan.due}
          readOnly={readOnly}
          onCommit={(due) => save({ ...plan, due })}
          onClear={() => save({ ...plan, due: undefined })}
        />
        <div className="field">
          <label htmlFor={statusId}>Status</label>
          <select
            id={statusId}
            value={status}
            disabled={readOnly}
            onChange={(e) => {
              const next = e.target.value as ActionStatus;
              if (next === "blocked") {
                // Blocked needs its reason first: ask for it, save once it is given.
                setPendingStatus("blocked");
                setProblem("Say why it is blocked, then leave the field to save.");
                return;
              }
              setPendingStatus(null);
              save({ ...plan, status: next, blockedReason: undefined });
            }}
          >
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ACTION_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
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
