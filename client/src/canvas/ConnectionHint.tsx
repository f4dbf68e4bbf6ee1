import { useConnection } from "@xyflow/react";
import { useBinding } from "./actions-context.ts";

/** While a link is dragged over a card, says why that link cannot be made (if it cannot). */
export function ConnectionHint() {
  const binding = useBinding();
  const connection = useConnection();
  if (!connection.inProgress || !connection.toNode || !connection.fromNode) return null;
  const fromSource = connection.fromHandle?.type !== "target";
  const source = fromSource ? connection.fromNode.id : connection.toNode.id;
  const target = fromSource ? connection.toNode.id : connection.fromNode.id;
  const problem = binding.connectionProblem(source, target);
  return (
    <div className={`connection-hint ${problem ? "is-bad" : "is-ok"}`} role="status">
      {problem ?? "Release to link these cards."}
    </div>
  );
}
