import { useContext, useSyncExternalStore } from "react";
import type { ReviewSnapshot } from "../collab/review-binding.ts";
import { ReviewContext } from "./review-context.ts";

/** Subscriptions to the review data, each returning only what its caller renders. */

const EMPTY: ReviewSnapshot = {
  threads: [],
  votes: [],
  me: null,
  participants: [],
  problem: null,
};
const noop = () => () => {};

export function useReviewSnapshot(): ReviewSnapshot {
  const ctx = useContext(ReviewContext);
  return useSyncExternalStore(
    ctx?.binding.subscribe ?? noop,
    ctx?.binding.getSnapshot ?? (() => EMPTY),
  );
}

/**
 * Open and unread thread counts on one card, as a primitive so that a card re-renders only
 * when its own counts change.
 */
export function useNodeCommentCounts(nodeId: string): { open: number; unread: number } {
  const ctx = useContext(ReviewContext);
  const key = useSyncExternalStore(ctx?.binding.subscribe ?? noop, () => {
    if (!ctx) return "0,0";
    let open = 0;
    let unread = 0;
    for (const t of ctx.binding.getSnapshot().threads) {
      if (t.anchor.kind !== "node" || t.anchor.id !== nodeId) continue;
      if (t.status === "open") open += 1;
      unread += t.unread;
    }
    return `${open},${unread}`;
  });
  const [open, unread] = key.split(",").map(Number);
  return { open: open ?? 0, unread: unread ?? 0 };
}

/** The fist-to-five distribution on one card, as a primitive key ("" when nobody voted). */
export function useVoteDistribution(target: string): number[] | null {
  const ctx = useContext(ReviewContext);
  const key = useSyncExternalStore(ctx?.binding.subscribe ?? noop, () => {
    if (!ctx) return "";
    const counts = [0, 0, 0, 0, 0, 0];
    let any = false;
    for (const v of ctx.binding.getSnapshot().votes) {
      if (v.target !== target) continue;
      counts[v.level] = (counts[v.level] ?? 0) + 1;
      any = true;
    }
    return any ? counts.join(",") : "";
  });
  return key ? key.split(",").map(Number) : null;
}
