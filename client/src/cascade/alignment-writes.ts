import type { LogicNode } from "@logic-canvas/shared";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";

/** One alignment of a card as the document stores it: the goal it contributes to. */
export interface Alignment {
  modelId: string;
  nodeId: string;
  note?: string;
}

/** The card's alignments as stored (none on a card that never had any). */
export function alignmentsOf(node: LogicNode): Alignment[] {
  return (node as LogicNode & { alignsTo?: Alignment[] }).alignsTo ?? [];
}

export const sameGoal = (a: Alignment, b: Alignment) =>
  a.modelId === b.modelId && a.nodeId === b.nodeId;

/** Writes the card's whole list through the binding (the one module that writes the document). */
export function writeAlignments(binding: YjsFlowBinding, nodeId: string, list: Alignment[]): void {
  binding.updateNode(nodeId, { alignsTo: list.length ? list : null } as never);
}
