import {
  compareNodes,
  currentCycle,
  cycleBadge,
  goalStatus,
  hasPurpose,
  INNOVATION_STAGE_LABELS,
  isGoalKind,
  KIND_LABELS,
  type LogicEdge,
  type LogicModel,
  type LogicNode,
  NODE_KINDS,
  todayIso,
} from "@logic-canvas/shared";
import { useMemo } from "react";
import { StatusBadge, StatusToday } from "../monitoring/StatusBadge.tsx";
import { formatValue } from "../monitoring/status-labels.ts";
import { formatDay, formatLocalDay } from "../ui/dates.ts";
import "./print.css";

function GoalLine({ node }: { node: LogicNode }) {
  const smart = node.smart;
  const status = goalStatus(node, { today: todayIso() });
  const dated = (v?: { value: number; date?: string }) =>
    v && smart
      ? `${formatValue(v.value, smart.unit)}${v.date ? ` by ${formatDay(v.date)}` : ""}`
      : undefined;
  const target = dated(smart?.target);
  return (
    <dl className="print-goal">
      <dt>Status</dt>
      <dd data-testid="print-status">
        <StatusBadge status={status.status} stale={status.stale} />
        {status.latest && (
          <span className="print-latest">
            {" "}
            {formatValue(status.latest.value, smart?.unit)} on {formatDay(status.latest.date)}
          </span>
        )}
        <StatusToday status={status} unit={smart?.unit} />
      </dd>
      {smart?.indicator && (
        <>
          <dt>Indicator</dt>
          <dd>{smart.indicator}</dd>
        </>
      )}
      {smart?.baseline && (
        <>
          <dt>Baseline</dt>
          <dd>
            {formatValue(smart.baseline.value, smart.unit)}
            {smart.baseline.date ? ` (${formatDay(smart.baseline.date)})` : ""}
          </dd>
        </>
      )}
      {target && (
        <>
          <dt>Target</dt>
          <dd>{target}</dd>
        </>
      )}
      {node.cycles?.length ? (
        <>
          <dt>PDCA</dt>
          <dd data-testid="print-cycle">
            {cycleBadge(node.cycles, todayIso())}
            {currentCycle(node.cycles)?.plan?.what
              ? `: ${currentCycle(node.cycles)?.plan?.what}`
              : ""}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/**
 * What a card leads to: each link's target, with the rationale ("why this leads to that") the
 * team wrote on the link. A printed model is read without the canvas, so its arrows are words.
 */
function LeadsTo({ links, titles }: { links: LogicEdge[]; titles: Map<string, string> }) {
  if (links.length === 0) return null;
  return (
    <div className="print-links" data-testid="print-links">
      <p className="print-links-head">Leads to</p>
      <ul>
        {links.map((link) => (
          <li key={link.id} data-testid="print-link">
            <span className="print-link-target">
              → {titles.get(link.target) ?? "a missing card"}
            </span>
            {link.rationale && <span className="print-rationale">: {link.rationale}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The school's mission, vision and values above the mastery goal (issue 17), when written. */
function PrintPurpose({ model }: { model: LogicModel }) {
  if (!hasPurpose(model)) return null;
  return (
    <dl className="print-purpose" data-testid="print-purpose">
      {model.mission && (
        <div>
          <dt>Mission</dt>
          <dd>{model.mission}</dd>
        </div>
      )}
      {model.vision && (
        <div>
          <dt>Vision</dt>
          <dd>{model.vision}</dd>
        </div>
      )}
      {model.values?.length ? (
        <div>
          <dt>Values</dt>
          <dd>{model.values.join(" · ")}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/**
 * The logic model as the book prints it: the mastery goal across the top, the five columns
 * under it, every card with its indicator, target and status, and what it leads to. The browser's print (or Chromium's
 * print-to-PDF) prints only this view, through print.css.
 */
export function PrintView({ model }: { model: LogicModel }) {
  const columns = useMemo(() => {
    const sorted = [...model.nodes].sort(compareNodes);
    return NODE_KINDS.map((kind) => ({ kind, nodes: sorted.filter((n) => n.kind === kind) }));
  }, [model.nodes]);
  const titles = useMemo(() => new Map(model.nodes.map((n) => [n.id, n.title])), [model.nodes]);
  const linksFrom = useMemo(() => {
    const from = new Map<string, LogicEdge[]>();
    for (const edge of model.edges) from.set(edge.source, [...(from.get(edge.source) ?? []), edge]);
    return from;
  }, [model.edges]);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls; the keyboard must reach it to scroll
    <article className="print-view" data-testid="print-view" tabIndex={0}>
      <header className="print-header">
        <h1>{model.title}</h1>
        <PrintPurpose model={model} />
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
                    <LeadsTo links={linksFrom.get(node.id) ?? []} titles={titles} />
                  </div>
                ))}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <footer className="print-footer">
        {model.nodes.length} cards and {model.edges.length} links · printed {formatLocalDay()}
      </footer>
    </article>
  );
}
