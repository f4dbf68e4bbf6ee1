import type { NodeKind } from "@logic-canvas/shared";

/** Each lane's colour (tokens.css `--input` …), for what is drawn outside CSS: minimap, overview. */
export const KIND_COLORS: Record<NodeKind, string> = {
  input: "#64748b",
  activity: "#2f6fd6",
  smallWin: "#1f9d6b",
  midJourney: "#d08700",
  longTerm: "#d6453d",
};

/** Each lane's soft tint (tokens.css `--input-soft` …): a card's fill in the overview. */
export const KIND_SOFT_COLORS: Record<NodeKind, string> = {
  input: "#e2e8f0",
  activity: "#dbeafe",
  smallWin: "#d1fae5",
  midJourney: "#fef3c7",
  longTerm: "#fee2e2",
};
