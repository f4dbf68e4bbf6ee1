import {
  edgesMap,
  type GoalStatusName,
  modelProgressSummary,
  nodesMap,
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
  };
}
