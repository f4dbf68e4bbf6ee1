import "./review.css";
import { FIST_TO_FIVE_LABELS, MASTERY_TARGET } from "@logic-canvas/shared";
import { requestComments } from "./comments-request.ts";
import { useNodeCommentCounts, useReviewSnapshot, useVoteDistribution } from "./review-hooks.ts";

/** The review's marks on a card: open/unread comment counts, and the goal's vote distribution. */
export function CardReviewBadges({ nodeId, goal }: { nodeId: string; goal: boolean }) {
  const { open, unread } = useNodeCommentCounts(nodeId);
  const distribution = useVoteDistribution(goal ? nodeId : "");
  return (
    <>
      {(open > 0 || unread > 0) && (
        <button
          type="button"
          className={`badge comments nodrag${unread > 0 ? " has-unread" : ""}`}
          onClick={(e) => {
            e.stopPropagation();
            requestComments(nodeId);
          }}
          data-testid="comment-badge"
          data-open={open}
          data-unread={unread}
          title={`${open} open conversation${open === 1 ? "" : "s"}, ${unread} unread message${unread === 1 ? "" : "s"}`}
        >
          <svg className="comment-icon" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M2 3h12v8H6l-3 3v-3H2z" fill="none" stroke="currentColor" strokeWidth="1.5" />
          </svg>
          {open}
          {unread > 0 && <span className="unread-dot">{unread} new</span>}
        </button>
      )}
      {distribution && <VoteBar distribution={distribution} />}
    </>
  );
}

/** A compact fist-to-five distribution: one bar per level, 0 (block) to 5 (full support). */
export function VoteBar({ distribution }: { distribution: number[] }) {
  const max = Math.max(1, ...distribution);
  const title = distribution
    .map((count, level) => `${level} (${FIST_TO_FIVE_LABELS[level]}): ${count}`)
    .join("\n");
  return (
    <span className="badge vote-bar" title={title} data-testid="vote-distribution">
      {distribution.map((count, level) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: the index is the fist-to-five level
          key={level}
          className={`vote-bar-level level-${level}`}
          style={{ height: `${Math.round((count / max) * 100)}%` }}
          data-count={count}
        />
      ))}
    </span>
  );
}

/** The unread count on the Comments tab. */
export function CommentsTabCount() {
  const snapshot = useReviewSnapshot();
  const unread = snapshot.threads.reduce((sum, t) => sum + t.unread, 0);
  if (unread === 0) return null;
  return (
    <span className="count count-unread" data-testid="comments-unread">
      {unread}
    </span>
  );
}

/** The mastery goal's fist-to-five distribution, shown on its banner (votes: Consensus tab). */
export function MasteryVotes() {
  const distribution = useVoteDistribution(MASTERY_TARGET);
  if (!distribution) return null;
  const total = distribution.reduce((sum, n) => sum + n, 0);
  return (
    <span className="mastery-votes muted small" title="Vote in the Consensus tab">
      <VoteBar distribution={distribution} /> {total} vote{total === 1 ? "" : "s"}
    </span>
  );
}
