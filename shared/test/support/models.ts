import {
  compareNodes,
  type LogicEdge,
  type LogicModel,
  type LogicNode,
  type NodeKind,
} from "../../src/index.ts";

/** Small builders so each rule test states only what matters to it. */
export function node(id: string, kind: NodeKind, extra: Partial<LogicNode> = {}): LogicNode {
  return { id, kind, title: extra.title ?? `Card ${id}`, ...extra };
}

export function edge(source: string, target: string, id = `${source}-${target}`): LogicEdge {
  return { id, source, target };
}

export function model(
  nodes: LogicNode[],
  edges: LogicEdge[],
  masteryGoal = "Self-assessors",
): LogicModel {
  return { title: "Test model", masteryGoal, nodes, edges };
}

/** A clean chain input → activity → small win → mid-journey → long-term with SMART goals. */
export function chain(): LogicModel {
  const smart = (b: number, t: number) => ({
    indicator: "students proficient on the state test",
    unit: "percent",
    baseline: { value: b, date: "2026-09-01" },
    target: { value: t, date: "2027-06-01" },
  });
  return model(
    [
      node("I", "input", { title: "Coaches" }),
      node("A", "activity", { title: "Principals hire coaches" }),
      node("S", "smallWin", { title: "Coaches in classrooms", smart: smart(10, 50) }),
      node("M", "midJourney", {
        title: "Teachers share learning intentions",
        smart: smart(20, 80),
        measurements: [{ date: "2026-11-01", value: 40 }],
      }),
      node("L", "longTerm", { title: "60% proficient", smart: smart(40, 60) }),
    ],
    [edge("I", "A"), edge("A", "S"), edge("S", "M"), edge("M", "L")],
  );
}

/** A model in the order `readModel` returns it, to compare a model with a document's reading. */
export function canonical(m: LogicModel): LogicModel {
  return {
    ...m,
    nodes: [...m.nodes].sort(compareNodes),
    edges: [...m.edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}
