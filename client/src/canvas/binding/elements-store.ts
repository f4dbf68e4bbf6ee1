import type { CardNode, LinkEdge } from "../flow-types.ts";

export interface FlowElements {
  nodes: CardNode[];
  edges: LinkEdge[];
}

/**
 * The cards and links the canvas draws, as a store of their own: a card measured or dragged
 * changes only these, so only the canvas renders again, not the whole editor (top bar, toolbar,
 * side panel), which reads the binding's snapshot. Panning into rows not drawn yet measures
 * dozens of cards a frame; each measurement used to re-render the editor (profile:
 * bench/results/canvas-profile.pan-1000.json).
 */
export class ElementsStore {
  private current: FlowElements = { nodes: [], edges: [] };
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): FlowElements => this.current;

  set(nodes: CardNode[], edges: LinkEdge[]): void {
    if (nodes === this.current.nodes && edges === this.current.edges) return;
    this.current = { nodes, edges };
    for (const listener of this.listeners) listener();
  }
}
