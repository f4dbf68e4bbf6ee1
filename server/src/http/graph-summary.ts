import type { ValidationResult } from "@logic-canvas/shared";

/** What the API shows of a model's graph: its summary and its validation. */
export interface GraphSummary {
  title: string;
  nodeCount: number;
  edgeCount: number;
  updatedAt: string;
  validation: Pick<ValidationResult, "errors" | "warnings">;
}
