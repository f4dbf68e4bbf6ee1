/**
 * Dates as spreadsheets hold them, read into the model's `YYYY-MM-DD`: ISO dates (with or without
 * a time), slashed or dotted day–month–year in either order, two-digit years, Excel serial numbers
 * and the Date objects a workbook reader returns for date-formatted cells.
 *
 * "3/4/2026" is 3 April in Europe and March 4 in the United States. One such date tells nothing;
 * the file as a whole may (a "15/9/2026" elsewhere means day first). When the file says nothing,
 * the order is asked of the person: it is never guessed.
 */

export type DateOrder = "dmy" | "mdy";

export const DATE_ORDER_WORDS: Record<DateOrder, string> = {
  dmy: "day first (15/9/2026 is 15 September)",
  mdy: "month first (9/15/2026 is September 15)",
};

export type DateCell = string | number | Date | null | undefined;

export type DateReading =
  | { ok: true; date: string }
  /** Day and month could be either way round, and no order was given. */
  | { ok: false; ambiguous: true; reason: string }
  | { ok: false; ambiguous?: false; reason: string };

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[T ][\d:.]+(?:\s?[AaPp][Mm])?)?$/;
const SERIAL = /^\d{1,7}(\.\d+)?$/;

/** The first and last days an import accepts: a typo's year 0026 or 20266 is not a measurement. */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2200;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `YYYY-MM-DD` when the day exists (no 30 February), otherwise null. */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
}

/** Excel's rule for two-digit years: 00–29 are 2000–2029, 30–99 are 1930–1999. */
export function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

/**
 * An Excel serial day (1900 date system) as `YYYY-MM-DD`. Excel counts 29 February 1900, a day
 * that never was, so serials from 61 on are days since 30 December 1899; the time of day (the
 * fraction) is dropped.
 */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  const d = new Date(ms);
  return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A Date from a workbook reader: the calendar day it names in UTC, as workbooks store no zone. */
function fromDateObject(value: Date): DateReading {
  if (Number.isNaN(value.getTime())) return { ok: false, reason: "the cell holds no valid date" };
  const date = calendarDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  return date ? { ok: true, date } : { ok: false, reason: "the year is out of range" };
}

function fromSlashed(match: RegExpExecArray, text: string, order?: DateOrder): DateReading {
  const a = Number(match[1]);
  const b = Number(match[2]);
  const year = fullYear(match[3] ?? "");
  const inWords = (o: DateOrder) => {
    const [day, month] = o === "dmy" ? [a, b] : [b, a];
    return calendarDate(year, month, day);
  };
  const dmy = inWords("dmy");
  const mdy = inWords("mdy");
  if (order) {
    const date = order === "dmy" ? dmy : mdy;
    if (date) return { ok: true, date };
    const other = order === "dmy" ? mdy : dmy;
    return {
      ok: false,
      reason: other
        ? `“${text}” is not a date when the ${order === "dmy" ? "day" : "month"} comes first`
        : `“${text}” is not a calendar date`,
    };
  }
  if (dmy && mdy && dmy !== mdy)
    return {
      ok: false,
      ambiguous: true,
      reason: `“${text}” could be ${a} ${MONTHS[b - 1]} or ${MONTHS[a - 1]} ${b}: choose the date order`,
    };
  const date = dmy ?? mdy;
  return date ? { ok: true, date } : { ok: false, reason: `“${text}” is not a calendar date` };
}

/** Reads one date cell. `order` settles slashed dates such as 3/4/2026; without it they are ambiguous. */
export function readSpreadsheetDate(cell: DateCell, order?: DateOrder): DateReading {
  if (cell === null || cell === undefined) return { ok: false, reason: "the date is empty" };
  if (cell instanceof Date) return fromDateObject(cell);
  if (typeof cell === "number") {
    const date = excelSerialDate(cell);
    return date
      ? { ok: true, date }
      : { ok: false, reason: `${cell} is not a date (nor a spreadsheet's day number)` };
  }
  const text = cell.trim();
  if (text === "") return { ok: false, reason: "the date is empty" };
  const iso = ISO.exec(text);
  if (iso) {
    const date = calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date ? { ok: true, date } : { ok: false, reason: `“${text}” is not a calendar date` };
  }
  const slashed = SLASHED.exec(text);
  if (slashed) return fromSlashed(slashed, text, order);
  if (SERIAL.test(text)) return readSpreadsheetDate(Number(text), order);
  return { ok: false, reason: `“${shorten(text)}” is not a date this import understands` };
}

/** Long cell text cut for a sentence (a whole paragraph in a date column is still one line). */
export function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface DateOrderEvidence {
  /** What the file itself says, or undefined when it says nothing. */
  order: DateOrder | undefined;
  /** Slashed dates that read either way (3/4/2026). */
  ambiguous: number;
  /** A date that proves day first (15/9/2026) and one that proves month first, if any. */
  dayFirstExample?: string;
  monthFirstExample?: string;
}

/**
 * What a file's dates say about their order: a first part above 12 proves day first, a second
 * part above 12 proves month first. Both at once is a file that mixes orders: no order is
 * inferred, and the person chooses (rows that do not fit the choice are listed).
 */
export function dateOrderOfFile(cells: Iterable<DateCell>): DateOrderEvidence {
  const evidence: DateOrderEvidence = { order: undefined, ambiguous: 0 };
  for (const cell of cells) {
    if (typeof cell !== "string") continue;
    const match = SLASHED.exec(cell.trim());
    if (!match) continue;
    const a = Number(match[1]);
    const b = Number(match[2]);
    if (a > 12 && b <= 12) evidence.dayFirstExample ??= cell.trim();
    else if (b > 12 && a <= 12) evidence.monthFirstExample ??= cell.trim();
    else if (a !== b && a <= 12 && b <= 12) evidence.ambiguous += 1;
  }
  if (evidence.dayFirstExample && !evidence.monthFirstExample) evidence.order = "dmy";
  if (evidence.monthFirstExample && !evidence.dayFirstExample) evidence.order = "mdy";
  return evidence;
}
