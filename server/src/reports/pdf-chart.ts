import { dayNumber, formatDayNumber, formatValue, type ReportChart } from "@logic-canvas/shared";

/**
 * A goal's chart drawn in vector on a PDF page: the line from baseline to target (what "on
 * track" is judged against, dashed), the measurements joined, each as a dot. Dates run along
 * the bottom, values up the side, as the Progress view draws it on screen. A goal's measured
 * subgroups (issue 18) each get a line of their own colour, named in a legend under the dates.
 */

export const CHART_HEIGHT = 150;

const STATUS_STROKE: Record<ReportChart["status"], string> = {
  achieved: "#15803d",
  "on-track": "#16a34a",
  "at-risk": "#b45309",
  "off-track": "#dc2626",
  "not-measured": "#64748b",
};

/** Subgroup lines, in order: colours apart from the statuses' greens, amber and red. */
const SUBGROUP_STROKES = ["#2563eb", "#7c3aed", "#0891b2", "#db2777", "#4d7c0f", "#9a3412"];

interface Point {
  day: number;
  value: number;
}

const toPoints = (points: ReportChart["points"]): Point[] =>
  points.map((p) => ({ day: dayNumber(p.date), value: p.value }));

function pointsOf(chart: ReportChart): { measured: Point[]; line: Point[] } {
  const measured = toPoints(chart.points);
  const line: Point[] = [];
  const { baseline, target } = chart;
  if (baseline?.date) line.push({ day: dayNumber(baseline.date), value: baseline.value });
  if (target?.date) line.push({ day: dayNumber(target.date), value: target.value });
  return { measured, line };
}

/** Draws the chart at (x, y) in a box `width` wide; returns nothing when there is nothing to draw. */
export function drawChart(
  doc: PDFKit.PDFDocument,
  chart: ReportChart,
  x: number,
  y: number,
  width: number,
): boolean {
  const { measured, line } = pointsOf(chart);
  const groups = (chart.subgroups ?? []).map((g, i) => ({
    name: g.name,
    stroke: SUBGROUP_STROKES[i % SUBGROUP_STROKES.length] as string,
    points: toPoints(g.points),
  }));
  const all = [...measured, ...line, ...groups.flatMap((g) => g.points)];
  if (all.length === 0) return false;
  const days = all.map((p) => p.day);
  const values = all.map((p) => p.value);
  const d0 = Math.min(...days);
  const d1 = Math.max(...days, d0 + 1);
  // A tenth of the range above and below, so a 60 → 66 goal is not a flat line along the top.
  const low = Math.min(...values);
  const high = Math.max(...values, low + 1);
  const v0 = low - (high - low) / 10;
  const v1 = high + (high - low) / 10;
  const left = x + 44;
  const plotW = width - 54;
  const top = y + 8;
  const plotH = CHART_HEIGHT - 34;
  const px = (day: number) => left + ((day - d0) / (d1 - d0)) * plotW;
  const py = (value: number) => top + plotH - ((value - v0) / (v1 - v0)) * plotH;
  doc.save().lineWidth(0.5).strokeColor("#94a3b8");
  doc
    .moveTo(left, top)
    .lineTo(left, top + plotH)
    .lineTo(left + plotW, top + plotH)
    .stroke();
  doc.fontSize(7).fillColor("#334155");
  doc.text(formatValue(high, chart.unit), x, py(high) - 3, { width: 40, align: "right" });
  doc.text(formatValue(low, chart.unit), x, py(low) - 3, { width: 40, align: "right" });
  doc.text(formatDayNumber(d0), left, top + plotH + 4, { width: 90 });
  doc.text(formatDayNumber(d1), left + plotW - 90, top + plotH + 4, { width: 90, align: "right" });
  if (line.length === 2) {
    const [a, b] = line as [Point, Point];
    doc.lineWidth(1).strokeColor("#64748b").dash(3, { space: 3 });
    doc.moveTo(px(a.day), py(a.value)).lineTo(px(b.day), py(b.value)).stroke().undash();
  }
  const joined = (points: Point[], stroke: string) => {
    if (points.length > 1) {
      doc.lineWidth(1.5).strokeColor(stroke);
      const [first, ...rest] = points as [Point, ...Point[]];
      doc.moveTo(px(first.day), py(first.value));
      for (const p of rest) doc.lineTo(px(p.day), py(p.value));
      doc.stroke();
    }
    for (const p of points) doc.circle(px(p.day), py(p.value), 2.5).fillColor(stroke).fill();
  };
  // The whole group last, on top.
  for (const g of groups) joined(g.points, g.stroke);
  joined(measured, STATUS_STROKE[chart.status]);
  const whole = { name: "Whole group", stroke: STATUS_STROKE[chart.status] };
  if (groups.length > 0) legend(doc, [whole, ...groups], left, top + plotH + 15);
  doc.restore();
  return true;
}

/** "— Whole group  — English learners  …": which line is which, under the dates. */
function legend(
  doc: PDFKit.PDFDocument,
  groups: { name: string; stroke: string }[],
  x: number,
  y: number,
) {
  let at = x;
  for (const { name, stroke } of groups) {
    doc
      .lineWidth(2)
      .strokeColor(stroke)
      .moveTo(at, y + 4)
      .lineTo(at + 12, y + 4)
      .stroke();
    doc
      .fontSize(7)
      .fillColor("#334155")
      .text(name, at + 15, y, { lineBreak: false });
    at += 15 + doc.widthOfString(name) + 10;
  }
}
