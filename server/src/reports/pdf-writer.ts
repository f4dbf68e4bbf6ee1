import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { PlanReport, ReportBlock } from "@logic-canvas/shared";
import PDFDocument from "pdfkit";
import { CHART_HEIGHT, drawChart } from "./pdf-chart.ts";

/**
 * The written plan as a PDF (pdfkit): the same blocks as the Word document, laid out on A4 with
 * a vector chart per goal. pdfkit rather than printing the page through Chromium: the server
 * needs no browser, the text stays real text (searchable, copyable, read aloud), and a plan of a
 * few hundred cards is written in well under a second. Fonts are DejaVu Sans, embedded from the
 * `dejavu-fonts-ttf` package, so any title (accents, Greek, Cyrillic, curly quotes) prints as
 * typed, whatever fonts the server's machine has.
 */

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const REGULAR = join(FONT_DIR, "DejaVuSans.ttf");
const BOLD = join(FONT_DIR, "DejaVuSans-Bold.ttf");

const HEADING_SIZE = { 1: 20, 2: 14, 3: 11.5 } as const;
const BODY_SIZE = 10;

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function writeBlock(doc: PDFKit.PDFDocument, block: ReportBlock, width: number): void {
  const x = doc.page.margins.left;
  switch (block.kind) {
    case "heading":
      ensureRoom(doc, HEADING_SIZE[block.level] * 3);
      doc.moveDown(block.level === 3 ? 0.4 : 0.8);
      doc.font("bold").fontSize(HEADING_SIZE[block.level]).fillColor("#0f172a");
      doc.text(block.text, x, doc.y, { width });
      doc.moveDown(0.3);
      return;
    case "paragraph":
      doc.font("regular").fontSize(BODY_SIZE).fillColor("#1e293b");
      doc.text(block.text, x, doc.y, { width, lineGap: 2 });
      doc.moveDown(0.4);
      return;
    case "list":
      doc.font("regular").fontSize(BODY_SIZE).fillColor("#1e293b");
      doc.list(block.items, x, doc.y, { width, bulletRadius: 1.6, lineGap: 2 });
      doc.moveDown(0.4);
      return;
    case "table":
      doc.font("regular").fontSize(9).fillColor("#1e293b");
      doc.table({
        position: { x, y: doc.y },
        maxWidth: width,
        rowStyles: (row) => (row === 0 ? { backgroundColor: "#e2e8f0" } : undefined),
        data: [block.columns.map((text) => ({ text, font: { src: BOLD } })), ...block.rows],
      });
      doc.moveDown(0.6);
      return;
    case "chart":
      ensureRoom(doc, CHART_HEIGHT);
      {
        // The chart's own labels move the cursor; the next block starts below the chart's box.
        const top = doc.y;
        if (drawChart(doc, block.chart, x, top, Math.min(width, 420))) doc.y = top + CHART_HEIGHT;
        doc.x = x;
      }
      return;
  }
}

export function planToPdf(plan: PlanReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: plan.title, Creator: "Logic Canvas" },
    lang: "en",
    displayTitle: true,
  });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const block of plan.blocks) writeBlock(doc, block, width);
  doc.end();
  return done;
}
