import type * as Y from "yjs";
import { edgesMap } from "../doc/layout.ts";
import { addNode, disconnect, updateNode, updateSmart } from "../doc/mutate.ts";
import { readModel } from "../doc/read.ts";
import { DomainError } from "../errors.ts";
import { isGoalKind } from "../kinds.ts";
import { LANE_ROW_SPACING, positionInLane } from "../lanes.ts";
import { quoteTitle } from "../link-rules.ts";
import type { LogicModel } from "../schema.ts";
import type { ProposalChange } from "./schema.ts";

/**
 * An accepted proposal, applied to the graph as one forward change through the graph's typed
 * mutations (so it passes the same card rules as an edit on the canvas). Refusals are in words:
 * the card may have been deleted, or a kind changed, since the proposal was made.
 */

export type ApplyResult = { ok: true; cardId: string | null } | { ok: false; message: string };

/** What the change would do, in words ("Title of “Coaching cycles” → “Peer coaching”"). */
export function describeChange(change: ProposalChange, model: LogicModel): string {
  const card = (id: string) =>
    quoteTitle(
      model.nodes.find((n) => n.id === id),
      id,
    );
  switch (change.kind) {
    case "title":
      return `Retitle ${card(change.cardId)} as “${change.title}”`;
    case "target":
      return `Set the target of ${card(change.cardId)} to ${change.value} by ${change.date}`;
    case "indicator":
      return `Measure ${card(change.cardId)} by “${change.indicator}”`;
    case "newCard":
      return `Add the card “${change.title}”`;
    case "removeLink": {
      const edge = model.edges.find((e) => e.id === change.edgeId);
      return edge
        ? `Remove the link from ${card(edge.source)} to ${card(edge.target)}`
        : "Remove a link that is no longer in the model";
    }
  }
}

/** Why the change cannot be applied to this model, or null. */
export function changeProblem(change: ProposalChange, model: LogicModel): string | null {
  if (change.kind === "newCard") return null;
  if (change.kind === "removeLink")
    return model.edges.some((e) => e.id === change.edgeId)
      ? null
      : "That link is no longer in the model.";
  const node = model.nodes.find((n) => n.id === change.cardId);
  if (!node) return "That card is no longer in the model.";
  if (change.kind !== "title" && !isGoalKind(node.kind))
    return `${quoteTitle(node)} is not a goal: only goals carry a target and an indicator.`;
  return null;
}

function newCardPosition(model: LogicModel, kind: ProposalChange & { kind: "newCard" }) {
  const lane = model.nodes.filter((n) => n.kind === kind.cardKind);
  const lowest = Math.max(-Infinity, ...lane.map((n) => n.position?.y ?? 0));
  const start = positionInLane(kind.cardKind, 0);
  return lane.length === 0 ? start : { x: start.x, y: lowest + LANE_ROW_SPACING };
}

/** Applies the change to the graph in one transaction under `origin`. */
export function applyProposalChange(
  graph: Y.Doc,
  change: ProposalChange,
  origin: unknown,
): ApplyResult {
  const model = readModel(graph);
  const problem = changeProblem(change, model);
  if (problem) return { ok: false, message: problem };
  try {
    let cardId: string | null = null;
    graph.transact(() => {
      if (change.kind === "title")
        updateNode(graph, change.cardId, { title: change.title }, origin);
      if (change.kind === "target")
        updateSmart(
          graph,
          change.cardId,
          { target: { value: change.value, date: change.date } },
          origin,
        );
      if (change.kind === "indicator")
        updateSmart(graph, change.cardId, { indicator: change.indicator }, origin);
      if (change.kind === "newCard")
        cardId = addNode(
          graph,
          { kind: change.cardKind, title: change.title, position: newCardPosition(model, change) },
          origin,
        );
      if (change.kind === "removeLink" && edgesMap(graph).has(change.edgeId))
        disconnect(graph, change.edgeId, origin);
      if (change.kind !== "newCard" && change.kind !== "removeLink") cardId = change.cardId;
    }, origin);
    return { ok: true, cardId };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, message: error.message };
    throw error;
  }
}
