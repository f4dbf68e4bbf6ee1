import { columnOf, isGoalKind, KIND_LABELS, NODE_KINDS, type NodeKind } from "./kinds.ts";
import type { LogicEdge, LogicNode } from "./schema.ts";

/**
 * Which links may exist: shared by `validateModel`, the canvas (while a link is dragged or a
 * card is moved to another lane) and the server (which refuses a backward link).
 */

type GraphLike = { nodes: readonly LogicNode[]; edges: readonly LogicEdge[] };
/** What a link check needs of a card. */
export type LinkEnd = Pick<LogicNode, "id" | "kind" | "title">;

/** A card's title as a message quotes it: in quotes, shortened when long. */
export function quoteTitle(node: Pick<LogicNode, "title"> | undefined, fallbackId = ""): string {
  const title = node?.title ?? fallbackId;
  return `"${title.length > 60 ? `${title.slice(0, 57)}…` : title}"`;
}

export function laneName(kind: NodeKind): string {
  return KIND_LABELS[kind].label.toLowerCase();
}

/** Where a card of `kind` may link to, in words. */
function onwardFrom(kind: NodeKind): string {
  const later = NODE_KINDS.slice(columnOf(kind) + 1).map(laneName);
  if (later.length === 0) return `and ${laneName(kind)} are the last column`;
  const list =
    later.length === 1 ? later[0] : `${later.slice(0, -1).join(", ")} or ${later.at(-1)}`;
  return `so ${laneName(kind)} link to ${list}`;
}

type ConnectCheck =
  | { ok: true }
  | {
      ok: false;
      code: "edge-self" | "edge-backward" | "edge-duplicate" | "edge-missing-node";
      message: string;
    };

export function checkLink(
  source: LinkEnd | undefined,
  target: LinkEnd | undefined,
  ids: { source: string; target: string },
): ConnectCheck {
  if (!source || !target) {
    const missing = !source ? ids.source : ids.target;
    return {
      ok: false,
      code: "edge-missing-node",
      message: `A link points to a card that no longer exists (${missing}).`,
    };
  }
  if (source.id === target.id)
    return {
      ok: false,
      code: "edge-self",
      message: `${quoteTitle(source)} cannot link to itself.`,
    };
  if (columnOf(target.kind) <= columnOf(source.kind)) {
    const where = target.kind === source.kind ? "within the same column" : "backward";
    return {
      ok: false,
      code: "edge-backward",
      message: `${quoteTitle(source)} links ${where} to ${quoteTitle(target)}: links run left to right, ${onwardFrom(source.kind)}.`,
    };
  }
  return { ok: true };
}

/** Whether a link from `sourceId` to `targetId` may be drawn; the message is shown while dragging. */
export function canConnect(model: GraphLike, sourceId: string, targetId: string): ConnectCheck {
  let source: LogicNode | undefined;
  let target: LogicNode | undefined;
  for (const node of model.nodes) {
    if (node.id === sourceId) source = node;
    if (node.id === targetId) target = node;
  }
  const check = checkLink(source, target, { source: sourceId, target: targetId });
  if (!check.ok) return check;
  if (model.edges.some((e) => e.source === sourceId && e.target === targetId)) {
    return {
      ok: false,
      code: "edge-duplicate",
      message: `${quoteTitle(source)} already links to ${quoteTitle(target)}.`,
    };
  }
  return { ok: true };
}

/** Moving a card to another lane changes its kind; allowed only if every link stays valid. */
export function canChangeKind(
  model: GraphLike,
  nodeId: string,
  newKind: NodeKind,
): { ok: true } | { ok: false; message: string } {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const node = byId.get(nodeId);
  if (!node) return { ok: false, message: "That card no longer exists." };
  if (node.kind === newKind) return { ok: true };
  if (!isGoalKind(newKind) && (node.smart || node.measurements?.length)) {
    return {
      ok: false,
      message: `${quoteTitle(node)} has a SMART target or measurements; only goals keep those. Remove them first to make it one of the ${laneName(newKind)}.`,
    };
  }
  const moved = { ...node, kind: newKind };
  for (const edge of model.edges) {
    if (edge.source !== nodeId && edge.target !== nodeId) continue;
    const source = edge.source === nodeId ? moved : byId.get(edge.source);
    const target = edge.target === nodeId ? moved : byId.get(edge.target);
    if (!source || !target) continue;
    const check = checkLink(source, target, edge);
    if (!check.ok) {
      return {
        ok: false,
        message: `${quoteTitle(node)} cannot become one of the ${laneName(newKind)}: its link from ${quoteTitle(source)} to ${quoteTitle(target)} would run backward.`,
      };
    }
  }
  return { ok: true };
}
