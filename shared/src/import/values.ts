import { NOTES_MAX } from "../limits.ts";
import type { Cell } from "./mapping.ts";

/** Values and notes of imported rows: a number in range for the goal's unit, a note in the cap. */

export interface GoalUnit {
  unit?: string;
  cohortSize?: number;
}

export type ValueReading = { ok: true; value: number } | { ok: false; reason: string };

const PLAIN = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

export function isPercentUnit(unit: string | undefined): boolean {
  const u = unit?.trim().toLowerCase();
  return u === "percent" || u === "%" || u === "percentage";
}

const COUNT_UNITS = new Set(["students", "count", "people", "teachers", "classes"]);

function readNumber(cell: Cell): ValueReading {
  if (cell === null) return { ok: false, reason: "the value is empty" };
  if (cell instanceof Date) return { ok: false, reason: "the value is a date, not a number" };
  if (typeof cell === "number")
    return Number.isFinite(cell)
      ? { ok: true, value: cell }
      : { ok: false, reason: "the value is not a finite number" };
  const text = cell.trim();
  if (text === "") return { ok: false, reason: "the value is empty" };
  // "55%" as typed in a sheet: the number shown, as the goal's unit says what it is.
  const bare = text.endsWith("%") ? text.slice(0, -1).trim() : text;
  if (PLAIN.test(bare)) return { ok: true, value: Number(bare) };
  if (/^[-+]?\d+,\d+$/.test(bare))
    return {
      ok: false,
      reason: `the value “${text}” has a decimal comma: write it with a point (${bare.replace(",", ".")})`,
    };
  const shown = text.length > 30 ? `${text.slice(0, 29)}…` : text;
  return { ok: false, reason: `the value “${shown}” is not a number` };
}

/** Reads a value cell and checks it against the goal's unit (0–100 for a percent). */
export function readValue(cell: Cell, goal: GoalUnit | undefined): ValueReading {
  const read = readNumber(cell);
  if (!read.ok || !goal) return read;
  const { value } = read;
  if (isPercentUnit(goal.unit) && (value < 0 || value > 100))
    return { ok: false, reason: `${value} is out of range for a percent (0 to 100)` };
  const countUnit = COUNT_UNITS.has(goal.unit?.trim().toLowerCase() ?? "");
  if (countUnit && value < 0)
    return { ok: false, reason: `${value} ${goal.unit} cannot be below zero` };
  if (countUnit && goal.cohortSize !== undefined && value > goal.cohortSize)
    return {
      ok: false,
      reason: `${value} ${goal.unit} is more than the goal's cohort of ${goal.cohortSize}`,
    };
  return read;
}

/** A cell as text (a note, a goal name, a subgroup): numbers and dates as a spreadsheet shows them. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

export function noteProblem(note: string): string | undefined {
  return note.length > NOTES_MAX
    ? `the note is ${note.length.toLocaleString("en")} characters long; at most ${NOTES_MAX.toLocaleString("en")} are kept`
    : undefined;
}
