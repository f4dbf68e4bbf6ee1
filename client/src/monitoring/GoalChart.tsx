import type { LogicNode } from "@logic-canvas/shared";
import { dayNumber } from "@logic-canvas/shared";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay, formatDayNumber, formatMonthOfDay, monthTicks } from "../ui/dates.ts";
import { type ChartSeries, chartSeries, chartTableRows } from "./chart-series.ts";
import { formatValue } from "./status-labels.ts";

/**
 * A goal's measurements against the straight line from its baseline to its target: the line a
 * goal is judged "on track" against (goalStatus in the domain package). A goal with subgroups
 * (issue 18) gets one line per subgroup and a legend naming them.
 */
export function GoalChart({
  node,
  width = 320,
  height = 130,
}: {
  node: LogicNode;
  width?: number;
  height?: number;
}) {
  const unit = node.smart?.unit;
  const series = chartSeries(node);
  const withSubgroups = series.length > 1;
  const plan = planLine(node);
  const measured = series.reduce((n, s) => n + s.points.length, 0);
  if (measured === 0 && plan.length === 0)
    return <span className="muted small">Nothing to chart yet</span>;
  const domain = dayDomain(series, plan);
  // With subgroups the legend needs room below the plot.
  const chartHeight = withSubgroups ? Math.max(height, 170) : height;
  return (
    <figure
      className="goal-chart"
      data-testid="goal-chart"
      data-points={series[0]?.points.length ?? 0}
      data-lines={series.length}
    >
      <LineChart
        width={width}
        height={chartHeight}
        margin={{ top: 6, right: 10, bottom: 0, left: -18 }}
        // Hidden from screen readers, who get ChartTable: so not focusable either (Recharts'
        // keyboard layer would put a tab stop inside an aria-hidden element).
        aria-hidden="true"
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#eef0f3" />
        <XAxis
          dataKey="day"
          type="number"
          domain={domain}
          ticks={monthTicks(domain[0], domain[1], Math.max(2, Math.floor(width / 80)))}
          tickFormatter={formatMonthOfDay}
          tick={{ fontSize: 10 }}
          allowDuplicatedCategory={false}
        />
        <YAxis tick={{ fontSize: 10 }} domain={["auto", "auto"]} />
        <Tooltip
          labelFormatter={(day) => formatDayNumber(Number(day))}
          formatter={(value, name) => [formatValue(Number(value), unit), name]}
        />
        {/* Drawing order: the plan, the whole group, then the subgroups as listed. */}
        {withSubgroups && subgroupLegend()}
        {plan.length > 0 && planLineElement(plan)}
        {series.map(seriesLineElement)}
      </LineChart>
      <ChartTable title={node.title} series={series} unit={unit} />
    </figure>
  );
}

/** The dashed line from baseline to target: an element, for Recharts reads its direct children. */
function planLineElement(plan: ReturnType<typeof planLine>) {
  return (
    <Line
      data={plan}
      dataKey="plan"
      name="Baseline → target"
      stroke="#94a3b8"
      strokeDasharray="5 4"
      dot={false}
      legendType="plainline"
      isAnimationActive={false}
    />
  );
}

/** One group's measurements (the whole group or a subgroup), as an element for the same reason. */
function seriesLineElement(s: ChartSeries) {
  return (
    <Line
      key={s.key}
      data={s.points}
      dataKey="value"
      name={s.name}
      stroke={s.color}
      strokeWidth={2}
      dot={{ r: 3, fill: s.color }}
      isAnimationActive={false}
    />
  );
}

/**
 * The legend naming the plan and each group's line; an element, not a component, because
 * Recharts reads its direct children.
 */
function subgroupLegend() {
  return (
    <Legend
      wrapperStyle={{ fontSize: 11 }}
      iconSize={9}
      itemSorter={null}
      formatter={(value) => <span className="chart-legend-text">{value}</span>}
    />
  );
}

/** The straight line from the baseline to the target, when both have dates. */
function planLine(node: LogicNode): { day: number; plan: number }[] {
  const smart = node.smart;
  if (!smart?.baseline?.date || !smart.target?.date) return [];
  return [
    { day: dayNumber(smart.baseline.date), plan: smart.baseline.value },
    { day: dayNumber(smart.target.date), plan: smart.target.value },
  ];
}

/** The days the x axis spans: every measurement and the plan, never a zero-width range. */
function dayDomain(
  series: readonly ChartSeries[],
  plan: readonly { day: number }[],
): [number, number] {
  const days = [...series.flatMap((s) => s.points.map((p) => p.day)), ...plan.map((p) => p.day)];
  const domain: [number, number] = [Math.min(...days), Math.max(...days)];
  if (domain[0] === domain[1]) domain[1] = domain[0] + 1;
  return domain;
}

/**
 * The chart as a table, for screen readers (the drawing itself is hidden from them): one row per
 * date, one column for the whole group and one per subgroup.
 */
function ChartTable({
  title,
  series,
  unit,
}: {
  title: string;
  series: readonly ChartSeries[];
  unit?: string;
}) {
  const rows = chartTableRows(series);
  return (
    <table className="visually-hidden" data-testid="goal-chart-table">
      <caption>Measurements of “{title}”</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          {series.map((s) => (
            <th key={s.key} scope="col">
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.date}>
            <th scope="row">{formatDay(row.date)}</th>
            {row.values.map((value, i) => (
              <td key={series[i]?.key}>{value === undefined ? "—" : formatValue(value, unit)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
