import {
  type LogicModel,
  type ModelIssue,
  onlyPositionsDiffer,
  type ValidationResult,
  validateModel,
} from "@logic-canvas/shared";
import { useDeferredValue, useRef } from "react";
import type { PanelProps } from "./panel-props.ts";

export function useValidation(model: LogicModel): ValidationResult {
  // Deferred so that validating a large model never delays a keystroke or a drag frame; and
  // not again when cards only moved (a drag), which no rule reads.
  const deferred = useDeferredValue(model);
  const last = useRef<{ model: LogicModel; result: ValidationResult } | null>(null);
  if (!last.current || !onlyPositionsDiffer(last.current.model, deferred))
    last.current = { model: deferred, result: validateModel(deferred) };
  else last.current.model = deferred;
  return last.current.result;
}

function IssueItem({
  issue,
  level,
  onFocus,
}: {
  issue: ModelIssue;
  level: string;
  onFocus: PanelProps["onFocus"];
}) {
  const target = (issue.nodeIds?.length ?? 0) + (issue.edgeIds?.length ?? 0) > 0;
  return (
    <li className={`issue issue-${level}`}>
      <button
        type="button"
        disabled={!target}
        onClick={() => onFocus(issue.nodeIds ?? [], issue.edgeIds ?? [])}
        title={target ? "Select and show on the canvas" : undefined}
      >
        <span className="issue-level">{level === "error" ? "Error" : "Warning"}</span>
        {issue.message}
      </button>
    </li>
  );
}

export function ValidationPanel({ model, onFocus }: PanelProps) {
  const { errors, warnings } = useValidation(model);
  if (errors.length + warnings.length === 0)
    return (
      <p className="panel-empty">
        No problems found: every link runs left to right and every goal is measurable.
      </p>
    );
  return (
    <ul className="issues" aria-label="Problems in this model" data-testid="validation">
      {errors.map((issue, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id of their own
        <IssueItem key={`e${i}`} issue={issue} level="error" onFocus={onFocus} />
      ))}
      {warnings.map((issue, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id of their own
        <IssueItem key={`w${i}`} issue={issue} level="warning" onFocus={onFocus} />
      ))}
    </ul>
  );
}
