import type { Cell } from "@logic-canvas/shared";
import type { CellValue, Cell as SheetCell, Workbook } from "exceljs";
import { WorkbookRefused } from "./zip-guard.ts";
import { guardWorkbook } from "./zip-inflate.ts";

/**
 * Reads one sheet of an Excel workbook into rows of plain cells: the one the person chose, or the
 * first with data; the names of all sheets with data come along, to choose another. `exceljs` is
 * loaded only here, with a dynamic import, so the editor's bundle does not carry it for everyone;
 * and only after `guardWorkbook` has judged the file. A formula cell reads as its cached result
 * (what the sheet shows), a merged cell as the value of its top-left cell, a cell formatted as a
 * percentage as the percentage shown (0.55 shown as 55% reads 55).
 */

export const MAX_IMPORT_ROWS = 50_000;

export interface SheetRows {
  sheet: string;
  /** Every sheet with data, in the workbook's order. */
  sheets: string[];
  rows: Cell[][];
  /** The sheet's row number of each row, for "row 12" in the problems. */
  lines: number[];
}

function scalar(value: CellValue, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number")
    return numFmt?.includes("%") ? Number((value * 100).toPrecision(12)) : value;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value;
  if ("formula" in value || "sharedFormula" in value)
    return value.result === undefined ? null : scalar(value.result as CellValue, numFmt);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("text" in value) return String(value.text);
  return null;
}

function cellOf(cell: SheetCell): Cell {
  const source = cell.isMerged ? cell.master : cell;
  return scalar(source.value, source.numFmt);
}

async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types ask for a Node Buffer; its browser build reads an ArrayBuffer as well.
    const copy = bytes.slice().buffer;
    await workbook.xlsx.load(copy as never);
  } catch (error) {
    throw new WorkbookRefused(
      `This workbook cannot be read: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  return workbook;
}

export async function readWorkbook(bytes: Uint8Array, sheetName?: string): Promise<SheetRows> {
  await guardWorkbook(bytes);
  const workbook = await loadWorkbook(bytes);
  const withData = workbook.worksheets.filter((ws) => ws.actualRowCount > 0);
  const sheet = withData.find((ws) => ws.name === sheetName) ?? withData[0];
  if (!sheet) throw new WorkbookRefused("This workbook has no sheet with data.");
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1)
    throw new WorkbookRefused(
      `The sheet “${sheet.name}” has ${sheet.rowCount.toLocaleString("en")} rows; at most ${MAX_IMPORT_ROWS.toLocaleString("en")} are imported at once.`,
    );
  const width = sheet.columnCount;
  const rows: Cell[][] = [];
  const lines: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    for (let col = 1; col <= width; col += 1) cells.push(cellOf(row.getCell(col)));
    rows.push(cells);
    lines.push(number);
  });
  return { sheet: sheet.name, sheets: withData.map((ws) => ws.name), rows, lines };
}
