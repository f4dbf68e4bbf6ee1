import {
  formatDay,
  formatValue,
  type PlanReport,
  type ReportBlock,
  type ReportChart,
  STATUS_LABEL,
} from "@logic-canvas/shared";
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

/**
 * The written plan as a Word document (`docx`): real headings (so Word's navigation pane and
 * Google Docs' outline show the plan's structure), real tables and bulleted lists, all editable.
 * A goal's chart is given as its table of measurements, which a school can turn into a Word chart;
 * the PDF draws the chart itself.
 */

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
  });
}

function table(columns: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((c) => cell(c)) })),
    ],
  });
}

/** The chart's numbers: baseline, each measurement, target, with the goal's unit. */
function chartTable(chart: ReportChart): (Paragraph | Table)[] {
  const rows: string[][] = [];
  if (chart.baseline) {
    rows.push([
      chart.baseline.date ? formatDay(chart.baseline.date) : "—",
      formatValue(chart.baseline.value, chart.unit),
      "Baseline",
    ]);
  }
  for (const p of chart.points)
    rows.push([formatDay(p.date), formatValue(p.value, chart.unit), "Measured"]);
  for (const group of chart.subgroups ?? [])
    for (const p of group.points)
      rows.push([formatDay(p.date), formatValue(p.value, chart.unit), `Measured: ${group.name}`]);
  if (chart.target) {
    rows.push([
      chart.target.date ? formatDay(chart.target.date) : "—",
      formatValue(chart.target.value, chart.unit),
      "Target",
    ]);
  }
  const caption = `Measurements of “${chart.title}” (status: ${STATUS_LABEL[chart.status].toLowerCase()})`;
  return [
    new Paragraph({ children: [new TextRun({ text: caption, italics: true })] }),
    table(["Date", "Value", ""], rows),
    new Paragraph({ text: "" }),
  ];
}

function blockToDocx(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case "heading":
      return [new Paragraph({ text: block.text, heading: HEADINGS[block.level] })];
    case "paragraph":
      return [new Paragraph({ text: block.text, spacing: { after: 120 } })];
    case "list":
      return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case "table":
      return [table(block.columns, block.rows), new Paragraph({ text: "" })];
    case "chart":
      return chartTable(block.chart);
  }
}

export async function planToDocx(plan: PlanReport): Promise<Buffer> {
  const doc = new Document({
    creator: "Logic Canvas",
    title: plan.title,
    description: "Written plan generated from the logic model",
    sections: [{ children: plan.blocks.flatMap(blockToDocx) }],
  });
  return Packer.toBuffer(doc);
}
