import { canConnect, type LogicModel } from "@logic-canvas/shared";
import { useMemo } from "react";
import { readingOrder } from "./card-navigation.ts";

/**
 * The cards a link from `fromId` may go to (later lanes, not linked yet), in the order a person
 * reads the canvas, so the picker's list matches what they see left to right, top to bottom.
 */
export function useLinkTargets(model: LogicModel, fromId: string) {
  return useMemo(() => {
    const targets = model.nodes.filter((n) => canConnect(model, fromId, n.id).ok);
    const placed = targets.map((node) => ({
      id: node.id,
      position: node.position ?? { x: 0, y: 0 },
      data: { node },
    }));
    return readingOrder(placed).map((p) => p.data.node);
  }, [model, fromId]);
}
