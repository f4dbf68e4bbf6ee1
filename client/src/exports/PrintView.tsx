import {
  compareNodes,
  INNOVATION_STAGE_LABELS,
  isGoalKind,
  KIND_LABELS,
  type LogicModel,
  type LogicNode,
  NODE_KINDS,
} from "@logic-canvas/shared";
import { useMemo } from "react";
import { formatValue } from "../monitoring/status-labels.ts";
import "./print.css";

function GoalLine({ node }: { node: LogicNode }) {
  const smart = node.smart;
  if (!smart) return null;
  const dated = (v?: { value: number; date?: string }) =>
    v ? `${formatValue(v.value, smart.unit)}${v.date ? ` by ${v.date}` : ""}` : undefined;
  const target = dated(smart.target);
  return (
    <dl className="print-goal">
      {smart.indicator && (
        <>
          <dt>Indicator</dt>
          <dd>{smart.indicator}</dd>
        </>
      )}
      {smart.baseline && (
        <>
          <dt>Baseline</dt>
          <dd>
            {formatValue(smart.baseline.value, smart.unit)}
            {smart.baseline.date ? ` (${smart.baseline.date})` : ""}
          </dd>
        </>
      )}
      {target && (
        <>
          <dt>Target</dt>
          <dd>{target}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * The logic model as the book prints it: the mastery goal across the top, the five columns
 * under it, every card with its indicator and target. The browser's print (or Chromium's
 * print-to-PDF) prints only this view, through print.css.
 */
export function PrintView({ model }: { model: LogicModel }) {
  const columns = useMemo(() => {
    const sorted = [...model.nodes].sort(compareNodes);
    return NODE_KINDS.map((kind) => ({ kind, nodes: sorted.filter((n) => n.kind === kind) }));
  }, [model.nodes]);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls; the keyboard must reach it to scroll
    <article className="print-view" data-testid="print-view" tabIndex={0}>
      <header className="print-header">
        <h1>{model.title}</h1>
        <div className="print-mastery">
          <h2>Mastery goal</h2>
          <p>{model.masteryGoal || "No mastery goal written yet."}</p>
        </div>
      </header>
      <table className="print-table">
        <thead>
          <tr>
            {columns.map(({ kind }) => (
              <th key={kind} scope="col" className={`kind-${kind}`}>
                {KIND_LABELS[kind].label}
                <span className="print-also">{KIND_LABELS[kind].alsoCalled}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {columns.map(({ kind, nodes }) => (
              <td key={kind} className={`kind-${kind}`}>
                {nodes.length === 0 && <p className="print-empty">—</p>}
                {nodes.map((node) => (
                  <div
                    key={node.id}
                    className="print-item"
                    data-testid="print-item"
                    data-node-id={node.id}
                  >
                    <p className="print-title">{node.title}</p>
                    {node.kind === "activity" && node.stage && (
                      <p className="print-stage">{INNOVATION_STAGE_LABELS[node.stage]}</p>
                    )}
                    {isGoalKind(node.kind) && <GoalLine node={node} />}
                  </div>
                ))}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <footer className="print-footer">
        {model.nodes.length} cards and {model.edges.length} links · printed{" "}
        {new Date().toISOString().slice(0, 10)}
      </footer>
    </article>
  );
}
