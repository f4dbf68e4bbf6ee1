import {
  addMeasurements,
  checkImport,
  coachingTemplate,
  guessMapping,
  importGoalsOf,
  type LogicModel,
  loadModel,
} from "@logic-canvas/shared";
import ExcelJS from "exceljs";
import * as Y from "yjs";
import { readMeasurementFile } from "../client/src/measurement-import/read-file.ts";
import { guardWorkbook } from "../client/src/measurement-import/zip-inflate.ts";
import type { Flags } from "./lib/args.ts";
import { writeResult } from "./lib/machine.ts";
import { round, summarize } from "./lib/stats.ts";

export const description =
  "Issue 18: importing a 10,000-row XLSX of measurements — guard, exceljs parse, check every row, apply as one Yjs transaction (target < 5 s)";

/** The coaching template's goals, each with a percent SMART target, so values are range-checked. */
function model(): LogicModel {
  const template = coachingTemplate();
  return {
    ...template,
    nodes: template.nodes.map((n) =>
      ["smallWin", "midJourney", "longTerm"].includes(n.kind)
        ? { ...n, smart: { indicator: "students proficient", unit: "percent" }, measurements: [] }
        : n,
    ),
  };
}

async function workbook(rows: number, titles: string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Measurements");
  sheet.addRow(["Goal", "Date", "Value", "Note"]);
  for (let i = 0; i < rows; i += 1)
    sheet.addRow([
      titles[i % titles.length],
      new Date(Date.UTC(2020, 0, 1) + (i % 3_000) * 86_400_000),
      (i * 7) % 101,
      `walkthrough ${i}`,
    ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function once(bytes: Buffer, base: LogicModel) {
  const doc = new Y.Doc();
  loadModel(doc, base, "load");
  const t0 = performance.now();
  const read = await readMeasurementFile(new File([new Uint8Array(bytes)], "measurements.xlsx"));
  const t1 = performance.now();
  if (!read.ok) throw new Error(read.message);
  const check = checkImport(read.table, importGoalsOf(base), {
    mapping: guessMapping(read.table.headers),
    goalFor: {},
    excluded: new Set(),
  });
  const t2 = performance.now();
  if (!check.canApply)
    throw new Error(`the generated rows do not apply: ${check.counts.problem} problems`);
  let update = 0;
  doc.on("update", (u: Uint8Array) => {
    update += u.byteLength;
  });
  addMeasurements(doc, check.entries, { binding: "bench" });
  const t3 = performance.now();
  return {
    read: t1 - t0,
    check: t2 - t1,
    apply: t3 - t2,
    total: t3 - t0,
    rows: check.entries.length,
    update,
  };
}

export async function run(flags: Flags): Promise<void> {
  const rows = flags.number("rows", 10_000);
  const repeats = flags.number("repeats", 5);
  const base = model();
  const titles = importGoalsOf(base).map((g) => g.title);
  const bytes = await workbook(rows, titles);
  const guard: number[] = [];
  const samples: Awaited<ReturnType<typeof once>>[] = [];
  await once(bytes, base); // warm-up: module loading and JIT, not counted
  for (let i = 0; i < repeats; i += 1) {
    const g0 = performance.now();
    await guardWorkbook(bytes);
    guard.push(performance.now() - g0);
    samples.push(await once(bytes, base));
  }
  const phase = (key: "read" | "check" | "apply" | "total") =>
    summarize(samples.map((s) => s[key]));
  const figures = {
    fileBytes: bytes.byteLength,
    rowsApplied: samples[0]?.rows,
    updateBytes: samples[0]?.update,
    guardMs: summarize(guard),
    readMs: phase("read"),
    checkMs: phase("check"),
    applyMs: phase("apply"),
    totalMs: phase("total"),
    targetMs: 5_000,
    meetsTarget: phase("total").max < 5_000,
  };
  console.log(
    `  ${rows.toLocaleString("en")} rows, ${round(bytes.byteLength / 1024)} KB: total p50 ${figures.totalMs.p50} ms, max ${figures.totalMs.max} ms (read incl. guard ${figures.readMs.p50}, check ${figures.checkMs.p50}, apply ${figures.applyMs.p50}; guard alone ${figures.guardMs.p50})`,
  );
  const path = writeResult(
    "measurement-import",
    {
      rows,
      repeats,
      goals: titles.length,
      reader: "exceljs 4.4.0 (Node build; the browser loads its dist build)",
    },
    figures,
  );
  console.log(`  → ${path}`);
}
