import {
  type ActionPlan,
  edgesMap,
  fellBehindWithTime,
  type GoalStatusName,
  type LogicModel,
  type LogicNode,
  modelProgressSummary,
  nodesMap,
  type PersonRef,
  readCheckIns,
  readModel,
  type ValidationResult,
  validateModel,
} from "@logic-canvas/shared";
import type * as Y from "yjs";

/** What the API shows of a model's graph: its summary, its validation and its goals' progress. */
export interface GraphSummary {
  title: string;
  nodeCount: number;
  edgeCount: number;
  updatedAt: string;
  validation: Pick<ValidationResult, "errors" | "warnings">;
  /** Goals by status, and how many mid-journey goals are stale (the workspace lists show both). */
  progress: { counts: Record<GoalStatusName, number>; stale: number };
  /** The activities with their stage and action plan: My actions and the workspace radar. */
  activities: SummaryActivity[];
  /** The model's check-in dates (the inbox rings activity owners on the day). */
  checkIns: string[];
  /** Owned goals that time alone put off track today (the daily sweep rings their owners). */
  fellBehind: FellBehindGoal[];
}

export interface FellBehindGoal {
  nodeId: string;
  owner: PersonRef;
  /** The day of the measurement the plan moved past: one notice per measurement. */
  latestDate: string;
  words: string;
}

function fellBehindOf(model: LogicModel, today: string): FellBehindGoal[] {
  const out: FellBehindGoal[] = [];
  for (const node of model.nodes) {
    if (!node.owner) continue;
    const fell = fellBehindWithTime(node, today);
    if (fell)
      out.push({
        nodeId: node.id,
        owner: node.owner,
        latestDate: fell.latestDate,
        words: fell.words,
      });
  }
  return out;
}

export interface SummaryActivity {
  nodeId: string;
  title: string;
  stage?: LogicNode["stage"];
  plan?: ActionPlan;
}

function activitiesOf(model: LogicModel): SummaryActivity[] {
  const out: SummaryActivity[] = [];
  for (const node of model.nodes) {
    if (node.kind !== "activity") continue;
    const activity: SummaryActivity = { nodeId: node.id, title: node.title };
    if (node.stage) activity.stage = node.stage;
    if (node.plan) activity.plan = node.plan;
    out.push(activity);
  }
  return out;
}

/** Reads, validates and counts one graph document; the worker and the main thread share it. */
export function summarizeGraph(doc: Y.Doc, today: string): GraphSummary {
  const model = readModel(doc);
  const { errors, warnings } = validateModel(model, { today });
  const progress = modelProgressSummary(model, { today });
  return {
    title: model.title,
    nodeCount: nodesMap(doc).size,
    edgeCount: edgesMap(doc).size,
    updatedAt: "",
    validation: { errors, warnings },
    progress: { counts: progress.counts, stale: progress.staleNodeIds.length },
    activities: activitiesOf(model),
    checkIns: readCheckIns(doc),
    fellBehind: fellBehindOf(model, today),
  };
}
