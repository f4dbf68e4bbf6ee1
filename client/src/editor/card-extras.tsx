import { isGoalKind, type LogicNode } from "@logic-canvas/shared";
import type { CardSlots } from "../canvas/card-slots.ts";
import { CardAlignment } from "../cascade/CardAlignment.tsx";
import { GoalCardProgress } from "../monitoring/GoalCardProgress.tsx";
import { CycleBadge } from "../monitoring/pdca/CycleBadge.tsx";
import { CardPlanMark } from "../plans/CardPlanMark.tsx";
import { OwnerMark } from "../plans/OwnerMark.tsx";
import { CardReviewBadges } from "../review/CardReviewBadges.tsx";

/** What the feature folders add to a card: a goal's progress and owner or an activity's plan, then the review's marks. */
function CardExtras({ id, node }: { id: string; node: LogicNode }) {
  const goal = isGoalKind(node.kind);
  return (
    <>
      {goal && <GoalCardProgress node={node} />}
      {goal && <CycleBadge cycles={node.cycles} />}
      {goal && node.owner && <OwnerMark owner={node.owner} testId="goal-owner-mark" />}
      {node.kind === "activity" && node.plan && <CardPlanMark plan={node.plan} />}
      {goal && <CardAlignment id={id} node={node} />}
      <CardReviewBadges nodeId={id} goal={goal} />
    </>
  );
}

/** Module-level, so the context value never changes and cards do not re-render for it. */
export const CARD_SLOTS: CardSlots = { Extras: CardExtras };
