import { canWriteReview } from "@logic-canvas/shared";
import { useReviewContext } from "./review-context.ts";

/**
 * In place of the comment box or the vote buttons for a commenter who has not named themselves
 * yet: comments and votes are signed, so the name is asked here, when it is first needed.
 */
export function NameToWrite({ what }: { what: "comment" | "vote" }) {
  const ctx = useReviewContext();
  if (!ctx?.askName || ctx.displayName || !canWriteReview(ctx.role)) return null;
  return (
    <p className="name-to-write small">
      <button type="button" onClick={ctx.askName}>
        {what === "comment" ? "Write a comment" : "Vote"}
      </button>{" "}
      <span className="muted">Comments and votes are signed: you will be asked your name.</span>
    </p>
  );
}
