import { COMMENT_MAX, FIST_TO_FIVE_LABELS, type Vote } from "@logic-canvas/shared";
import { useState } from "react";
import { VoteBar } from "./CardReviewBadges.tsx";
import { canComment } from "./participants.ts";
import { useReviewContext } from "./review-context.ts";
import { useReviewSnapshot } from "./review-hooks.ts";

/** Fist-to-five on one goal (or the mastery goal): the distribution, and this person's vote. */
export function VoteWidget({ target, title }: { target: string; title: string }) {
  const ctx = useReviewContext();
  const snapshot = useReviewSnapshot();
  const mine = snapshot.votes.find((v) => v.target === target && v.author.id === snapshot.me?.id);
  // Held here rather than in the ballot so it starts from the vote seen when the widget opened.
  const [note, setNote] = useState(mine?.note ?? "");
  const [error, setError] = useState<string | null>(null);
  const writable = ctx ? canComment(ctx.role, snapshot) : false;
  return (
    <section className="vote-widget" data-testid="vote-widget" aria-label={`Consensus on ${title}`}>
      <h4>Consensus (fist to five)</h4>
      <VoteSummary votes={snapshot.votes.filter((v) => v.target === target)} />
      {writable && (
        <MyVote target={target} mine={mine} note={note} onNote={setNote} onError={setError} />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** How the votes on one target spread from 0 to 5, and who voted what. */
function VoteSummary({ votes }: { votes: Vote[] }) {
  if (votes.length === 0) return <p className="muted small">Nobody has voted on this goal yet.</p>;
  const distribution = [0, 0, 0, 0, 0, 0];
  for (const v of votes) distribution[v.level] = (distribution[v.level] ?? 0) + 1;
  return (
    <div className="vote-summary">
      <VoteBar distribution={distribution} />
      <span className="small">
        {votes.length} vote{votes.length === 1 ? "" : "s"}:{" "}
        {votes.map((v) => `${v.author.name} ${v.level}`).join(", ")}
      </span>
    </div>
  );
}

/** This person's ballot: pick a level, add a note, withdraw. */
function MyVote(props: {
  target: string;
  mine: Vote | undefined;
  note: string;
  onNote: (note: string) => void;
  onError: (message: string | null) => void;
}) {
  const { target, mine, note, onError } = props;
  const ctx = useReviewContext();
  const vote = (level: number) => {
    try {
      ctx?.binding.vote(target, level, note);
      onError(null);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <fieldset className="fist-to-five">
        <legend className="visually-hidden">Your level of agreement</legend>
        {FIST_TO_FIVE_LABELS.map((label, level) => (
          <button
            key={label}
            type="button"
            aria-pressed={mine?.level === level}
            title={label}
            className={`level level-${level}`}
            onClick={() => vote(level)}
          >
            {level}
          </button>
        ))}
      </fieldset>
      <p className="muted small">
        {mine
          ? `Your vote: ${mine.level}, ${FIST_TO_FIVE_LABELS[mine.level]}`
          : "Pick 0 (block) to 5 (full support)."}
      </p>
      <input
        type="text"
        aria-label="Note with your vote"
        placeholder="Optional note (why?)"
        maxLength={COMMENT_MAX}
        value={note}
        onChange={(e) => props.onNote(e.target.value)}
        onBlur={() => mine && note !== (mine.note ?? "") && vote(mine.level)}
      />
      {mine && (
        <button
          type="button"
          className="link-button"
          onClick={() => ctx?.binding.withdrawVote(target)}
        >
          Withdraw my vote
        </button>
      )}
    </>
  );
}
