import type { LogicModel, PersonRef } from "@logic-canvas/shared";
import { useId } from "react";
import { useReviewSnapshot } from "../review/review-hooks.ts";
import { ownerCandidates } from "./owner-candidates.ts";
import { useModelMembers } from "./use-model-members.ts";

/**
 * Who owns a card's work, chosen from the people of the model (me marked); "Nobody yet" clears
 * it. One control for an activity's action plan and for a goal. An owner no longer among the
 * people (renamed away, left) is still shown by the name they had. The people are the model's
 * own and its workspace's members, for every use alike.
 */
export function OwnerSelect(props: {
  owner: PersonRef | undefined;
  model: LogicModel;
  readOnly: boolean;
  onOwner: (owner: PersonRef | undefined) => void;
}) {
  const id = useId();
  const snapshot = useReviewSnapshot();
  const candidates = ownerCandidates(snapshot, props.model, useModelMembers());
  const meId = snapshot.me?.id;
  const { owner } = props;
  const people =
    owner && !candidates.some((p) => p.id === owner.id) ? [owner, ...candidates] : candidates;
  return (
    <div className="field">
      <label htmlFor={id}>Owner</label>
      <select
        id={id}
        value={owner?.id ?? ""}
        disabled={props.readOnly}
        onChange={(e) => props.onOwner(people.find((p) => p.id === e.target.value))}
      >
        <option value="">Nobody yet</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {meId === p.id ? " (me)" : ""}
          </option>
        ))}
      </select>
    </div>
  );
}
