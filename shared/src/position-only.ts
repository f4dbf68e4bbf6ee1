import { sameJson } from "./json-equal.ts";
import type { LogicModel, LogicNode } from "./schema.ts";

/**
 * True when `after` differs from `before` at most in where cards sit. Validation, the checks and
 * the chains never read a position, so a drag (a dozen moves a second, one's own or a
 * collaborator's) need not run them again over a thousand cards (issue 14: the remote drag's
 * frames paid for a whole-model validation per move).
 *
 * Cheap when the caller keeps unchanged cards' objects, as the canvas's model mirror does: those
 * compare by identity, and only a moved card is compared field by field.
 */
export function onlyPositionsDiffer(before: LogicModel, after: LogicModel): boolean {
  if (before === after) return true;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === "nodes" || key === "edges") continue;
    const a = (before as unknown as Record<string, unknown>)[key];
    const b = (after as unknown as Record<string, unknown>)[key];
    if (a !== b && !sameJson(a, b)) return false;
  }
  if (before.edges.length !== after.edges.length) return false;
  for (let i = 0; i < before.edges.length; i++) {
    const a = before.edges[i];
    const b = after.edges[i];
    if (a !== b && !sameJson(a, b)) return false;
  }
  if (before.nodes.length !== after.nodes.length) return false;
  for (let i = 0; i < before.nodes.length; i++) {
    const a = before.nodes[i] as LogicNode;
    const b = after.nodes[i] as LogicNode;
    if (a !== b && !sameBesidesPosition(a, b)) return false;
  }
  return true;
}

function sameBesidesPosition(a: LogicNode, b: LogicNode): boolean {
  const { position: _a, ...restA } = a;
  const { position: _b, ...restB } = b;
  return sameJson(restA, restB);
}
