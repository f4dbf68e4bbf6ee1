import type { LogicNode } from "@logic-canvas/shared";
import { lazy } from "react";
import { LoadedPart } from "../ui/LoadedPart.tsx";

// The chart brings the charting library (recharts and its d3 parts, most of what the page would
// otherwise parse before the first cards): it loads when a chart is first shown.
const GoalChart = lazy(() =>
  import("./GoalChart.tsx").then((module) => ({ default: module.GoalChart })),
);

/** `GoalChart`, loaded on first use; its place is kept at its size meanwhile. */
export function LazyGoalChart(props: { node: LogicNode; width?: number; height?: number }) {
  return (
    <LoadedPart
      fallback={
        <span
          className="goal-chart-loading muted small"
          style={{ display: "block", minHeight: props.height ?? 130 }}
        >
          Loading the chart…
        </span>
      }
    >
      <GoalChart {...props} />
    </LoadedPart>
  );
}
