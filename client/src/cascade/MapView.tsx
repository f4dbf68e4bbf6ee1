import type { FoldedView, GoalStatusName } from "@logic-canvas/shared";
import { STATUS_LABEL } from "../monitoring/status-labels.ts";
import { GoalFacts } from "./GoalFacts.tsx";
import { descendants, groupByWorkspace, type MapNode } from "./map-tree.ts";

/** A folded goal's subtree as the page holds it: asked for when the person opens it. */
export interface Unfold {
  /** The goals below a folded goal, once loaded; "loading" while asked; undefined if never. */
  below: (key: string) => MapNode[] | "loading" | string | undefined;
  onToggle: (key: string, open: boolean) => void;
}

/**
 * The alignment map: each top goal across the width, the goals aligned to it as one card per
 * workspace below (a district goal's schools side by side), and their own aligned goals folded
 * into a status strip that opens into rows (a school goal's teams), fetched on opening.
 */
export function MapView({
  roots,
  open,
  unfold,
}: {
  roots: MapNode[];
  open: boolean;
  unfold: Unfold;
}) {
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
                      <MidGoal key={node.key} node={node} open={open} unfold={unfold} />
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
function MidGoal({ node, open, unfold }: { node: MapNode; open: boolean; unfold: Unfold }) {
  const folded = node.folded;
  const loaded = folded ? unfold.below(node.key) : node.children;
  return (
    <li className="map-goal" data-goal={node.key}>
      <div className={node.matches ? undefined : "is-context"}>
        <GoalFacts goal={node.goal} level="card" />
      </div>
      {(folded ? folded.total > 0 : node.children.length > 0) && (
        <details
          className="map-below"
          open={open || undefined}
          onToggle={(e) => folded && unfold.onToggle(node.key, e.currentTarget.open)}
        >
          <summary>
            <StatusStrip counts={folded ?? countsOf(node)} />
          </summary>
          {Array.isArray(loaded) ? (
            <ul className="map-rows">
              {loaded.map((child) => (
                <LeafGoal key={child.key} node={child} />
              ))}
            </ul>
          ) : (
            <p className="muted small" role="status">
              {loaded === "loading" || loaded === undefined ? "Loading the goals below…" : loaded}
            </p>
          )}
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

/** Every goal below a node once, counted by status. */
function countsOf(node: MapNode): FoldedView {
  const byStatus: FoldedView["byStatus"] = {};
  const below = descendants(node);
  for (const d of below) byStatus[d.goal.status] = (byStatus[d.goal.status] ?? 0) + 1;
  return {
    total: below.length,
    byStatus,
    attention: below.filter((d) => d.goal.needsAttention).length,
  };
}

/** "12 aligned goals" with one square per goal in status colour, worst first, and the counts. */
function StatusStrip({ counts }: { counts: FoldedView }) {
  const { total, byStatus } = counts;
  const cells = ORDER.flatMap((status) =>
    Array.from({ length: byStatus[status] ?? 0 }, (_, n) => ({ key: `${status}${n}`, status })),
  );
  const words = ORDER.filter((s) => byStatus[s])
    .map((s) => `${byStatus[s]} ${STATUS_LABEL[s].toLowerCase()}`)
    .join(", ");
  return (
    <span className="status-strip">
      <span className="status-strip-count">
        {total} aligned {total === 1 ? "goal" : "goals"}
      </span>
      <span className="status-strip-cells" aria-hidden="true">
        {cells.map((cell) => (
          <span key={cell.key} className={`strip-cell status-${cell.status}`} />
        ))}
      </span>
      <span className="status-strip-words">{words}</span>
    </span>
  );
}
