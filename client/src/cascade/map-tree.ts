import type { GoalStatusName } from "@logic-canvas/shared";
import type { CascadeGoal } from "./cascade-types.ts";

/**
 * The alignment map as a tree: each goal under the goals it aligns to (a goal aligned to two
 * parents shows under both), goals that align to nothing visible at the top, district first.
 * Pure, so the filters are tested without a browser.
 */

export interface MapNode {
  goal: CascadeGoal;
  key: string;
  children: MapNode[];
  /** Whether this goal itself passes the filters (an ancestor kept for context does not). */
  matches: boolean;
}

export interface MapFilter {
  status: GoalStatusName | "";
  /** A workspace id: only this school (or team) and what is below it, with the goals above. */
  place: string;
  attention: boolean;
}

export const NO_MAP_FILTER: MapFilter = { status: "", place: "", attention: false };

export const goalKey = (g: { modelId: string; nodeId: string }) => `${g.modelId}:${g.nodeId}`;

const LEVEL = { district: 0, school: 1, team: 2 } as const;

/** Warning codes that make a goal need attention (the trap, units that cannot be compared). */
const ATTENTION_WARNINGS = /trap|below-baseline|declin|incomparable|unit/i;

/** Why a goal needs a leader's attention, in words; empty when it does not. */
export function attentionReasons(goal: CascadeGoal): string[] {
  const reasons: string[] = [];
  if (goal.status === "off-track") reasons.push("off track");
  if (goal.status === "at-risk") reasons.push("at risk");
  if (goal.stale) reasons.push("stale mid-journey goal");
  if (goal.alignsTo.some((a) => a.broken)) reasons.push("broken alignment");
  for (const w of goal.warnings) if (ATTENTION_WARNINGS.test(w.code)) reasons.push(w.message);
  return reasons;
}

function byPlace(a: CascadeGoal, b: CascadeGoal): number {
  return (
    LEVEL[a.workspaceKind] - LEVEL[b.workspaceKind] ||
    a.workspaceName.localeCompare(b.workspaceName) ||
    a.modelTitle.localeCompare(b.modelTitle) ||
    a.title.localeCompare(b.title)
  );
}

/** The tree of every goal, before filtering. */
export function buildTree(goals: readonly CascadeGoal[]): MapNode[] {
  const byKey = new Map(goals.map((g) => [goalKey(g), g]));
  const childrenOf = new Map<string, CascadeGoal[]>();
  const roots: CascadeGoal[] = [];
  for (const goal of goals) {
    const parents = goal.alignsTo.filter((a) => !a.broken && byKey.has(goalKey(a)));
    if (parents.length === 0) roots.push(goal);
    for (const p of parents) {
      const key = goalKey(p);
      childrenOf.set(key, [...(childrenOf.get(key) ?? []), goal]);
    }
  }
  const make = (goal: CascadeGoal, seen: ReadonlySet<string>): MapNode => {
    const key = goalKey(goal);
    const inner = new Set(seen).add(key);
    const children = (childrenOf.get(key) ?? [])
      .filter((c) => !inner.has(goalKey(c)))
      .sort(byPlace)
      .map((c) => make(c, inner));
    return { goal, key, children, matches: true };
  };
  return roots.sort(byPlace).map((g) => make(g, new Set()));
}

function goalMatches(goal: CascadeGoal, filter: MapFilter, places: ReadonlySet<string>): boolean {
  if (filter.status && goal.status !== filter.status) return false;
  if (filter.attention && attentionReasons(goal).length === 0) return false;
  if (filter.place && !places.has(goal.workspaceId)) return false;
  return true;
}

/**
 * The tree with the filters applied: a goal stays when it matches or something below it does
 * (then it is kept as context, `matches: false`).
 */
export function filterTree(
  tree: readonly MapNode[],
  filter: MapFilter,
  /** The ids of the filter's place and every workspace below it. */
  places: ReadonlySet<string>,
): MapNode[] {
  const visit = (node: MapNode): MapNode | null => {
    const children = node.children.map(visit).filter((n): n is MapNode => n !== null);
    const matches = goalMatches(node.goal, filter, places);
    if (!matches && children.length === 0) return null;
    return { ...node, children, matches };
  };
  return tree.map(visit).filter((n): n is MapNode => n !== null);
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

/** How many goals of each status a subtree holds (itself excluded). */
export function statusCounts(node: MapNode): Partial<Record<GoalStatusName, number>> {
  const counts: Partial<Record<GoalStatusName, number>> = {};
  const walk = (n: MapNode) => {
    for (const c of n.children) {
      counts[c.goal.status] = (counts[c.goal.status] ?? 0) + 1;
      walk(c);
    }
  };
  walk(node);
  return counts;
}
