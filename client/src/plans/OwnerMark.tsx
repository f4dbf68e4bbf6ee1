import { initialsOf, type PersonRef } from "@logic-canvas/shared";
import "./plans.css";

/**
 * Whose card it is, as initials on the card (the full name for the pointer and screen readers):
 * an activity's action-plan owner and a goal's owner alike.
 */
export function OwnerMark({ owner, testId }: { owner: PersonRef; testId: string }) {
  return (
    <span className="badge plan-owner" title={`Owner: ${owner.name}`} data-testid={testId}>
      <span aria-hidden="true">{initialsOf(owner.name)}</span>
      <span className="visually-hidden">Owner: {owner.name}</span>
    </span>
  );
}
