import type { GoalStatusName } from "@logic-canvas/shared";
import {
  type AlignmentMapAnswer,
  BROKEN_REASON_TEXT,
  type MapNodeView,
  type MapQuery,
} from "./cascade-types.ts";

/**
 * The alignment map's tree as the page draws it: the server's tree (each goal under the goals
 * it aligns to), filtered on the server, which marks the goals kept only as the context of a
 * match (`matches: false`) and folds what hangs below the second level into counts. Pure, so
 * the tree is tested without a browser.
 */

export interface MapNode {
  goal: MapNodeView;
  key: string;
  children: MapNode[];
  /** Whether this goal itself passes the filters (an ancestor kept for context does not). */
  matches: boolean;
  /** The goals below it, counted, when the answer left them out (the page asks when opened). */
  folded: MapNodeView["folded"];
}

export interface MapFilter {
  status: GoalStatusName | "";
  /** A school's workspace id: its goals and its teams', with the goals above as context. */
  school: string;
  attention: boolean;
}

export const NO_MAP_FILTER: MapFilter = { status: "", school: "", attention: false };

export const goalKey = (g: { modelId: string; cardId: string }) => `${g.modelId}:${g.cardId}`;

/** Why a goal needs a leader's attention, in words; empty when it does not. */
export function attentionReasons(goal: MapNodeView): string[] {
  const reasons: string[] = [];
  if (goal.status === "off-track") reasons.push("Off track");
  if (goal.status === "at-risk") reasons.push("At risk");
  if (goal.stale) reasons.push("Stale: no measurement for more than 60 days");
  for (const b of goal.broken) reasons.push(`Broken alignment: ${BROKEN_REASON_TEXT[b.reason]}`);
  for (const w of goal.warnings) if (w.code !== "cascade-alignment-broken") reasons.push(w.message);
  return reasons;
}

const convert = (view: MapNodeView): MapNode => ({
  goal: view,
  key: goalKey(view),
  children: view.children.map(convert),
  matches: view.matches ?? true,
  folded: view.folded,
});

/** The tree of the answer: the workspace's goals with theirs below, then what aligns to nothing. */
export function treeOf(answer: Pick<AlignmentMapAnswer, "roots" | "unaligned">): MapNode[] {
  return [...answer.roots, ...answer.unaligned].map(convert);
}

/** The query of the map for these filters (every level at once when a filter is on). */
export function mapQueryOf(filter: MapFilter, open: boolean): MapQuery {
  const filtered = Boolean(filter.status || filter.school || filter.attention);
  return {
    status: filter.status || undefined,
    school: filter.school || undefined,
    attention: filter.attention || undefined,
    open: open || filtered || undefined,
  };
}

/** Children grouped by their workspace (a district goal's schools, a school goal's teams). */
export function groupByWorkspace(
  nodes: readonly MapNode[],
): { workspaceId: string; workspaceName: string; nodes: MapNode[] }[] {
  const groups = new Map<
    string,
    { workspaceId: string; workspaceName: string; nodes: MapNode[] }
  >();
  for (const n of nodes) {
    const id = n.goal.workspaceId;
    const group = groups.get(id) ?? {
      workspaceId: id,
      workspaceName: n.goal.workspaceName,
      nodes: [],
    };
    group.nodes.push(n);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/** Every goal below a node, each once (a goal aligned to two of them is counted once). */
export function descendants(node: MapNode): MapNode[] {
  const seen = new Map<string, MapNode>();
  const walk = (n: MapNode) => {
    for (const c of n.children) {
      seen.set(c.key, c);
      walk(c);
    }
  };
  walk(node);
  return [...seen.values()];
}

/** How many goals of a tree pass the filters, the folded ones counted. */
export function countMatches(nodes: readonly MapNode[]): number {
  let n = 0;
  const walk = (list: readonly MapNode[]) => {
    for (const node of list) {
      if (node.matches) n += 1;
      n += node.folded?.total ?? 0;
      walk(node.children);
    }
  };
  walk(nodes);
  return n;
}
