import { useConnection } from "@xyflow/react";
import { useBinding } from "./actions-context.ts";
import { cardAt } from "./drop-link.ts";

/**
 * While a link is dragged over a card (its handle or anywhere on its body, where a drop links
 * too), says whether it can be made there, or why not.
 */
export function ConnectionHint() {
  const binding = useBinding();
  const connection = useConnection();
  if (!connection.inProgress || !connection.fromNode) return null;
  // The pointer is relative to the React Flow container.
  const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
  const over =
    connection.toNode?.id ??
    (pane && cardAt(pane.left + connection.pointer.x, pane.top + connection.pointer.y));
  if (!over || over === connection.fromNode.id) return null;
  const fromSource = connection.fromHandle?.type !== "target";
  const source = fromSource ? connection.fromNode.id : over;
  const target = fromSource ? over : connection.fromNode.id;
  const problem = binding.connectionProblem(source, target);
  return (
    <div className={`connection-hint ${problem ? "is-bad" : "is-ok"}`} role="status">
      {problem ?? "Release to link these cards."}
    </div>
  );
}
