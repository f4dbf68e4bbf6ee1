import { canWriteReview } from "@logic-canvas/shared";
import { createContext, useContext, useSyncExternalStore } from "react";
import type { ReviewBinding, ReviewSnapshot } from "../collab/review-binding.ts";
import type { GoalRevision } from "../collab/review-revisions.ts";

/** What review components need from the editor: the review data, who is here, and actions. */
export interface ReviewContextValue {
  binding: ReviewBinding;
  role: string;
  modelId: string;
  /** The link token, for the history API. */
  token: string;
  displayName: string;
  /** Display names of the people present now (for @mention suggestions and "not weighed in"). */
  presentNames: string[];
  focus: (nodeIds: string[], edgeIds?: string[]) => void;
  onRevision?: (listener: (revision: GoalRevision) => void) => () => void;
  /** Someone saved or restored a version: the History panel lists it without a refresh. */
  onVersionsChanged?: (listener: () => void) => () => void;
  /** Resolves with null once saved, or with the problem in words. */
  sendRevisionReason?: (nodeId: string, reason: string) => Promise<string | null>;
}

export const ReviewContext = createContext<ReviewContextValue | null>(null);

export function useReviewContext(): ReviewContextValue | null {
  return useContext(ReviewContext);
}

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

/** Whether this person may write comments and votes: commenter or above, and known by name. */
export function canComment(role: string, snapshot: ReviewSnapshot): boolean {
  return canWriteReview(role) && snapshot.me !== null;
}

/** Everyone who has taken part or is here now, for mentions and the consensus summary. */
export function participantNames(snapshot: ReviewSnapshot, presentNames: string[]): string[] {
  const names = new Set([...snapshot.participants, ...presentNames]);
  if (snapshot.me) names.add(snapshot.me.name);
  return [...names].filter((n) => n.trim() !== "").sort((a, b) => a.localeCompare(b));
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

export const THREAD_TYPE_LABEL: Record<string, string> = {
  question: "Question",
  concern: "Concern",
  idea: "Idea",
  celebration: "Celebration",
};

export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) return iso;
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}
