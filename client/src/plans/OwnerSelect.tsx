import type { PersonRef } from "@logic-canvas/shared";
import { useId } from "react";

/**
 * Who owns a card's work, chosen from the people of the model (me marked); "Nobody yet" clears
 * it. One control for an activity's action plan and for a goal. An owner no longer among the
 * people (renamed away, left) is still shown by the name they had.
 */
export function OwnerSelect(props: {
  owner: PersonRef | undefined;
  people: PersonRef[];
  meId: string | undefined;
  readOnly: boolean;
  onOwner: (owner: PersonRef | undefined) => void;
}) {
  const id = useId();
  const { owner } = props;
  const people =
    owner && !props.people.some((p) => p.id === owner.id) ? [owner, ...props.people] : props.people;
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
            {props.meId === p.id ? " (me)" : ""}
          </option>
        ))}
      </select>
    </div>
  );
}
