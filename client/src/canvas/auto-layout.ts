import { type CardSize, estimateCardSize, type LogicModel, tidyLanes } from "@logic-canvas/shared";

/**
 * Tidy lanes on the canvas: shared's one layout rule (the same an import without positions
 * gets), with the sizes the browser measured; a card not drawn yet (off screen) is estimated.
 */
export function layoutWithinLanes(
  model: LogicModel,
  measured: ReadonlyMap<string, CardSize>,
): Map<string, { x: number; y: number }> {
  return tidyLanes(model, (node) => measured.get(node.id) ?? estimateCardSize(node));
}
