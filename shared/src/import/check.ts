import { MAX_MEASUREMENTS } from "../limits.ts";
import { type Measurement, measurementSchema, subgroupNameKey } from "../schema.ts";
import {
  type DateOrder,
  type DateOrderEvidence,
  dateOrderOfFile,
  readSpreadsheetDate,
  shorten,
} from "./dates.ts";
import { GoalFinder, goalNameKey, type ImportGoal } from "./goals.ts";
import { type Cell, type ColumnMapping, type ImportTable, mappingProblems } from "./mapping.ts";
import { cellText, noteProblem, readValue } from "./values.ts";

/**
 * Checks every row of an imported table against the model: which goal, which day, which value,
 * each problem in words. Nothing is written unless every row that is not left out is ready, so an
 * import is never half applied. Every measurement passes the one `measurementSchema` that the
 * server's write gate and every reader use.
 */

export interface ImportChoices {
  mapping: ColumnMapping;
  /** The person's answer when the file's day–month order is not clear from the file. */
  dateOrder?: DateOrder;
  /** Goal ids the person chose, by `goalNameKey` of the name the file uses. */
  goalFor: Readonly<Record<string, string>>;
  /** Line numbers of rows the person left out. */
  excluded: ReadonlySet<number>;
}

export type RowStatus = "ready" | "problem" | "excluded" | "duplicate" | "blank";

export interface CheckedRow {
  line: number;
  status: RowStatus;
  /** The goal's name as the file writes it. */
  goalName: string;
  goalId?: string;
  /** The day read, when it could be. */
  date?: string;
  measurement?: Measurement;
  problems: string[];
}

export interface ImportEntry {
  goalId: string;
  measurement: Measurement;
}

export interface ImportCheck {
  rows: CheckedRow[];
  /** Mapping problems (no goal column…): nothing is checked until they are fixed. */
  mappingProblems: string[];
  dates: DateOrderEvidence & { order: DateOrder | undefined; needsChoice: boolean };
  /**
   * Names the file uses that match no goal, or several, or for which the person chose a goal
   * (by goalNameKey, the name as written).
   */
  unmatchedGoals: Map<string, string>;
  counts: Record<RowStatus, number>;
  entries: ImportEntry[];
  canApply: boolean;
}

function dateEvidence(table: ImportTable, choices: ImportChoices): ImportCheck["dates"] {
  const at = choices.mapping.date;
  const found = dateOrderOfFile(at === undefined ? [] : table.rows.map((r) => r.cells[at]));
  const order = choices.dateOrder ?? found.order;
  return { ...found, order, needsChoice: found.order === undefined && found.ambiguous > 0 };
}

/** Names a file may use for the whole group, as the CSV export leaves its cell empty. */
const WHOLE_GROUP = new Set(["", "whole group", "all", "all students"]);

/** A subgroup named in a file, as the id of the goal's subgroup of that name (case aside). */
function subgroupOf(name: string, goal: ImportGoal | undefined): { id?: string; problem?: string } {
  if (WHOLE_GROUP.has(subgroupNameKey(name)) || !goal) return {};
  const found = goal.subgroups.find((g) => subgroupNameKey(g.name) === subgroupNameKey(name));
  if (found) return { id: found.id };
  return {
    problem: `“${goal.title}” tracks no subgroup “${shorten(name)}”: add it in the goal's panel first, or leave the row out`,
  };
}

function goalProblem(name: string, match: ReturnType<GoalFinder["find"]>): string {
  if (name === "") return "no goal is named";
  if (match.kind === "several")
    return `${match.count} goals are called “${name}”: choose which one`;
  return `no goal is called “${name}”: choose the goal`;
}

interface RowContext {
  mapping: ColumnMapping;
  finder: GoalFinder;
  choices: ImportChoices;
  order: DateOrder | undefined;
  unmatched: Map<string, string>;
}

function checkRow(line: number, cells: Cell[], ctx: RowContext): CheckedRow {
  const cell = (at: number | undefined): Cell => (at === undefined ? null : (cells[at] ?? null));
  const { mapping } = ctx;
  const goalName = cellText(cell(mapping.goal));
  const dateCell = cell(mapping.date);
  const valueCell = cell(mapping.value);
  // A goal listed without a measurement (the export's rows for unmeasured goals), or a blank row.
  if (cellText(dateCell) === "" && cellText(valueCell) === "")
    return { line, status: "blank", goalName, problems: [] };
  const problems: string[] = [];
  const match = ctx.finder.find(goalName, ctx.choices.goalFor);
  const goal = match.kind === "found" ? match.goal : undefined;
  if (!goal) problems.push(goalProblem(goalName, match));
  // Chosen names stay listed, so that the person can change a choice.
  if (goalName !== "" && (!goal || (match.kind === "found" && match.chosen)))
    ctx.unmatched.set(goalNameKey(goalName), goalName);
  const date = readSpreadsheetDate(dateCell, ctx.order);
  if (!date.ok) problems.push(date.reason);
  const value = readValue(valueCell, goal);
  if (!value.ok) problems.push(value.reason);
  const note = cellText(cell(mapping.note));
  const tooLong = noteProblem(note);
  if (tooLong) problems.push(tooLong);
  const subgroup = subgroupOf(cellText(cell(mapping.subgroup)), goal);
  if (subgroup.problem) problems.push(subgroup.problem);
  const row: CheckedRow = {
    line,
    status: "problem",
    goalName,
    goalId: goal?.id,
    date: date.ok ? date.date : undefined,
    problems,
  };
  if (problems.length > 0 || !goal || !date.ok || !value.ok) return row;
  const candidate: Record<string, unknown> = { date: date.date, value: value.value };
  if (note !== "") candidate.note = note;
  if (subgroup.id) candidate.subgroup = subgroup.id;
  const parsed = measurementSchema.safeParse(candidate);
  if (!parsed.success) {
    row.problems.push(parsed.error.issues.map((i) => i.message).join("; "));
    return row;
  }
  return { ...row, status: "ready", measurement: parsed.data };
}

/** What makes two measurements the same record: day, value, note and subgroup. */
function measurementKey(m: Measurement): string {
  const subgroup = (m as Record<string, unknown>).subgroup ?? "";
  return JSON.stringify([m.date, m.value, m.note ?? "", subgroup]);
}

/** Already-recorded rows are left out; rows past a goal's cap are problems. */
function settleAgainstGoals(rows: CheckedRow[], finder: GoalFinder): void {
  const added = new Map<string, number>();
  const recorded = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.status !== "ready" || !row.goalId || !row.measurement) continue;
    const goal = finder.get(row.goalId) as ImportGoal;
    let keys = recorded.get(goal.id);
    if (!keys) {
      keys = new Set(goal.measurements.map(measurementKey));
      recorded.set(goal.id, keys);
    }
    if (keys.has(measurementKey(row.measurement))) {
      row.status = "duplicate";
      continue;
    }
    const count = (added.get(goal.id) ?? 0) + 1;
    added.set(goal.id, count);
    if (goal.measurements.length + count > MAX_MEASUREMENTS) {
      row.status = "problem";
      row.problems.push(
        `“${goal.title}” would hold more than ${MAX_MEASUREMENTS.toLocaleString("en")} measurements`,
      );
    }
  }
}

export function checkImport(
  table: ImportTable,
  goals: readonly ImportGoal[],
  choices: ImportChoices,
): ImportCheck {
  const problemsOfMapping = mappingProblems(choices.mapping, table.headers.length);
  const dates = dateEvidence(table, choices);
  const counts: Record<RowStatus, number> = {
    ready: 0,
    problem: 0,
    excluded: 0,
    duplicate: 0,
    blank: 0,
  };
  const unmatchedGoals = new Map<string, string>();
  if (problemsOfMapping.length > 0)
    return {
      rows: [],
      mappingProblems: problemsOfMapping,
      dates,
      unmatchedGoals,
      counts,
      entries: [],
      canApply: false,
    };
  const finder = new GoalFinder(goals);
  const ctx: RowContext = {
    mapping: choices.mapping,
    finder,
    choices,
    order: dates.order,
    unmatched: unmatchedGoals,
  };
  const rows = table.rows.map(({ line, cells }) => {
    const row = checkRow(line, cells, ctx);
    return choices.excluded.has(line) && row.status !== "blank"
      ? { ...row, status: "excluded" as const }
      : row;
  });
  settleAgainstGoals(rows, finder);
  const entries: ImportEntry[] = [];
  for (const row of rows) {
    counts[row.status] += 1;
    if (row.status === "ready" && row.goalId && row.measurement)
      entries.push({ goalId: row.goalId, measurement: row.measurement });
  }
  const canApply = counts.problem === 0 && entries.length > 0;
  return { rows, mappingProblems: [], dates, unmatchedGoals, counts, entries, canApply };
}
