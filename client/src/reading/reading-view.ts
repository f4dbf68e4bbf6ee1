import {
  type CardFilter,
  type CardMatch,
  type Chain,
  type LogicNode,
  NODE_KINDS,
  type NodeKind,
} from "@logic-canvas/shared";

/** What the find bar, the chain bar and the filter line show; a new object on every change. */
export interface ReadingView {
  findOpen: boolean;
  /** Grows each time find is asked for, so the bar focuses its field again. */
  findRequest: number;
  query: string;
  matchCount: number;
  /** Index of the current match, -1 when there is none. */
  current: number;
  currentMatch: CardMatch | undefined;
  filter: CardFilter;
  /** "" when nothing is filtered. */
  filterWords: string;
  /** The traced card and what surrounds it, or undefined. */
  chain: ChainSummary | undefined;
  /** How many cards the filter and "show only this chain" hide. */
  hiddenCount: number;
  /** How many of them the filter alone hides. */
  filterHidden: number;
}

export interface ChainSummary {
  id: string;
  title: string;
  upstream: Record<NodeKind, number>;
  downstreamCount: number;
  /** Whether only this chain is drawn. */
  only: boolean;
}

function countByKind(ids: Iterable<string>, nodes: ReadonlyMap<string, LogicNode>) {
  const counts = Object.fromEntries(NODE_KINDS.map((k) => [k, 0])) as Record<NodeKind, number>;
  for (const id of ids) {
    const kind = nodes.get(id)?.kind;
    if (kind) counts[kind] += 1;
  }
  return counts;
}

/** The traced card, what leads to it lane by lane, and how much it leads to. */
export function chainSummary(
  chain: Chain,
  byId: ReadonlyMap<string, LogicNode>,
  pinned: string | null,
): ChainSummary | undefined {
  const from = [...chain.from][0];
  const node = from ? byId.get(from) : undefined;
  if (!node) return undefined;
  return {
    id: node.id,
    title: node.title,
    upstream: countByKind(chain.upstream, byId),
    downstreamCount: chain.downstream.size,
    only: pinned === node.id,
  };
}

/** For each lane that shows fewer cards than it holds: "All hidden" or "2 of 5 shown". */
export function laneNotes(
  byId: ReadonlyMap<string, LogicNode>,
  shown: ReadonlySet<string> | null,
): Partial<Record<NodeKind, string>> {
  if (!shown) return {};
  const total = countByKind(byId.keys(), byId);
  const counts = countByKind(shown, byId);
  const notes: Partial<Record<NodeKind, string>> = {};
  for (const kind of NODE_KINDS) {
    if (counts[kind] === total[kind]) continue;
    notes[kind] = counts[kind] === 0 ? "All hidden" : `${counts[kind]} of ${total[kind]} shown`;
  }
  return notes;
}
