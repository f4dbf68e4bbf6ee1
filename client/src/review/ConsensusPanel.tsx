import {
  type Consensus,
  consensusSummary,
  FIST_TO_FIVE_LABELS,
  isGoalKind,
  MASTERY_TARGET,
  WIDE_AGREEMENT_SHARE,
} from "@logic-canvas/shared";
import { useState } from "react";
import type { PanelProps } from "../editor/panels/panel-props.ts";
import { VoteBar } from "./CardReviewBadges.tsx";
import { NameToWrite } from "./NameToWrite.tsx";
import { canComment, participantNames } from "./participants.ts";
import { useReviewContext } from "./review-context.ts";
import { useReviewSnapshot } from "./review-hooks.ts";

const STATE_LABEL: Record<Consensus["state"], string> = {
  "wide-agreement": "Wide agreement",
  objections: "Open objections",
  mixed: "Not yet wide agreement",
  "no-votes": "No votes yet",
};

/** Fist-to-five on one goal (or the mastery goal): the distribution, and this person's vote. */
export function VoteWidget({ target, title }: { target: string; title: string }) {
  const ctx = useReviewContext();
  const snapshot = useReviewSnapshot();
  const mine = snapshot.votes.find((v) => v.target === target && v.author.id === snapshot.me?.id);
  const [note, setNote] = useState(mine?.note ?? "");
  const [error, setError] = useState<string | null>(null);
  const writable = ctx ? canComment(ctx.role, snapshot) : false;
  const votes = snapshot.votes.filter((v) => v.target === target);
  const distribution = [0, 0, 0, 0, 0, 0];
  for (const v of votes) distribution[v.level] = (distribution[v.level] ?? 0) + 1;
  const vote = (level: number) => {
    try {
      ctx?.binding.vote(target, level, note);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="vote-widget" data-testid="vote-widget" aria-label={`Consensus on ${title}`}>
      <h4>Consensus (fist to five)</h4>
      {votes.length > 0 ? (
        <div className="vote-summary">
          <VoteBar distribution={distribution} />
          <span className="small">
            {votes.length} vote{votes.length === 1 ? "" : "s"}:{" "}
            {votes.map((v) => `${v.author.name} ${v.level}`).join(", ")}
          </span>
        </div>
      ) : (
        <p className="muted small">Nobody has voted on this goal yet.</p>
      )}
      {!writable && <NameToWrite what="vote" />}
      {writable && (
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
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
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
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** The model's consensus summary: which goals have wide agreement, open objections, who is missing. */
export function ConsensusPanel({ model, onFocus }: PanelProps) {
  const ctx = useReviewContext();
  const snapshot = useReviewSnapshot();
  const goals = model.nodes.filter((n) => isGoalKind(n.kind));
  const targets = [MASTERY_TARGET, ...goals.map((g) => g.id)];
  const names = participantNames(snapshot, ctx?.presentNames ?? []);
  const summary = consensusSummary(targets, snapshot.votes, names);
  const titleOf = (target: string) =>
    target === MASTERY_TARGET
      ? `Mastery goal: ${model.masteryGoal || "(not written yet)"}`
      : (goals.find((g) => g.id === target)?.title ?? target);
  const agreed = summary.filter((s) => s.state === "wide-agreement").length;
  const objections = summary.filter((s) => s.state === "objections").length;
  return (
    <div className="consensus-panel" data-testid="consensus-panel">
      <p className="small">
        {agreed} of {summary.length} goals have wide agreement (at least{" "}
        {Math.round(WIDE_AGREEMENT_SHARE * 100)}% at 3 or more, nobody at 0); {objections} have open
        objections.
      </p>
      <VoteWidget target={MASTERY_TARGET} title="the mastery goal" />
      <ul className="consensus-list">
        {summary.map((s) => (
          <li key={s.target} className={`consensus state-${s.state}`} data-testid="consensus-row">
            <button
              type="button"
              className="link-button"
              onClick={() => s.target !== MASTERY_TARGET && onFocus([s.target])}
            >
              {titleOf(s.target)}
            </button>
            <div className="consensus-line">
              <span className={`consensus-state state-${s.state}`}>{STATE_LABEL[s.state]}</span>
              {s.votes > 0 && <VoteBar distribution={s.distribution} />}
              {s.votes > 0 && (
                <span className="muted small">{Math.round(s.supportShare * 100)}% at 3+</span>
              )}
            </div>
            {s.objectors.length > 0 && (
              <p className="small">Objections to talk through: {s.objectors.join(", ")}</p>
            )}
            {s.notYet.length > 0 && (
              <p className="muted small">Not weighed in: {s.notYet.join(", ")}</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
