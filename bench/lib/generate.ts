import {
  GOAL_KINDS,
  type LogicModel,
  type LogicNode,
  NODE_KINDS,
  toModelFile,
} from "@logic-canvas/shared";

/**
 * A large, valid model: `count` cards spread over the five columns, realistic text, SMART targets
 * and a few measurements on goals, and one forward link from most cards to the next column.
 */
export function generateModel(count: number) {
  const nodes: LogicNode[] = [];
  const byColumn: string[][] = NODE_KINDS.map(() => []);
  for (let i = 0; i < count; i++) {
    const column = i % NODE_KINDS.length;
    const kind = NODE_KINDS[column] as LogicNode["kind"];
    const id = `n${i.toString(36).padStart(5, "0")}`;
    const row = Math.floor(i / NODE_KINDS.length);
    const node: LogicNode = {
      id,
      kind,
      title: `${kind} ${row + 1}: weekly coaching cycle with grade-level team`,
      notes: "Observed in classrooms; shared with the team at the monthly data meeting.",
      position: { x: column * 320, y: row * 140 },
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
        { date: "2026-11-01", value: 48, note: "after first cycle" },
      ];
    }
    nodes.push(node);
    (byColumn[column] as string[]).push(id);
  }
  const edges: LogicModel["edges"] = [];
  for (let column = 0; column + 1 < NODE_KINDS.length; column++) {
    const from = byColumn[column] as string[];
    const to = byColumn[column + 1] as string[];
    for (let k = 0; k < from.length && k < to.length; k++) {
      edges.push({ id: `e${column}-${k}`, source: from[k] as string, target: to[k] as string });
    }
  }
  const model: LogicModel = {
    title: `Generated model with ${count} cards`,
    masteryGoal: "Every student reads at grade level by the end of grade 3.",
    nodes,
    edges,
  };
  return toModelFile(model);
}
