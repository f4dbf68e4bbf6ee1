import { CSV_HEADER } from "../csv.ts";
import { unguardCsvCell } from "./csv-read.ts";

/**
 * Which column of a spreadsheet holds what: the goal, the date, the value, and optionally the
 * subgroup and a note. Guessed from the header row; the person corrects the guess in the
 * mapping step. The CSV that Logic Canvas exports is recognised by its header and needs no step.
 */

export const IMPORT_FIELDS = ["goal", "date", "value", "subgroup", "note"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column index (0-based) per field; a field without a column is absent. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

export const FIELD_WORDS: Record<ImportField, { label: string; required: boolean }> = {
  goal: { label: "Goal", required: true },
  date: { label: "Date", required: true },
  value: { label: "Value", required: true },
  subgroup: { label: "Subgroup", required: false },
  note: { label: "Note", required: false },
};

/** A table read from a file: the header row, then each row with its line number in the file. */
export type Cell = string | number | Date | null;
export interface ImportTable {
  headers: string[];
  rows: { line: number; cells: Cell[] }[];
}

/** Header words per field, most telling first (compared lower-case, without punctuation). */
const HEADER_WORDS: Record<ImportField, string[]> = {
  goal: ["goal", "goal title", "goal name", "goal id", "card", "outcome", "target goal"],
  date: [
    "measurement date",
    "date",
    "as of",
    "date measured",
    "measured on",
    "day",
    "when",
    "test date",
  ],
  value: [
    "measurement value",
    "value",
    "result",
    "score",
    "percent",
    "percentage",
    "count",
    "measure",
    "amount",
  ],
  subgroup: ["subgroup", "student group", "group", "cohort", "class", "population"],
  note: ["measurement note", "note", "notes", "comment", "comments", "source", "remarks"],
};

export function normalizeHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * A first mapping from the headers: an exact header word wins over a header that only contains
 * one ("Date of walkthrough"); each column serves one field at most.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  if (isLogicCanvasExport(headers)) return { ...EXPORT_MAPPING };
  const names = headers.map(normalizeHeader);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const exact of [true, false]) {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== undefined) continue;
      for (const word of HEADER_WORDS[field]) {
        const at = names.findIndex(
          (name, i) =>
            !used.has(i) &&
            (exact ? name === word : ` ${name} `.includes(` ${word} `) && name !== ""),
        );
        if (at >= 0) {
          mapping[field] = at;
          used.add(at);
          break;
        }
      }
    }
  }
  return mapping;
}

/** Where Logic Canvas's own CSV export (csv.ts) puts each field. */
export const EXPORT_MAPPING: ColumnMapping = {
  goal: CSV_HEADER.indexOf("Goal"),
  date: CSV_HEADER.indexOf("Measurement date"),
  value: CSV_HEADER.indexOf("Measurement value"),
  note: CSV_HEADER.indexOf("Measurement note"),
  subgroup: CSV_HEADER.indexOf("Subgroup"),
};

/** True for the header row of Logic Canvas's CSV export, later columns (newer exports) allowed. */
export function isLogicCanvasExport(headers: readonly string[]): boolean {
  return CSV_HEADER.every((word, i) => normalizeHeader(headers[i] ?? "") === normalizeHeader(word));
}

/** What keeps a mapping from being checked, in words; empty when every required field has a column. */
export function mappingProblems(mapping: ColumnMapping, columnCount: number): string[] {
  const problems: string[] = [];
  for (const field of IMPORT_FIELDS) {
    const at = mapping[field];
    if (at === undefined) {
      if (FIELD_WORDS[field].required) problems.push(`Choose the column that holds the ${field}.`);
    } else if (at < 0 || at >= columnCount) {
      problems.push(`The ${field} column is not in this file.`);
    }
  }
  const seen = new Map<number, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const at = mapping[field];
    if (at === undefined) continue;
    const other = seen.get(at);
    if (other) problems.push(`One column cannot hold both the ${other} and the ${field}.`);
    seen.set(at, field);
  }
  return problems;
}

/**
 * A table from the rows a file reader returns: the first row with any text is the header row;
 * `lines` gives each row's line (or sheet row) number, 1-based by default. Cells of Logic
 * Canvas's own export lose the apostrophe the export puts before formula-like text.
 */
export function importTableOf(rows: readonly Cell[][], lines?: readonly number[]): ImportTable {
  const lineOf = (i: number) => lines?.[i] ?? i + 1;
  const start = rows.findIndex((r) => r.some((c) => c !== null && String(c).trim() !== ""));
  if (start < 0) return { headers: [], rows: [] };
  const headers = (rows[start] ?? []).map((c) => (c === null ? "" : String(c).trim()));
  const ownExport = isLogicCanvasExport(headers);
  const body = rows.slice(start + 1).map((cells, i) => ({
    line: lineOf(start + 1 + i),
    cells: ownExport
      ? cells.map((c) => (typeof c === "string" ? unguardCsvCell(c) : c))
      : [...cells],
  }));
  return { headers, rows: body };
}
