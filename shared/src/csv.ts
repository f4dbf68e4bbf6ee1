import { dayNumber } from "./dates.ts";
import { isGoalKind, KIND_LABELS } from "./kinds.ts";
import type { LogicModel, LogicNode, Measurement, SmartGoal, Subgroup } from "./schema.ts";
import { subgroupMeasurements, wholeGroupMeasurements } from "./subgroups.ts";

/** The CSV export of goals and measurements (issue 6), for spreadsheets. */

export const CSV_HEADER = [
  "Lane",
  "Goal",
  "Indicator",
  "Unit",
  "Baseline value",
  "Baseline date",
  "Target value",
  "Target date",
  "Measurement date",
  "Measurement value",
  "Measurement note",
  /** Issue 18: empty for the whole group, else the subgroup's name (its baseline and target beside it). */
  "Subgroup",
] as const;

const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Text a spreadsheet would run as a formula (OWASP CSV injection): = + - @ (or their fullwidth
 * forms, which some locales convert) first, also after leading whitespace, line breaks or
 * invisible characters, which spreadsheets trim; and a leading tab, carriage return or line feed.
 */
const FORMULA_START = /^[\s\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/u;

/**
 * A cell as RFC 4180 writes it. Text a spreadsheet would run as a formula gets an apostrophe in
 * front; a plain (negative) number does not, even with spaces around it.
 */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? "" : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text.trim())) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

type Cell = string | number | undefined;

function seriesRows(goal: Cell[], list: readonly Measurement[], subgroup?: string): Cell[][] {
  const measurements = [...list].sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
  if (measurements.length === 0) return [[...goal, undefined, undefined, undefined, subgroup]];
  return measurements.map((m) => [...goal, m.date, m.value, m.note, subgroup]);
}

function goalCells(node: LogicNode, smart: SmartGoal | undefined, own?: Subgroup): Cell[] {
  const baseline = own ? own.baseline : smart?.baseline;
  const target = own ? (own.target ?? smart?.target) : smart?.target;
  return [
    isGoalKind(node.kind) ? KIND_LABELS[node.kind].label : node.kind,
    node.title,
    smart?.indicator,
    smart?.unit,
    baseline?.value,
    baseline?.date,
    target?.value,
    target?.date,
  ];
}

/**
 * The whole group's rows, then each subgroup's (a subgroup without measurements gets one row,
 * so that its baseline and target travel too). A subgroup without its own target shows the
 * whole group's, the one it is judged against.
 */
function goalRows(node: LogicNode): Cell[][] {
  const rows = seriesRows(goalCells(node, node.smart), wholeGroupMeasurements(node.measurements));
  for (const subgroup of node.subgroups ?? []) {
    const list = subgroupMeasurements(node.measurements, subgroup.id);
    rows.push(...seriesRows(goalCells(node, node.smart, subgroup), list, subgroup.name));
  }
  return rows;
}

/** One row per measurement (a goal without any gets one row); UTF-8 BOM and CRLF for spreadsheets. */
export function modelToCsv(model: Pick<LogicModel, "nodes">): string {
  const order = { smallWin: 0, midJourney: 1, longTerm: 2 } as Record<string, number>;
  const goals = model.nodes
    .filter((n) => isGoalKind(n.kind))
    .map((n, index) => ({ n, index }))
    .sort((a, b) => (order[a.n.kind] ?? 0) - (order[b.n.kind] ?? 0) || a.index - b.index)
    .map((entry) => entry.n);
  const lines = [CSV_HEADER.map(csvCell).join(",")];
  for (const node of goals)
    for (const row of goalRows(node)) lines.push(row.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
