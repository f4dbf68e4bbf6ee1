import type { LogicModel, LogicNode } from "@logic-canvas/shared";
import type { YjsFlowBinding } from "../canvas/yjs-flow-binding.ts";
import { OwnerSelect } from "../plans/OwnerSelect.tsx";
import { useReviewSnapshot } from "../review/review-hooks.ts";

/**
 * A goal's owner (issue 18): the person who answers for it and hears, in their inbox, when a
 * colleague's change turns it off track. Chosen like an activity's owner; editors and owners of
 * the model change it, everyone else reads it.
 */
export function GoalOwnerField({
  node,
  model,
  binding,
  readOnly,
}: {
  node: LogicNode;
  model: LogicModel;
  binding: YjsFlowBinding;
  readOnly: boolean;
}) {
  const snapshot = useReviewSnapshot();
  return (
    <div className="goal-owner" data-testid="goal-owner">
      <OwnerSelect
        owner={node.owner}
        model={model}
        readOnly={readOnly}
        onOwner={(owner) =>
          binding.updateNode(node.id, {
            owner: owner ? { id: owner.id, name: owner.name } : null,
          })
        }
      />
      <p className="muted small">
        {node.owner
          ? `${snapshot.me?.id === node.owner.id ? "You hear" : `${node.owner.name} hears`} when a colleague’s change puts this goal off track.`
          : "The owner hears when a colleague’s change puts this goal off track."}
      </p>
    </div>
  );
}
