import { dayNumber, type LogicNode } from "@logic-canvas/shared";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatDayNumber, formatMonthOfDay, monthTicks } from "../ui/dates.ts";
import { formatValue } from "./status-labels.ts";

/**
 * A goal's measurements against the straight line from its baseline to its target: the line a
 * goal is judged "on track" against (goalStatus in the domain package).
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
  const smart = node.smart;
  const unit = smart?.unit;
  const measured = (node.measurements ?? [])
    .map((m, index) => ({ day: dayNumber(m.date), value: m.value, index }))
    .sort((a, b) => a.day - b.day || a.index - b.index);
  const plan: { day: number; plan: number }[] = [];
  if (smart?.baseline?.date && smart.target?.date) {
    plan.push({ day: dayNumber(smart.baseline.date), plan: smart.baseline.value });
    plan.push({ day: dayNumber(smart.target.date), plan: smart.target.value });
  }
  if (measured.length === 0 && plan.length === 0)
    return <span className="muted small">Nothing to chart yet</span>;
  const days = [...measured.map((m) => m.day), ...plan.map((p) => p.day)];
  const domain: [number, number] = [Math.min(...days), Math.max(...days)];
  if (domain[0] === domain[1]) domain[1] = domain[0] + 1;
  return (
    <div className="goal-chart" data-testid="goal-chart" data-points={measured.length}>
      <LineChart width={width} height={height} margin={{ top: 6, right: 10, bottom: 0, left: -18 }}>
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
        {plan.length > 0 && (
          <Line
            data={plan}
            dataKey="plan"
            name="Baseline → target"
            stroke="#94a3b8"
            strokeDasharray="5 4"
            dot={false}
            isAnimationActive={false}
          />
        )}
        <Line
          data={measured}
          dataKey="value"
          name="Measured"
          stroke="#2563eb"
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
