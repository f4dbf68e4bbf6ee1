import {
  type Consensus,
  consensusSummary,
  isGoalKind,
  MASTERY_TARGET,
  namesOfPeopleWhoTookPart,
  peopleWhoTookPart,
  quorumRuleText,
  WIDE_AGREEMENT_SHARE,
} from "@logic-canvas/shared";
import type { PanelProps } from "../editor/panels/panel-props.ts";
import { VoteBar } from "./CardReviewBadges.tsx";
import { useReviewSnapshot } from "./review-hooks.ts";
import { VoteWidget } from "./VoteWidget.tsx";

const STATE_LABEL: Record<Consensus["state"], string> = {
  "wide-agreement": "Wide agreement",
  objections: "Open objections",
  mixed: "Not yet wide agreement",
  "not-enough-votes": "Not enough votes yet",
  "no-votes": "No votes yet",
};

/** "Not enough votes yet (1 of 5)": the votes on this target of the people who took part. */
function stateText(s: Consensus): string {
  if (s.state !== "not-enough-votes") return STATE_LABEL[s.state];
  return `${STATE_LABEL[s.state]} (${s.quorum.votes} of ${s.quorum.people})`;
}

/** The model's consensus summary: which goals have wide agreement, open objections, who is missing. */
export function ConsensusPanel({ model, onFocus }: PanelProps) {
  const snapshot = useReviewSnapshot();
  const goals = model.nodes.filter((n) => isGoalKind(n.kind));
  const targets = [MASTERY_TARGET, ...goals.map((g) => g.id)];
  // "Not weighed in" names only people the quorum counts: those who took part, not who is looking.
  const names = namesOfPeopleWhoTookPart(snapshot);
  const people = peopleWhoTookPart(snapshot).length;
  const summary = consensusSummary(targets, snapshot.votes, names, people);
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
      <p className="muted small" data-testid="quorum-rule">
        {quorumRuleText(people)}
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
              <span className={`consensus-state state-${s.state}`} data-testid="consensus-state">
                {stateText(s)}
              </span>
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
