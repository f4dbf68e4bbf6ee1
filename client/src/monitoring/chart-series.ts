import {
  dayNumber,
  type LogicNode,
  type Measurement,
  subgroupMeasurements,
  wholeGroupMeasurements,
} from "@logic-canvas/shared";

/**
 * The lines of a goal's chart: the whole group first, then one per subgroup (issue 18), each
 * with a colour of its own. The colours are distinct on white and in the legend; the chart's
 * table alternative (`ChartTable`) gives the same numbers to whoever cannot see them.
 */

export interface ChartSeries {
  key: string;
  name: string;
  color: string;
  points: { day: number; date: string; value: number; index: number }[];
}

/** Whole group, then up to 12 subgroups (MAX_SUBGROUPS). */
const COLORS = [
  "#2563eb",
  "#d97706",
  "#059669",
  "#db2777",
  "#7c3aed",
  "#0891b2",
  "#65a30d",
  "#dc2626",
  "#4b5563",
  "#9333ea",
  "#0d9488",
  "#b45309",
  "#be185d",
];

function points(list: readonly Measurement[]): ChartSeries["points"] {
  return list
    .map((m, index) => ({ day: dayNumber(m.date), date: m.date, value: m.value, index }))
    .sort((a, b) => a.day - b.day || a.index - b.index);
}

export function chartSeries(node: LogicNode): ChartSeries[] {
  const subgroups = node.subgroups ?? [];
  const whole: ChartSeries = {
    key: "whole",
    name: subgroups.length ? "Whole group" : "Measured",
    color: COLORS[0] as string,
    points: points(wholeGroupMeasurements(node.measurements)),
  };
  return [
    whole,
    ...subgroups.map((s, i) => ({
      key: `subgroup-${s.id}`,
      name: s.name,
      color: COLORS[(i + 1) % COLORS.length] as string,
      points: points(subgroupMeasurements(node.measurements, s.id)),
    })),
  ];
}

/** One row per measured date, one cell per series (the latest value of that day). */
export function chartTableRows(series: readonly ChartSeries[]) {
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  return dates.map((date) => ({
    date,
    values: series.map((s) => s.points.filter((p) => p.date === date).at(-1)?.value),
  }));
}
