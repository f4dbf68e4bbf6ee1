import type { GoalStatusName } from "@logic-canvas/shared";
import { STATUS_LABEL } from "../monitoring/status-labels.ts";
import { GoalFacts } from "./GoalFacts.tsx";
import { descendants, groupByWorkspace, type MapNode } from "./map-tree.ts";

/**
 * The alignment map: each top goal across the width, the goals aligned to it as one card per
 * workspace below (a district goal's schools side by side), and their own aligned goals folded
 * into a status strip that opens into rows (a school goal's teams).
 */
export function MapView({ roots, open }: { roots: MapNode[]; open: boolean }) {
  return (
    <ul className="map-roots" data-testid="alignment-map">
      {roots.map((root) => (
        <li key={root.key} className="map-root" data-goal={root.key}>
          <div className="map-goal map-goal-root">
            <div className={root.matches ? undefined : "is-context"}>
              <span className="map-place">{root.goal.workspaceName}</span>
              <GoalFacts goal={root.goal} level="root" />
            </div>
          </div>
          {root.children.length > 0 && (
            <ul className="map-groups" aria-label={`Aligned to “${root.goal.title}”`}>
              {groupByWorkspace(root.children).map((group) => (
                <li key={group.workspaceId} className="map-group">
                  <h3 className="map-group-name">{group.workspaceName}</h3>
                  <ul className="map-goals">
                    {group.nodes.map((node) => (
                      <MidGoal key={node.key} node={node} open={open} />
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A goal in a workspace card, with the goals aligned to it folded below. */
function MidGoal({ node, open }: { node: MapNode; open: boolean }) {
  return (
    <li className="map-goal" data-goal={node.key}>
      <div className={node.matches ? undefined : "is-context"}>
        <GoalFacts goal={node.goal} level="card" />
      </div>
      {node.children.length > 0 && (
        <details className="map-below" open={open || undefined}>
          <summary>
            <StatusStrip node={node} />
          </summary>
          <ul className="map-rows">
            {node.children.map((child) => (
              <LeafGoal key={child.key} node={child} />
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

/** A goal deep in the tree as one row, with its own aligned goals nested under it. */
function LeafGoal({ node }: { node: MapNode }) {
  return (
    <li className="map-row" data-goal={node.key}>
      <div className={node.matches ? undefined : "is-context"}>
        <GoalFacts goal={node.goal} level="row" />
      </div>
      {node.children.length > 0 && (
        <ul className="map-rows">
          {node.children.map((child) => (
            <LeafGoal key={child.key} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

const ORDER: GoalStatusName[] = ["off-track", "at-risk", "on-track", "achieved", "not-measured"];

/** "12 aligned goals" with one square per goal in status colour, worst first, and the counts. */
function StatusStrip({ node }: { node: MapNode }) {
  const below = descendants(node);
  const counts: Partial<Record<GoalStatusName, number>> = {};
  for (const d of below) counts[d.goal.status] = (counts[d.goal.status] ?? 0) + 1;
  const total = below.length;
  const words = ORDER.filter((s) => counts[s])
    .map((s) => `${counts[s]} ${STATUS_LABEL[s].toLowerCase()}`)
    .join(", ");
  return (
    <span className="status-strip">
      <span className="status-strip-count">
        {total} aligned {total === 1 ? "goal" : "goals"}
      </span>
      <span className="status-strip-cells" aria-hidden="true">
        {below
          .sort((a, b) => ORDER.indexOf(a.goal.status) - ORDER.indexOf(b.goal.status))
          .map((d) => (
            <span key={d.key} className={`strip-cell status-${d.goal.status}`} />
          ))}
      </span>
      <span className="status-strip-words">{words}</span>
    </span>
  );
}
