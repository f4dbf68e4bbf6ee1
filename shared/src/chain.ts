/**
 * Tracing a chain: what leads to a card (upstream, transitively) and what it leads to
 * (downstream), as Kumu's focus mode shows for its maps. The graph rules forbid cycles, but a
 * document being edited by several people may hold one for a moment, so the walk never revisits.
 */

export interface ChainLink {
  id: string;
  source: string;
  target: string;
}

export interface Chain {
  /** The cards the trace starts from. */
  from: ReadonlySet<string>;
  /** Every card with a path of links to one of `from` (not the `from` cards themselves). */
  upstream: ReadonlySet<string>;
  /** Every card reached by a path of links from one of `from` (not the `from` cards themselves). */
  downstream: ReadonlySet<string>;
  /** The links on those paths: into or among upstream cards, out of or among downstream ones. */
  links: ReadonlySet<string>;
}

function walk(start: Iterable<string>, next: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  for (let i = 0; i < queue.length; i++) {
    for (const neighbour of next.get(queue[i] as string) ?? []) {
      if (seen.has(neighbour)) continue;
      seen.add(neighbour);
      queue.push(neighbour);
    }
  }
  return seen;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The chain through `from` over `links`; ids not in any link simply have empty sets. */
export function traceChain(links: readonly ChainLink[], from: Iterable<string>): Chain {
  const start = new Set(from);
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  for (const link of links) {
    push(forward, link.source, link.target);
    push(backward, link.target, link.source);
  }
  const upstream = walk(start, backward);
  const downstream = walk(start, forward);
  for (const id of start) {
    upstream.delete(id);
    downstream.delete(id);
  }
  const before = (id: string) => start.has(id) || upstream.has(id);
  const after = (id: string) => start.has(id) || downstream.has(id);
  const onChain = new Set<string>();
  for (const link of links)
    if ((before(link.source) && before(link.target)) || (after(link.source) && after(link.target)))
      onChain.add(link.id);
  return { from: start, upstream, downstream, links: onChain };
}

/** Whether a card is on the chain: a start, upstream or downstream. */
export function onChain(chain: Chain, id: string): boolean {
  return chain.from.has(id) || chain.upstream.has(id) || chain.downstream.has(id);
}
