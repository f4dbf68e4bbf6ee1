import { type LogicModel, type ModelIssue, validateModel } from "@logic-canvas/shared";
import { useDeferredValue, useMemo } from "react";
import type { PanelProps } from "./panel-props.ts";

export function useValidation(model: LogicModel) {
  // Deferred so that validating a large model never delays a keystroke or a drag frame.
  const deferred = useDeferredValue(model);
  return useMemo(() => validateModel(deferred), [deferred]);
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
