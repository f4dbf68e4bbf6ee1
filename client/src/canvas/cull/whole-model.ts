import type { ReactFlowInstance } from "@xyflow/react";
import { useEffect } from "react";
import type { CardNode } from "../flow-types.ts";
import type { CardIndex } from "./card-index.ts";

/**
 * React Flow holds only the cards near the view (`culled-elements.ts`), so what must see the
 * whole model (centring on a found card, bringing a card into view, fitting, laying out) asks
 * here: the canvas on screen registers its binding's index and snapshot. Without one (a canvas
 * not culled), React Flow's own lists answer.
 */
interface WholeModel {
  index: CardIndex;
  nodes: () => readonly CardNode[];
}

let current: WholeModel | undefined;

export function useWholeModel(index: CardIndex | undefined, nodes: () => readonly CardNode[]) {
  useEffect(() => {
    if (!index) return;
    const mine = { index, nodes };
    current = mine;
    return () => {
      if (current === mine) current = undefined;
    };
  }, [index, nodes]);
}

/** One card of the whole model, mounted or not. */
export function cardOf(flow: ReactFlowInstance, id: string): CardNode | undefined {
  return current?.index.card(id) ?? (flow.getNode(id) as CardNode | undefined);
}

/** Every card of the model, mounted or not. */
export function allCards(flow: ReactFlowInstance): readonly CardNode[] {
  return current?.nodes() ?? (flow.getNodes() as CardNode[]);
}
