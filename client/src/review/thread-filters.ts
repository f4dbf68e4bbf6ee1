import type { Anchor, ThreadType } from "@logic-canvas/shared";
import type { ThreadView } from "../collab/review-binding.ts";

export type StatusFilter = "open" | "resolved" | "all";

/**
 * What the comments panel shows. `node` is a card id, or `all`, `model` (threads on the whole
 * model) or `detached` (threads whose card or link was deleted).
 */
export interface ThreadFilter {
  status: StatusFilter;
  type: ThreadType | "all";
  node: string;
  mine: boolean;
}

/** Threads that mention me first, then unread ones, then the most recently active. */
function orderThreads(threads: ThreadView[]): ThreadView[] {
  return [...threads].sort(
    (a, b) =>
      Number(b.mentionsMe) - Number(a.mentionsMe) ||
      Number(b.unread > 0) - Number(a.unread > 0) ||
      b.lastActivity.localeCompare(a.lastActivity),
  );
}

/** The threads that pass `filter`, in the order the panel shows them. */
export function shownThreads(
  threads: ThreadView[],
  filter: ThreadFilter,
  isDetached: (anchor: Anchor) => boolean,
): ThreadView[] {
  const { status, type, mine, node } = filter;
  return orderThreads(
    threads.filter((t) => {
      if (status !== "all" && t.status !== status) return false;
      if (type !== "all" && t.type !== type) return false;
      if (mine && !t.mentionsMe) return false;
      if (node === "model") return t.anchor.kind === "model";
      if (node === "detached") return isDetached(t.anchor);
      if (node !== "all") return t.anchor.kind === "node" && t.anchor.id === node;
      return true;
    }),
  );
}
