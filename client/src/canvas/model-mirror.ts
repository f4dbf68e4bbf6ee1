import {
  isUnreadable,
  type LogicEdge,
  type LogicModel,
  type LogicNode,
  type NodeKind,
  type Purpose,
  UNTITLED,
  type UnreadableEntry,
} from "@logic-canvas/shared";

/** Cards and the links among them, plain and self-contained, as copied to the clipboard. */
export type Clip = { nodes: LogicNode[]; edges: LogicEdge[] };

/**
 * The document's content as plain values, kept by id so that a transaction re-reads only the
 * entries it touched. Entries that do not read as a valid node or link are left out.
 */
export class ModelMirror {
  private readonly nodes = new Map<string, LogicNode>();
  private readonly edges = new Map<string, LogicEdge>();
  private meta: Pick<LogicModel, "title" | "masteryGoal"> & Purpose = {
    title: "",
    masteryGoal: "",
  };
  /** The team's check-in dates, sorted. */
  checkIns: string[] = [];

  /** `undefined` when the entry is gone from the document. */
  setNode(id: string, entry: LogicNode | UnreadableEntry | undefined): void {
    if (entry && !isUnreadable(entry)) this.nodes.set(id, entry);
    else this.nodes.delete(id);
  }

  setEdge(id: string, entry: LogicEdge | UnreadableEntry | undefined): void {
    if (entry && !isUnreadable(entry)) this.edges.set(id, entry);
    else this.edges.delete(id);
  }

  /** `purpose`: the mission, vision and values, already read (issue 17). */
  setMeta(title: unknown, masteryGoal: unknown, purpose: Purpose = {}): void {
    this.meta = {
      title: typeof title === "string" && title.trim() !== "" ? title : UNTITLED,
      masteryGoal: typeof masteryGoal === "string" ? masteryGoal : "",
      ...purpose,
    };
  }

  node(id: string): LogicNode | undefined {
    return this.nodes.get(id);
  }

  model(): LogicModel {
    return { ...this.meta, nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }

  drawnEdges(): LogicEdge[] {
    // A link whose card a collaborator deleted concurrently is kept in the doc but not drawn.
    return [...this.edges.values()].filter(
      (edge) => this.nodes.has(edge.source) && this.nodes.has(edge.target),
    );
  }

  nextFreeY(kind: NodeKind): number {
    let bottom = 0;
    for (const node of this.nodes.values())
      if (node.kind === kind) bottom = Math.max(bottom, (node.position?.y ?? 0) + 140);
    return bottom || 40;
  }

  copy(nodeIds: Iterable<string>): Clip {
    const nodes = [...nodeIds].flatMap((id) => this.nodes.get(id) ?? []);
    const ids = new Set(nodes.map((n) => n.id));
    const edges = [...this.edges.values()].filter((e) => ids.has(e.source) && ids.has(e.target));
    return { nodes, edges };
  }
}
