import {
  type ImportTable,
  importTableOf,
  isLogicCanvasExport,
  parseCsv,
} from "@logic-canvas/shared";
import { MAX_IMPORT_ROWS, readWorkbook } from "./xlsx-read.ts";
import { fileTooLarge, WORKBOOK_LIMITS, WorkbookRefused } from "./zip-guard.ts";

/**
 * A chosen file as a table of measurements to map: CSV (UTF-8, or the Windows code page that
 * older Excel versions save in) or an Excel workbook. Every refusal is a sentence for the person,
 * never an exception.
 */

export type FileReading =
  | {
      ok: true;
      table: ImportTable;
      fileName: string;
      ownExport: boolean;
      /** A workbook's sheet read, and every sheet with data to choose from. */
      sheet?: string;
      sheets?: string[];
    }
  | { ok: false; message: string };

export interface ChosenFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function csvTable(bytes: Uint8Array): { table: ImportTable } | { message: string } {
  if (bytes.includes(0))
    return { message: "This file is not text: choose a CSV file or an Excel workbook (.xlsx)." };
  const csv = parseCsv(decodeText(bytes), MAX_IMPORT_ROWS + 1);
  if (csv.truncated)
    return {
      message: `This file has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; import it in parts.`,
    };
  return { table: importTableOf(csv.rows) };
}

type TableRead = { table: ImportTable; sheet?: string; sheets?: string[] };

async function tableOf(
  file: ChosenFile,
  bytes: Uint8Array,
  sheetName: string | undefined,
): Promise<TableRead | { message: string }> {
  if (isOle(bytes))
    return {
      message:
        "This is an old Excel file (.xls). Save it as an Excel workbook (.xlsx) or as CSV, then import that.",
    };
  if (isZip(bytes)) {
    const read = await readWorkbook(bytes, sheetName);
    return { table: importTableOf(read.rows, read.lines), sheet: read.sheet, sheets: read.sheets };
  }
  if (/\.xlsx$/i.test(file.name))
    return { message: "This file is named .xlsx but is not an Excel workbook." };
  return csvTable(bytes);
}

/** Reads `file`; for a workbook, the sheet named `sheetName` (else the first with data). */
export async function readMeasurementFile(
  file: ChosenFile,
  sheetName?: string,
): Promise<FileReading> {
  if (file.size > WORKBOOK_LIMITS.fileBytes) return { ok: false, message: fileTooLarge(file.size) };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const read = await tableOf(file, bytes, sheetName);
    if ("message" in read) return { ok: false, message: read.message };
    if (read.table.headers.length === 0)
      return { ok: false, message: "This file is empty: it has no header row and no rows." };
    return {
      ok: true,
      table: read.table,
      fileName: file.name,
      sheet: read.sheet,
      sheets: read.sheets,
      ownExport: isLogicCanvasExport(read.table.headers),
    };
  } catch (error) {
    if (error instanceof WorkbookRefused) return { ok: false, message: error.message };
    return {
      ok: false,
      message: `This file cannot be read: ${error instanceof Error ? error.message : String(error)}.`,
    };
  }
}
