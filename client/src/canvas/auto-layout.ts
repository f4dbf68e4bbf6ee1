import { columnOf, LANE_PADDING, type LogicModel, laneX } from "@logic-canvas/shared";

/**
 * Tidies cards within their lanes: ELK's layered algorithm, with each lane as a fixed partition,
 * orders cards to reduce crossings and spaces them; only the vertical position is taken, so
 * every card stays in its lane.
 */
export async function layoutWithinLanes(
  model: LogicModel,
  sizes: Map<string, { width: number; height: number }>,
): Promise<Map<string, { x: number; y: number }>> {
  const graph = {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.partitioning.activate": "true",
      "elk.spacing.nodeNode": "28",
      "elk.layered.spacing.nodeNodeBetweenLayers": "80",
      "elk.layered.crossingMinimization.semiInteractive": "true",
    },
    children: model.nodes.map((node) => ({
      id: node.id,
      width: sizes.get(node.id)?.width ?? 240,
      height: sizes.get(node.id)?.height ?? 90,
      layoutOptions: {
        "elk.partitioning.partition": String(columnOf(node.kind)),
        "elk.position": `(0, ${node.position?.y ?? 0})`,
      },
    })),
    edges: model.edges.map((edge) => ({
      id: edge.id,
      sources: [edge.source],
      targets: [edge.target],
    })),
  };
  // Loaded on first use: ELK is large and most sessions never tidy.
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const result = await new ELK().layout(graph);
  const kinds = new Map(model.nodes.map((n) => [n.id, n.kind]));
  const positions = new Map<string, { x: number; y: number }>();
  for (const child of result.children ?? []) {
    const kind = kinds.get(child.id);
    if (kind)
      positions.set(child.id, { x: laneX(kind), y: Math.round((child.y ?? 0) + LANE_PADDING) });
  }
  return positions;
}
