/**
 * Reading CSV (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes, CRLF or LF),
 * as spreadsheets save it: a UTF-8 byte-order mark in front, and a semicolon instead of the
 * comma where the comma is the decimal mark (European Excel), or a tab. It stops at a row cap
 * rather than reading a file of any size into memory.
 */

export interface CsvTable {
  rows: string[][];
  /** True when rows past `maxRows` were left unread. */
  truncated: boolean;
}

const DELIMITERS = [",", ";", "\t"] as const;

/** The delimiter of the first line: the one that occurs most outside quotes. */
export function csvDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

export function parseCsv(input: string, maxRows = 100_000): CsvTable {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const delimiter = csvDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(cell);
    cell = "";
    // A blank line (one empty cell) is no row: spreadsheets leave them at the end.
    if (row.length > 1 || row[0] !== "") rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === "") quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      endRow();
      if (rows.length >= maxRows) return { rows, truncated: i + 1 < text.length };
    } else cell += ch;
    i += 1;
  }
  if (cell !== "" || row.length > 0) endRow();
  return { rows, truncated: false };
}

const FORMULA_GUARD = /^'[\s\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^'[\t\r\n]/u;

/**
 * Undoes the apostrophe the CSV export puts before text a spreadsheet would run as a formula
 * (`csvCell` in csv.ts), so that a note "=see below" comes back as it was written.
 */
export function unguardCsvCell(text: string): string {
  return FORMULA_GUARD.test(text) ? text.slice(1) : text;
}
