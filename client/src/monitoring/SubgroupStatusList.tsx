import { type LogicNode, subgroupStatuses, widenedSubgroupGaps } from "@logic-canvas/shared";
import { STATUS_LABEL } from "./status-labels.ts";

/**
 * Each subgroup's status under the whole group's in the progress table (issue 18), and the
 * warning when a subgroup's gap to the whole group keeps widening. Nothing without subgroups.
 */
export function SubgroupStatusList({ node, today }: { node: LogicNode; today: string }) {
  const statuses = subgroupStatuses(node, { today });
  if (statuses.length === 0) return null;
  const gaps = widenedSubgroupGaps(node, { today });
  return (
    <>
      <ul className="subgroup-statuses small" aria-label="Subgroups">
        {statuses.map(({ subgroup, status }) => (
          <li key={subgroup.id} data-testid="subgroup-status" data-status={status}>
            <span className={`status-dot status-${status}`} aria-hidden="true" /> {subgroup.name}:{" "}
            {STATUS_LABEL[status].toLowerCase()}
          </li>
        ))}
      </ul>
      {gaps.map((gap) => (
        <p key={gap.subgroup.id} className="subgroup-gap small" role="note">
          ⚠ {gap.sentence}
        </p>
      ))}
    </>
  );
}
