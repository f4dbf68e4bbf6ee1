import {
  GOAL_KINDS,
  LANE_PADDING,
  LANE_ROW_SPACING,
  type LogicModel,
  type LogicNode,
  laneX,
  NODE_KINDS,
  toModelFile,
} from "@logic-canvas/shared";

/** A card's place, as the page needs it to tell which cards the viewport should show. */
export type CardPlace = [id: string, x: number, y: number];

/**
 * A model of `cards` cards in the five lanes (cards / 5 rows, at the lanes' own spacing, as the
 * template and imports place them) with 1.6 links per card: each card links to the card in the
 * same row and the next row (wrapping) of the next lane. Goals carry SMART targets and
 * measurements, so full cards show their sparkline.
 */
export function canvasModel(cards: number) {
  const perLane = Math.ceil(cards / NODE_KINDS.length);
  const nodes: LogicNode[] = [];
  NODE_KINDS.forEach((kind, column) => {
    for (let row = 0; row < perLane && nodes.length < cards; row++) {
      const node: LogicNode = {
        id: `n${column}-${row}`,
        kind,
        title: `${kind} ${row + 1}: weekly coaching cycle with the grade-level team, long enough to wrap`,
        position: { x: laneX(kind), y: LANE_PADDING + row * LANE_ROW_SPACING },
      };
      if (kind === "activity") node.stage = "seed";
      if ((GOAL_KINDS as readonly string[]).includes(kind)) {
        node.smart = {
          indicator: "Students reading at grade level",
          unit: "percent",
          baseline: { value: 42, date: "2026-09-01" },
          target: { value: 60, date: "2027-06-01" },
          cohortSize: 120,
        };
        node.measurements = [
          { date: "2026-10-01", value: 45 },
          { date: "2026-11-01", value: 48 },
        ];
      }
      nodes.push(node);
    }
  });
  const ids = new Set(nodes.map((n) => n.id));
  const edges: LogicModel["edges"] = [];
  for (let column = 0; column + 1 < NODE_KINDS.length; column++) {
    for (let row = 0; row < perLane; row++) {
      const source = `n${column}-${row}`;
      for (const [prefix, to] of [
        ["e", row],
        ["f", (row + 1) % perLane],
      ] as const) {
        const target = `n${column + 1}-${to}`;
        if (ids.has(source) && ids.has(target))
          edges.push({ id: `${prefix}${column}-${row}`, source, target });
      }
    }
  }
  const model: LogicModel = {
    title: `Benchmark: ${cards} cards`,
    masteryGoal: "Every student reads at grade level by the end of grade 3.",
    nodes,
    edges,
  };
  const places: CardPlace[] = nodes.map((n) => [n.id, n.position?.x ?? 0, n.position?.y ?? 0]);
  return { file: toModelFile(model), places, rows: perLane };
}
