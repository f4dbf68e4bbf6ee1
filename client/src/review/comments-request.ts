/**
 * "Show me the comments on this card": a card's comment badge asks, the side panel switches to
 * its Comments tab and the sidebar filters on that card. A tiny store, so neither the card nor
 * the panel needs the other's state.
 */
export interface CommentsRequest {
  nodeId: string;
  seq: number;
}

let current: CommentsRequest | null = null;
const listeners = new Set<() => void>();

export function requestComments(nodeId: string): void {
  current = { nodeId, seq: (current?.seq ?? 0) + 1 };
  for (const listener of listeners) listener();
}

export function onCommentsRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The pending request, left pending: what a render may read. React can render a component and
 * throw that render away (an interrupted or suspended mount) and render it again, so a render
 * that took the request could lose it; the mounted panel takes it (below).
 */
export function pendingCommentsRequest(): CommentsRequest | null {
  return current;
}

/** The pending request, once: a sidebar opened later by hand starts unfiltered. */
export function takeCommentsRequest(): CommentsRequest | null {
  const taken = current;
  current = null;
  return taken;
}
