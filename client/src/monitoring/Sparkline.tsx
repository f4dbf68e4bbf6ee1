import { dayNumber, type Measurement } from "@logic-canvas/shared";
import { memo } from "react";

/**
 * A tiny inline SVG of a goal's measurements for the canvas card. Hand-drawn on purpose: a chart
 * library per card would make a 1,000-card canvas slow; the dashboard has the real chart.
 */
export interface SparklineProps {
  measurements: readonly Measurement[];
  baseline?: number;
  target?: number;
  color: string;
  width?: number;
  height?: number;
}

export function sparklinePoints(
  measurements: readonly Measurement[],
  {
    width,
    height,
    baseline,
    target,
  }: { width: number; height: number; baseline?: number; target?: number },
): string {
  const sorted = measurements
    .map((m, index) => ({ day: dayNumber(m.date), value: m.value, index }))
    .sort((a, b) => a.day - b.day || a.index - b.index);
  if (sorted.length === 0) return "";
  const values = sorted.map((m) => m.value);
  for (const v of [baseline, target]) if (v !== undefined) values.push(v);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const first = sorted[0]?.day ?? 0;
  const last = sorted.at(-1)?.day ?? first;
  const pad = 2;
  const x = (day: number) =>
    last === first ? width / 2 : pad + ((day - first) / (last - first)) * (width - 2 * pad);
  const y = (value: number) =>
    max === min ? height / 2 : pad + (1 - (value - min) / (max - min)) * (height - 2 * pad);
  return sorted.map((m) => `${round(x(m.day))},${round(y(m.value))}`).join(" ");
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function SparklineView({
  measurements,
  baseline,
  target,
  color,
  width = 72,
  height = 20,
}: SparklineProps) {
  const points = sparklinePoints(measurements, { width, height, baseline, target });
  if (!points) return null;
  const single = measurements.length === 1;
  const [cx, cy] = points.split(" ")[0]?.split(",").map(Number) ?? [0, 0];
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${measurements.length} ${measurements.length === 1 ? "measurement" : "measurements"}`}
      data-testid="sparkline"
      data-points={measurements.length}
    >
      {single ? (
        <circle cx={cx} cy={cy} r={2.5} fill={color} />
      ) : (
        <polyline
          points={points}
          fill="none"
          stroke={color}
          strokeWidth={1.6}
          strokeLinejoin="round"
        />
      )}
    </svg>
  );
}

export const Sparkline = memo(SparklineView);
