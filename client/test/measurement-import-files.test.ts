// @vitest-environment node

import { constants, deflateRawSync } from "node:zlib";
import {
  addDays,
  checkImport,
  guessMapping,
  type ImportGoal,
  modelToCsv,
} from "@logic-canvas/shared";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type FileReading, readMeasurementFile } from "../src/measurement-import/read-file.ts";
import { CONTENT_TYPES, zipOf } from "./support/zip-files.ts";

/**
 * Files as people upload them, made here: a 10,000-row workbook, formulas and merged cells, and
 * hostile ones (too big, a zip bomb, a zip that lies about its sizes, XML nested thousands deep,
 * entity definitions). Each hostile file gets a sentence, and memory stays bounded.
 */

const GOALS: ImportGoal[] = [
  {
    id: "M1",
    title: "Teachers share learning intentions",
    unit: "percent",
    measurements: [],
    subgroups: [],
  },
  { id: "L1", title: "Students proficient", unit: "percent", measurements: [], subgroups: [] },
];

const fileOf = (name: string, bytes: Uint8Array) =>
  new File([bytes as Uint8Array<ArrayBuffer>], name);

async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet("Walkthroughs"));
  return Buffer.from(await book.xlsx.writeBuffer());
}

function refusal(read: FileReading): string {
  if (read.ok) throw new Error("the file was read, and should have been refused");
  return read.message;
}

/** Peak growth of this process's memory (heap and buffers) while `work` runs. */
async function peakGrowth(work: () => Promise<unknown>): Promise<number> {
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const start = used();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, used());
  }, 1);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, used()) - start;
}

/** Deflate blocks that inflate to `mb` megabytes of zeros, from about a kilobyte per megabyte. */
function zerosDeflated(mb: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mb }, () => block), Buffer.from([0x03, 0x00])]);
}

describe("reading spreadsheets of measurements", () => {
  it("reads a 10,000-row workbook, every row ready", async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(["Goal", "Date", "Value", "Note"]);
      for (let i = 0; i < 10_000; i += 1)
        sheet.addRow([
          GOALS[i % 2]?.title,
          new Date(Date.UTC(2026, 8, 1) + i * 86_400_000),
          i % 101,
          `walkthrough ${i}`,
        ]);
    });
    const read = await readMeasurementFile(fileOf("walkthroughs.xlsx", bytes));
    if (!read.ok) throw new Error(read.message);
    expect(read.sheet).toBe("Walkthroughs");
    expect(read.table.rows).toHaveLength(10_000);
    const mapping = guessMapping(read.table.headers);
    const check = checkImport(read.table, GOALS, { mapping, goalFor: {}, excluded: new Set() });
    expect(check.counts.ready).toBe(10_000);
    expect(check.entries[9_999]?.measurement).toEqual({
      date: addDays("2026-09-01", 9_999),
      value: 9_999 % 101,
      note: "walkthrough 9999",
    });
  }, 60_000);

  it("reads a formula cell as its cached result, a merged cell as its top-left value, a percentage as shown", async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(["Goal", "Date", "Value"]);
      sheet.addRow([
        "Teachers share learning intentions",
        "9/15/2026",
        { formula: "40+15", result: 55 },
      ]);
      sheet.addRow([null, "9/22/2026", 0.6]);
      sheet.addRow([null, "10/1/2026", { formula: "C3*100+2", result: 62 }]);
      sheet.mergeCells("A2:A4");
      sheet.getCell("C3").numFmt = "0%";
    });
    const read = await readMeasurementFile(fileOf("formulas.xlsx", bytes));
    if (!read.ok) throw new Error(read.message);
    const mapping = guessMapping(read.table.headers);
    const check = checkImport(read.table, GOALS, { mapping, goalFor: {}, excluded: new Set() });
    expect(check.entries).toEqual([
      { goalId: "M1", measurement: { date: "2026-09-15", value: 55 } },
      { goalId: "M1", measurement: { date: "2026-09-22", value: 60 } },
      { goalId: "M1", measurement: { date: "2026-10-01", value: 62 } },
    ]);
  });

  it("reads the first sheet with data, names every sheet with data, and reads the one chosen", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Empty");
    book.addWorksheet("Notes").addRow(["Walkthroughs of the autumn term"]);
    const scores = book.addWorksheet("Scores");
    scores.addRow(["Goal", "Date", "Value"]);
    scores.addRow(["Students proficient", "2026-10-01", 61]);
    const file = fileOf("term.xlsx", Buffer.from(await book.xlsx.writeBuffer()));

    const first = await readMeasurementFile(file);
    if (!first.ok) throw new Error(first.message);
    expect(first.sheet).toBe("Notes");
    expect(first.sheets).toEqual(["Notes", "Scores"]);

    const chosen = await readMeasurementFile(file, "Scores");
    if (!chosen.ok) throw new Error(chosen.message);
    expect(chosen.sheet).toBe("Scores");
    const mapping = guessMapping(chosen.table.headers);
    const check = checkImport(chosen.table, GOALS, { mapping, goalFor: {}, excluded: new Set() });
    expect(check.entries).toEqual([
      { goalId: "L1", measurement: { date: "2026-10-01", value: 61 } },
    ]);
  });

  it("reads Logic Canvas's own CSV export back, and semicolon CSV from European Excel", async () => {
    const csv = modelToCsv({
      nodes: [
        {
          id: "M1",
          kind: "midJourney",
          title: "Teachers share learning intentions",
          measurements: [{ date: "2026-11-22", value: 30, note: "=walkthroughs" }],
        },
      ],
    });
    const own = await readMeasurementFile(fileOf("model.csv", Buffer.from(csv)));
    if (!own.ok) throw new Error(own.message);
    expect(own.ownExport).toBe(true);
    const check = checkImport(own.table, GOALS, {
      mapping: guessMapping(own.table.headers),
      goalFor: {},
      excluded: new Set(),
    });
    expect(check.entries).toEqual([
      { goalId: "M1", measurement: { date: "2026-11-22", value: 30, note: "=walkthroughs" } },
    ]);
    const semicolons = await readMeasurementFile(
      fileOf("eu.csv", Buffer.from("Goal;Date;Value\r\nStudents proficient;15/09/2026;55\r\n")),
    );
    if (!semicolons.ok) throw new Error(semicolons.message);
    expect(semicolons.table.rows[0]?.cells).toEqual(["Students proficient", "15/09/2026", "55"]);
  });
});

describe("hostile and wrong files get a sentence, never a crash", () => {
  it("refuses a file over the size limit before reading it", async () => {
    const big = {
      name: "big.xlsx",
      size: 100 * 1024 * 1024,
      arrayBuffer: () => Promise.reject(new Error("read")),
    };
    expect(refusal(await readMeasurementFile(big))).toBe(
      "This file is 100 MB; at most 20 MB can be imported. Keep only the rows to import and save it again.",
    );
  });

  it("refuses a zip bomb from its directory, before inflating anything", async () => {
    const bomb = zipOf([
      CONTENT_TYPES,
      {
        name: "xl/worksheets/sheet1.xml",
        data: Buffer.alloc(0),
        deflated: zerosDeflated(64),
        declaredSize: 64 << 20,
      },
    ]);
    expect(refusal(await readMeasurementFile(fileOf("bomb.xlsx", bomb)))).toMatch(
      /^This file looks like a zip bomb: its part “xl\/worksheets\/sheet1.xml” would inflate [\d,]+ times, to 64 MB\.$/,
    );
  });

  it("stops inflating a part that lies about its size, with memory bounded", async () => {
    const liar = zipOf([
      CONTENT_TYPES,
      {
        name: "xl/worksheets/sheet1.xml",
        data: Buffer.alloc(0),
        deflated: zerosDeflated(1024),
        declaredSize: 10_000,
      },
    ]);
    let message = "";
    const growth = await peakGrowth(async () => {
      message = refusal(await readMeasurementFile(fileOf("liar.xlsx", liar)));
    });
    expect(message).toBe(
      "This workbook lies about its sizes: its part “xl/worksheets/sheet1.xml” holds more than the 10,000 bytes it declares.",
    );
    // The part holds 1 GB of zeros; the guard keeps one chunk at a time.
    expect(growth).toBeLessThan(64 * 1024 * 1024);
  });

  it("refuses XML nested thousands deep, and entity definitions", async () => {
    const deep = zipOf([
      CONTENT_TYPES,
      {
        name: "xl/worksheets/sheet1.xml",
        data: Buffer.from(`${"<a>".repeat(50_000)}${"</a>".repeat(50_000)}`),
      },
    ]);
    expect(refusal(await readMeasurementFile(fileOf("deep.xlsx", deep)))).toBe(
      "This workbook's part “xl/worksheets/sheet1.xml” nests XML more than 100 levels deep; a spreadsheet needs far fewer.",
    );
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><a>&lol2;</a>';
    const entities = zipOf([
      CONTENT_TYPES,
      { name: "xl/sharedStrings.xml", data: Buffer.from(laughs) },
    ]);
    expect(refusal(await readMeasurementFile(fileOf("laughs.xlsx", entities)))).toBe(
      "This workbook's part “xl/sharedStrings.xml” declares a DTD or entities, which spreadsheets never need.",
    );
  });

  it("says what to do with an old .xls, a damaged workbook, or an empty file", async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(refusal(await readMeasurementFile(fileOf("old.xls", ole)))).toContain(
      "Save it as an Excel workbook (.xlsx) or as CSV",
    );
    const cut = (await workbook((s) => s.addRow(["Goal"]))).subarray(0, 200);
    expect(refusal(await readMeasurementFile(fileOf("cut.xlsx", cut)))).toBe(
      "This is not an Excel workbook (.xlsx): its zip directory is missing.",
    );
    expect(refusal(await readMeasurementFile(fileOf("empty.csv", Buffer.from("\r\n"))))).toBe(
      "This file is empty: it has no header row and no rows.",
    );
  });
});
