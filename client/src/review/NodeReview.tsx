import { isGoalKind, type LogicNode } from "@logic-canvas/shared";
import { useState } from "react";
import { ActivityList } from "../history/ActivityList.tsx";
import { RevisionReasonPrompt } from "../history/RevisionReasonPrompt.tsx";
import { useReviewContext } from "./review-context.ts";
import { VoteWidget } from "./VoteWidget.tsx";

/** The review's part of a card's side panel: why-revised prompt, consensus vote and history. */
export function NodeReview({ node }: { node: LogicNode }) {
  const ctx = useReviewContext();
  const [historyOpen, setHistoryOpen] = useState(false);
  if (!ctx) return null;
  const goal = isGoalKind(node.kind);
  return (
    <div className="node-review">
      {goal && <RevisionReasonPrompt nodeId={node.id} />}
      {goal && <VoteWidget target={node.id} title={node.title} />}
      <details
        className="node-history-section"
        onToggle={(e) => setHistoryOpen(e.currentTarget.open)}
      >
        <summary>History</summary>
        {/* Fetched when opened, so it shows the revisions up to that moment. */}
        {historyOpen && (
          <ActivityList
            access={{ modelId: ctx.modelId, token: ctx.token, displayName: ctx.displayName }}
            nodeId={node.id}
            title="Revisions of this card"
          />
        )}
      </details>
    </div>
  );
}
