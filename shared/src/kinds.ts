/** The five columns of a logic model, left to right. Order is meaning: links run left to right. */
export const NODE_KINDS = ["input", "activity", "smallWin", "midJourney", "longTerm"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const GOAL_KINDS = [
  "smallWin",
  "midJourney",
  "longTerm",
] as const satisfies readonly NodeKind[];
export type GoalKind = (typeof GOAL_KINDS)[number];

export const INNOVATION_STAGES = ["seed", "blossom", "fruit", "withering", "compost"] as const;
type InnovationStage = (typeof INNOVATION_STAGES)[number];

export function columnOf(kind: NodeKind): number {
  return NODE_KINDS.indexOf(kind);
}

export function isGoalKind(kind: NodeKind): kind is GoalKind {
  return (GOAL_KINDS as readonly NodeKind[]).includes(kind);
}

/** Words a school team uses for each column (seed 003, Table 2.1), for lanes, tables and exports. */
export const KIND_LABELS: Record<
  NodeKind,
  /** `one`: a single card of the lane, in a sentence or a diff ("a Long-term goal"). */
  { label: string; short: string; one: string; alsoCalled: string; explains: string }
> = {
  input: {
    label: "Inputs",
    short: "Input",
    one: "Input",
    alsoCalled: "Resources",
    explains: "People, money, time and tools the work needs.",
  },
  activity: {
    label: "Activities",
    short: "Activity",
    one: "Activity",
    alsoCalled: "Actions",
    explains: "What people do with the inputs: the means, not the goals.",
  },
  smallWin: {
    label: "Small-win goals",
    short: "Small win",
    one: "Small-win goal",
    alsoCalled: "Initial outcomes",
    explains: "Short-term wins, in weeks or months, to notice and celebrate.",
  },
  midJourney: {
    label: "Mid-journey goals",
    short: "Mid-journey",
    one: "Mid-journey goal",
    alsoCalled: "Intermediate outcomes",
    explains: "Benchmarks along the way: if these are missed, the long-term goals will be too.",
  },
  longTerm: {
    label: "Long-term performance goals",
    short: "Long-term",
    one: "Long-term goal",
    alsoCalled: "Intended results",
    explains: "Measurable end results, often one per year.",
  },
};

export const INNOVATION_STAGE_LABELS: Record<InnovationStage, string> = {
  seed: "Seed: under discussion",
  blossom: "Blossom: new, no fruit yet",
  fruit: "Fruit: fully implemented, producing results",
  withering: "Withering: has lost its bloom",
  compost: "Compost: discontinued",
};
