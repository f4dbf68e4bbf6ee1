import { canWriteReview } from "@logic-canvas/shared";
import type { ReviewSnapshot } from "../collab/review-binding.ts";

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
